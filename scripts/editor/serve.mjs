#!/usr/bin/env node
// "See it yourself": real VS Code (code-server) in a browser, with this repo's
// extension loaded, on a folder of your choice. Assumes `npm run build` already ran.
//
// Usage: node scripts/editor/serve.mjs [folder] [--vsix FILE] [--port N]
//   folder     what to open (default: <repo>/examples)
//   --vsix     install this packaged extension instead of loading the repo's build
//   --port     port to listen on (default: any free port)
// Stays running until Ctrl+C.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { killTree } from './processes.mjs';
import { ProvisionError, provision } from './provision.mjs';
import { isolatedEnv, seedUserSettings } from './session.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const START_TIMEOUT_MS = 60_000;

class ServeError extends Error {}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: { vsix: { type: 'string' }, port: { type: 'string', default: '0' } },
    });
  } catch (err) {
    throw new ServeError(`${err.message}\nUsage: node scripts/editor/serve.mjs [folder] [--vsix FILE] [--port N]`);
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1) throw new ServeError(`one folder at most, got: ${positionals.join(' ')}`);
  const folder = resolve(positionals[0] ?? join(REPO_ROOT, 'examples'));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new ServeError(`not a folder: ${folder}`);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ServeError(`not a port number: ${values.port}`);
  const vsix = values.vsix === undefined ? undefined : resolve(values.vsix);
  if (vsix !== undefined && !existsSync(vsix)) throw new ServeError(`no such .vsix: ${vsix}`);
  if (vsix === undefined) {
    const main = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).main;
    if (typeof main !== 'string' || !existsSync(join(REPO_ROOT, main))) {
      throw new ServeError(`the extension is not built (${join(REPO_ROOT, String(main))} is missing): run npm run build first`);
    }
  }
  return { folder, port, vsix };
}

function installVsix(node24, entry, vsix, userDataDir, extensionsDir, env) {
  console.log(`[serve] installing ${vsix}`);
  const args = [entry, '--install-extension', vsix, '--force', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
  const r = spawnSync(node24, args, { env, stdio: 'inherit', timeout: START_TIMEOUT_MS });
  if (r.error || r.status !== 0) {
    throw new ServeError(`installing ${vsix} failed (${r.error?.message ?? `exit code ${r.status}`})`);
  }
}

async function main() {
  const { folder, port, vsix } = options();
  const paths = provision({ log: (msg) => console.log(`[serve] ${msg}`) });
  const entry = join(paths.codeServerDir, 'out', 'node', 'entry.js');

  const scratch = mkdtempSync(join(tmpdir(), 'dp-serve-'));
  const userDataDir = join(scratch, 'user-data');
  const extensionsDir = join(scratch, 'extensions');
  seedUserSettings(userDataDir);
  const env = isolatedEnv(scratch);
  if (vsix) {
    try {
      installVsix(paths.node24, entry, vsix, userDataDir, extensionsDir, env);
    } catch (err) {
      rmSync(scratch, { recursive: true, force: true });
      throw err;
    }
  }

  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    // The built workbench honours the URL payload that loads a development
    // extension only with the smoke-test driver on.
    ...(vsix ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
    folder,
  ];
  // detached: its own process group, so Ctrl+C here ends the whole tree once.
  const server = spawn(paths.node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });

  let stopping = false;
  const stop = async (code) => {
    if (stopping) return;
    stopping = true;
    await killTree(server);
    rmSync(scratch, { recursive: true, force: true });
    process.exit(code);
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => void stop(0));
  server.on('error', (err) => {
    console.error(`[serve] FAILED: cannot start code-server: ${err.message}`);
    void stop(1);
  });
  server.on('exit', (code, sig) => {
    if (stopping) return;
    console.error(`[serve] FAILED: code-server exited (${sig ?? `code ${code}`})`);
    void stop(1);
  });
  const startTimer = setTimeout(() => {
    console.error(`[serve] FAILED: code-server did not report its address within ${START_TIMEOUT_MS / 1000} s`);
    void stop(1);
  }, START_TIMEOUT_MS);

  const onLine = (line) => {
    console.log(line);
    const listening = /HTTP server listening on (http:\/\/\S+?)\/?$/.exec(line);
    if (!listening) return;
    clearTimeout(startTimer);
    const base = listening[1];
    const query = [`folder=${encodeURIComponent(folder)}`];
    if (!vsix) {
      // The web workbench loads a development extension named in the URL's
      // payload. code-server names its remote authority `remote` (the bare VS
      // Code server uses host:port instead).
      const payload = [['extensionDevelopmentPath', `vscode-remote://remote${REPO_ROOT}`]];
      query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
    }
    console.log(`\nOpen ${base}/?${query.join('&')}\n(extension: ${vsix ?? `${REPO_ROOT}, development mode`}; Ctrl+C stops)\n`);
  };
  createInterface({ input: server.stdout }).on('line', onLine);
  createInterface({ input: server.stderr }).on('line', onLine);
}

main().catch((err) => {
  const known = err instanceof ServeError || err instanceof ProvisionError;
  console.error(`[serve] FAILED: ${known ? err.message : err.stack}`);
  process.exit(1);
});
