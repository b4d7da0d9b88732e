#!/usr/bin/env node
// A stand-in for the VS Code executable that @vscode/test-electron spawns.
// Desktop VS Code cannot be downloaded here, so this runs the same extension
// tests in real VS Code: the VS Code server bundled with code-server (Node 24)
// hosts the extension host, and headless chromium runs the workbench.
//
// Accepted arguments (others are ignored, as test-electron adds desktop flags):
//   --extensionDevelopmentPath=DIR (repeatable)  --extensionTestsPath=FILE
//   --user-data-dir=DIR  --extensions-dir=DIR  [folder]
// Environment:
//   DP_EDITOR_TIMEOUT_MS  limit for the whole test run (default 180000)
//   DP_ARTIFACTS_DIR      where DP_SCREENSHOT requests write (default <repo>/test-artifacts)

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { killTree } from './processes.mjs';
import { ProvisionError, provision } from './provision.mjs';
import { isolatedEnv, seedUserSettings } from './session.mjs';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIMEOUT_MS = Number(process.env.DP_EDITOR_TIMEOUT_MS) || 180_000;
const SERVER_START_TIMEOUT_MS = 60_000;
const SQUIGGLE_TIMEOUT_MS = 20_000;
// How long a result may trail the extension host's exit before the run counts as crashed.
const EXIT_GRACE_MS = 5_000;
const SQUIGGLES = '.squiggly-warning, .squiggly-error, .squiggly-info';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const log = (msg) => console.log(`[code-launcher] ${msg}`);

class LaunchError extends Error {}

function parseArgs(argv) {
  const opts = { devPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folder: undefined };
  for (const arg of argv) {
    const m = /^--([^=]+)=(.*)$/.exec(arg);
    if (m) {
      const [, key, value] = m;
      if (key === 'extensionDevelopmentPath') opts.devPaths.push(resolve(value));
      else if (key === 'extensionTestsPath') opts.testsPath = resolve(value);
      else if (key === 'user-data-dir') opts.userDataDir = resolve(value);
      else if (key === 'extensions-dir') opts.extensionsDir = resolve(value);
    } else if (!arg.startsWith('-')) {
      if (opts.folder !== undefined) throw new LaunchError(`only one folder can be opened, got ${opts.folder} and ${arg}`);
      opts.folder = resolve(arg);
    }
  }
  if (!opts.testsPath) throw new LaunchError('--extensionTestsPath=FILE is required (this launcher only runs extension tests)');
  if (opts.devPaths.length === 0) throw new LaunchError('--extensionDevelopmentPath=DIR is required');
  return opts;
}

function loadPlaywright() {
  try {
    return createRequire(import.meta.url)('playwright-core');
  } catch (err) {
    throw new LaunchError(`cannot load playwright-core (a devDependency; run npm install in ${REPO_ROOT}): ${err.message}`);
  }
}

function startServer(paths, env, userDataDir, extensionsDir) {
  const args = [
    paths.serverMain,
    '--host', '127.0.0.1',
    '--port', '0',
    '--without-connection-token',
    '--accept-server-license-terms',
    '--telemetry-level', 'off',
    '--enable-smoke-test-driver',
    '--user-data-dir', userDataDir,
    '--server-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
  ];
  // detached: its own process group, so the whole tree can be signalled at once.
  return spawn(paths.node24, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
}

// The server logs each chunk the extension host writes to stdout/stderr behind
// this prefix (later lines of a chunk come bare); removing it gives the tests'
// own lines back, so a summary line such as `3 passed, 0 failed` stands alone.
const EXT_HOST_PREFIX = /^\[\d\d:\d\d:\d\d\] \[[^\]]*\]\[[^\]]*\]\[ExtensionHostConnection\] <\d+>(?:<stderr>)? ?/;

let forwarding = true;

/** Forwards server lines to stdout (until shutdown) and hands each one to `onLine`. */
function forwardLines(stream, onLine) {
  createInterface({ input: stream, crlfDelay: Infinity }).on('line', (raw) => {
    const line = raw.replace(EXT_HOST_PREFIX, '');
    if (line.trim() === '') return; // the server adds an empty line after every chunk
    if (forwarding) process.stdout.write(`${line}\n`);
    onLine(line);
  });
}

// The workbench's own errors (an extension failing to activate, an uncaught
// exception in the extension host) reach only the browser console. Marketplace
// look-ups and the service worker fail on every offline run and say nothing.
const WORKBENCH_ERROR = /^%c\s*ERR color: \S+ /;
const EXPECTED_OFFLINE_ERRORS = /getaddrinfo ENOTFOUND|\[Service Worker\]/;

function forwardWorkbenchErrors(page) {
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() !== 'error' || !WORKBENCH_ERROR.test(text) || EXPECTED_OFFLINE_ERRORS.test(text)) return;
    process.stdout.write(`[workbench] ERR ${text.replace(WORKBENCH_ERROR, '')}\n`);
  });
}

async function screenshot(page, artifactsDir, name) {
  const png = join(artifactsDir, `${name}.png`);
  try {
    await page.waitForSelector(SQUIGGLES, { state: 'visible', timeout: SQUIGGLE_TIMEOUT_MS });
    // Two animation frames let the editor finish painting decorations it just added.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: png });
    writeFileSync(join(artifactsDir, `${name}.done`), `${png}\n`);
    log(`screenshot ${png}`);
  } catch (err) {
    const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
    writeFileSync(join(artifactsDir, `${name}.failed`), `${reason}\n`);
    log(`screenshot ${name} failed: ${reason}`);
  }
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const paths = provision({ log, quiet: true });
  const { chromium } = loadPlaywright();

  const scratch = mkdtempSync(join(tmpdir(), 'dp-code-launcher-'));
  const userDataDir = opts.userDataDir ?? join(scratch, 'user-data');
  const extensionsDir = opts.extensionsDir ?? join(scratch, 'extensions');
  const artifactsDir = resolve(process.env.DP_ARTIFACTS_DIR || join(REPO_ROOT, 'test-artifacts'));
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(artifactsDir, { recursive: true });
  seedUserSettings(userDataDir);
  const env = isolatedEnv(scratch, { DP_ARTIFACTS_DIR: artifactsDir });

  let server;
  let context;
  const timers = [];
  let interrupted;
  let extHostExited = () => {};
  const extHostGone = new Promise((r) => (extHostExited = r));
  let extHostCrash; // how the extension host ended, when that was not a clean exit
  try {
    const result = await new Promise((resolveResult, reject) => {
      const fail = (msg) => reject(new LaunchError(msg));
      for (const sig of ['SIGINT', 'SIGTERM']) {
        process.on(sig, () => {
          interrupted = sig;
          fail(`interrupted by ${sig}`);
        });
      }
      timers.push(
        setTimeout(
          () => fail(`no test result after ${TIMEOUT_MS / 1000} s: the extension host never called codeAutomationExit (see the output above)`),
          TIMEOUT_MS,
        ),
      );

      server = startServer(paths, env, userDataDir, extensionsDir);
      server.on('error', (err) => fail(`cannot start the VS Code server: ${err.message}`));
      server.on('exit', (code, sig) => fail(`the VS Code server exited before the tests finished (${sig ?? `code ${code}`})`));

      let page;
      let portFound;
      const port = new Promise((r) => (portFound = r));
      const pendingShots = new Set();
      let crashTimer;
      const onLine = (line) => {
        const listening = /Extension host agent listening on (\d+)/.exec(line);
        if (listening) portFound(Number(listening[1]));
        const exited = /Extension Host Process exited with (code: (\S+), signal: (\S+))\./.exec(line);
        if (exited) {
          if (exited[2] !== '0' || exited[3] !== 'null') extHostCrash = exited[1];
          extHostExited();
          crashTimer = setTimeout(() => fail(`the extension host exited (${exited[1]}) without reporting a test result`), EXIT_GRACE_MS);
          timers.push(crashTimer);
        }
        // A restarted extension host is still running the tests.
        if (/Launched Extension Host Process/.test(line)) clearTimeout(crashTimer);
        const shot = /DP_SCREENSHOT ([A-Za-z0-9._-]+)/.exec(line);
        if (shot && page && !pendingShots.has(shot[1])) {
          const name = shot[1];
          pendingShots.add(name);
          void screenshot(page, artifactsDir, name).finally(() => pendingShots.delete(name));
        }
      };
      forwardLines(server.stdout, onLine);
      forwardLines(server.stderr, onLine);
      timers.push(setTimeout(() => fail(`the VS Code server printed no port within ${SERVER_START_TIMEOUT_MS / 1000} s`), SERVER_START_TIMEOUT_MS));

      void (async () => {
        const p = await port;
        const remote = (abs) => `vscode-remote://127.0.0.1:${p}${abs}`;
        const payload = [
          ...opts.devPaths.map((dir) => ['extensionDevelopmentPath', remote(dir)]),
          ['extensionTestsPath', remote(opts.testsPath)],
        ];
        const query = [opts.folder ? `folder=${encodeURIComponent(opts.folder)}` : 'ew=true', `payload=${encodeURIComponent(JSON.stringify(payload))}`];
        const url = `http://127.0.0.1:${p}/?${query.join('&')}`;

        context = await chromium.launchPersistentContext(join(scratch, 'browser'), {
          executablePath: paths.chromium,
          headless: true,
          args: CHROMIUM_ARGS,
          viewport: { width: 1280, height: 800 },
          // Chromium's crash reporter writes under XDG_CONFIG_HOME too.
          env,
          // Playwright's own handlers would exit before the server tree is ended.
          handleSIGINT: false,
          handleSIGTERM: false,
          handleSIGHUP: false,
        });
        page = context.pages()[0] ?? (await context.newPage());
        page.on('crash', () => fail('the browser page crashed'));
        page.on('pageerror', (err) => log(`page error: ${err.message}`));
        forwardWorkbenchErrors(page);
        // Must exist before the workbench loads: it looks the function up when the tests end.
        await page.exposeFunction('codeAutomationExit', (code) => resolveResult(Number.isInteger(code) ? code : 1));
        log(`opening ${url}`);
        await page.goto(url);
      })().catch((err) => fail(`browser: ${err.message}`));
    });
    // The server relays extension host output in debounced chunks, so the tests'
    // last lines (the summary) can trail the exit call; they are in once the
    // extension host has exited.
    await Promise.race([extHostGone, new Promise((r) => setTimeout(r, 3_000))]);
    if (result === 0 && extHostCrash) {
      // The web workbench reports 0 when the extension host dies mid-run.
      log(`FAILED: the workbench reported success but the extension host exited with ${extHostCrash}`);
      process.exitCode = 1;
    } else {
      log(`tests finished with exit code ${result}`);
      process.exitCode = result;
    }
  } catch (err) {
    log(`FAILED: ${err.message}`);
    process.exitCode = interrupted ? 130 : 1;
  } finally {
    forwarding = false; // what the server says while being torn down is noise
    for (const t of timers) clearTimeout(t);
    if (context) await Promise.race([context.close().catch(() => {}), new Promise((r) => setTimeout(r, 5_000))]);
    if (server) await killTree(server);
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Exits explicitly: a stray handle (a timer, a half-closed pipe) must not keep a
// finished test run alive.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    const known = err instanceof LaunchError || err instanceof ProvisionError;
    console.error(`[code-launcher] FAILED: ${known ? err.message : err.stack}`);
    process.exit(1);
  },
);
