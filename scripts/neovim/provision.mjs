#!/usr/bin/env node
// Ensures Debian's `neovim` (the second, independent LSP client the tests drive
// headless) is installed, and returns the path of `nvim`. Installs it with apt
// when missing (root only), running `apt-get update` first only when a plain
// install fails. Never skips: throws ProvisionError naming the step that failed.
//
// Usage: node scripts/neovim/provision.mjs

import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export class ProvisionError extends Error {}

/** Path of a working `nvim` on PATH, or undefined. */
export function findNvim() {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  const which = spawnSync('sh', ['-c', 'command -v nvim'], { encoding: 'utf8' });
  return which.status === 0 && which.stdout.trim() ? which.stdout.trim() : 'nvim';
}

export function nvimVersion(nvim) {
  const r = spawnSync(nvim, ['--version'], { encoding: 'utf8' });
  const m = /NVIM v(\d+\.\d+\.\d+)/.exec(r.stdout ?? '');
  return m ? m[1] : undefined;
}

/** Returns `{ nvim, version }`, installing Debian's neovim first when needed. */
export function provision({ log = (msg) => console.error(`[provision:neovim] ${msg}`) } = {}) {
  let nvim = findNvim();
  if (!nvim) {
    if (typeof process.getuid === 'function' && process.getuid() !== 0) {
      throw new ProvisionError('nvim is missing and this is not root, so it cannot be installed. Run: sudo apt-get update && sudo apt-get install -y neovim');
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    log('nvim is missing; running apt-get install -y neovim');
    const first = run('apt-get', ['install', '-y', 'neovim'], env);
    if (!first.ok) {
      log(`apt-get install failed (${first.why}); running apt-get update and retrying`);
      const update = run('apt-get', ['update'], env);
      if (!update.ok) throw new ProvisionError(`apt-get update failed (${update.why}); cannot install neovim`);
      const second = run('apt-get', ['install', '-y', 'neovim'], env);
      if (!second.ok) throw new ProvisionError(`apt-get install -y neovim failed after apt-get update (${second.why})`);
    }
    nvim = findNvim();
    if (!nvim) throw new ProvisionError('apt-get installed neovim but `nvim --version` still does not run');
    log(`installed ${nvim}`);
  }
  return { nvim, version: nvimVersion(nvim) };
}

function run(cmd, args, env) {
  // apt's progress goes to stderr so that callers reading our stdout see only the result.
  const r = spawnSync(cmd, args, { stdio: ['ignore', process.stderr, process.stderr], env });
  if (r.error) return { ok: false, why: `could not start: ${r.error.message}` };
  if (r.status !== 0) return { ok: false, why: r.signal ? `signal ${r.signal}` : `exit code ${r.status}` };
  return { ok: true };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(JSON.stringify(provision()));
  } catch (err) {
    console.error(`[provision:neovim] FAILED: ${err instanceof ProvisionError ? err.message : (err && err.stack) || String(err)}`);
    process.exit(1);
  }
}
