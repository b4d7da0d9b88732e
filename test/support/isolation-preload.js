// Test-only preload for test/isolation (never shipped: test/ is outside the .vsix).
// Loaded with `node --require <this> out/server/src/lsp/server.js --stdio`, the unbundled
// server, so that its modules are the ones patched here:
//  (a) rule DF101 throws on every file;
//  (b) every way to reach the network or start a process throws, and each attempt is
//      recorded (one JSON line per attempt) in $DP_ISOLATION_LOG and on stderr;
//  (c) loading a module from the workspace folder ($DP_ISOLATION_WORKSPACE) is recorded too:
//      the server must never run workspace code.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const LOG = process.env.DP_ISOLATION_LOG;
const WORKSPACE = process.env.DP_ISOLATION_WORKSPACE;
const OUT = path.join(__dirname, '..', '..', 'out');

function record(event) {
  const line = JSON.stringify({ ...event, pid: process.pid }) + '\n';
  if (LOG) fs.appendFileSync(LOG, line);
  process.stderr.write(`[isolation] ${line}`);
}

function forbid(moduleName, name) {
  const mod = require(moduleName);
  const original = mod[name];
  if (typeof original !== 'function') throw new Error(`isolation preload: ${moduleName}.${name} is not a function`);
  mod[name] = function forbidden() {
    const what = `${moduleName}.${name}`;
    record({ event: 'attempt', what, args: Array.from(arguments, (a) => (typeof a === 'function' ? '[function]' : safe(a))) });
    throw new Error(`isolation: ${what} is forbidden in the language server`);
  };
  return `${moduleName}.${name}`;
}

function safe(value) {
  try {
    return JSON.parse(JSON.stringify(value) ?? 'null');
  } catch {
    return String(value);
  }
}

const patched = [
  ...['connect', 'createConnection'].map((n) => forbid('node:net', n)),
  ...['connect'].map((n) => forbid('node:tls', n)),
  ...['request', 'get'].map((n) => forbid('node:http', n)),
  ...['request', 'get'].map((n) => forbid('node:https', n)),
  ...['lookup', 'resolve', 'resolve4', 'resolve6'].map((n) => forbid('node:dns', n)),
  ...['lookup', 'resolve'].map((n) => forbid('node:dns/promises', n)),
  ...['spawn', 'exec', 'execFile', 'fork', 'spawnSync', 'execSync', 'execFileSync'].map((n) => forbid('node:child_process', n)),
];
if (typeof globalThis.fetch === 'function') {
  globalThis.fetch = function forbiddenFetch(input) {
    record({ event: 'attempt', what: 'fetch', args: [String(input)] });
    throw new Error('isolation: fetch is forbidden in the language server');
  };
  patched.push('fetch');
}

if (WORKSPACE) {
  const originalLoad = Module._load;
  Module._load = function load(request, parent, isMain) {
    const resolved = (() => {
      try {
        return Module._resolveFilename(request, parent, isMain);
      } catch {
        return request;
      }
    })();
    if (typeof resolved === 'string' && path.resolve(resolved).startsWith(path.resolve(WORKSPACE) + path.sep)) {
      record({ event: 'attempt', what: 'require (workspace code)', args: [resolved] });
      throw new Error(`isolation: loading workspace code is forbidden: ${resolved}`);
    }
    return originalLoad.apply(this, arguments);
  };
  patched.push('Module._load(workspace)');
}

// (a) One rule that always throws; the engine's RULES list holds this same object.
const { df101 } = require(path.join(OUT, 'server', 'src', 'engine', 'rules', 'df101-no-root-user.js'));
// Both ways the engine may run it: the whole check, or stage by stage.
df101.check = df101.checkStage = function check() {
  throw new Error('isolation: DF101 made to throw');
};

record({ event: 'ready', patched, rule: 'DF101' });
