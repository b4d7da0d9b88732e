import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO } from '../support/lsp-client';

// Neovim's built-in LSP client (Debian's neovim, 0.7.2 on bookworm) is a second client,
// written independently of vscode-languageclient: it drives the stdio server as a user's
// Neovim would. Route 2 of ../shared/REAL-EDITOR.md.

const LUA = join(REPO, 'test', 'neovim', 'lsp-session.lua');
const KILL_AFTER_MS = 30_000;

const DOCKERFILE = 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n';
const COMPOSE = 'services:\n  web:\n    image: nginx\n    ports:\n      - 8080:80\n';

interface NvimDiagnostic {
  code: string;
  source: string;
  message: string;
  severity: number;
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
}

interface SessionResult {
  error?: string;
  nvim: string;
  offset_encoding: string;
  dockerfile: NvimDiagnostic[];
  compose: NvimDiagnostic[];
  hover?: { kind?: string; value: string };
  actions: { title: string; kind?: string; isPreferred: boolean }[];
  applied: string;
  fixed_text: string;
  dockerfile_after: NvimDiagnostic[];
  log: string[];
  stopped: boolean;
  ms: number;
}

/** Installs Debian's neovim when it is missing (scripts/neovim/provision.mjs); fails loudly when it cannot. */
function provisionNeovim(): { nvim: string; version: string } {
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'neovim', 'provision.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], timeout: 10 * 60_000 });
  if (r.status !== 0) throw new Error(`Neovim could not be provisioned (scripts/neovim/provision.mjs exited ${r.status ?? r.signal}); see its output above`);
  return JSON.parse(r.stdout.trim()) as { nvim: string; version: string };
}

function runNvim(nvim: string, folder: string): Promise<{ code: number | null; stdout: string; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(nvim, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${LUA}`], {
      cwd: folder,
      env: { ...process.env, DP_NODE: process.execPath, DP_SERVER: join(REPO, 'bin', 'docker-patterns-language-server.js'), DP_DIR: folder },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`nvim did not finish within ${KILL_AFTER_MS} ms and was killed; stdout: ${stdout} stderr: ${stderr}`));
    }, KILL_AFTER_MS);
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    child.on('close', (code) => (clearTimeout(timer), resolve({ code, stdout, stderr, ms: Date.now() - started })));
  });
}

const shape = (ds: NvimDiagnostic[]) => ds.map((d) => [d.code, d.lnum, d.col, d.end_lnum, d.end_col]);

describe('Neovim (built-in LSP client) drives the stdio server', { timeout: 12 * 60_000 }, () => {
  let folder: string;
  let result: SessionResult;

  before(async () => {
    const { nvim } = provisionNeovim();
    folder = mkdtempSync(join(tmpdir(), 'dp-neovim-'));
    writeFileSync(join(folder, 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(folder, 'compose.yaml'), COMPOSE);
    const run = await runNvim(nvim, folder);
    const line = run.stdout.split('\n').find((l) => l.startsWith('DP-RESULT '));
    assert.ok(line, `nvim printed no result (exit ${run.code}); stdout: ${run.stdout} stderr: ${run.stderr}`);
    result = JSON.parse(line.slice('DP-RESULT '.length)) as SessionResult;
    assert.equal(result.error, undefined, `the Lua session failed: ${result.error}; stderr: ${run.stderr}`);
    assert.equal(run.code, 0, `nvim exited ${run.code}; stderr: ${run.stderr}`);
  });

  after(() => {
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test('the client is Debian neovim and speaks UTF-16 offsets with the server', () => {
    assert.match(result.nvim, /^0\.\d+\.\d+$/);
    assert.equal(result.offset_encoding, 'utf-16');
  });

  test('diagnostics on the Dockerfile: exact rules and ranges', () => {
    assert.deepEqual(shape(result.dockerfile), [
      ['DF101', 0, 0, 0, 9],
      ['DF210', 0, 5, 0, 9],
      ['DF301', 0, 5, 0, 9],
      ['DF201', 2, 0, 2, 8],
      ['DF202', 2, 0, 2, 8],
      ['DF208', 3, 4, 3, 10],
    ]);
    assert.ok(result.dockerfile.every((d) => d.source === 'docker-patterns'));
    // vim.diagnostic.severity: 1 error, 2 warn, 3 info, 4 hint.
    assert.equal(result.dockerfile.find((d) => d.code === 'DF301')?.severity, 2);
    assert.equal(result.dockerfile.find((d) => d.code === 'DF208')?.severity, 3);
  });

  test('diagnostics on the compose file (filetype yaml, recognised by its name): exact rules and ranges', () => {
    assert.deepEqual(shape(result.compose), [
      ['DC301', 2, 11, 2, 16],
      ['DC502', 4, 8, 4, 15],
    ]);
  });

  test('a hover on FROM shows the instruction docs', () => {
    assert.ok(result.hover, 'the server answered the hover');
    assert.equal(result.hover.kind, 'markdown');
    assert.match(result.hover.value, /\*\*FROM\*\*/);
    assert.ok(result.hover.value.includes('FROM'));
  });

  test("the preferred DF301 quick fix, applied by Neovim's workspace-edit machinery, pins the tag", () => {
    assert.ok(result.actions.length >= 2, JSON.stringify(result.actions));
    assert.ok(result.actions.every((a) => a.kind === 'quickfix'));
    assert.equal(result.actions.filter((a) => a.isPreferred).length, 1);
    assert.match(result.applied, /^Pin tag: node:24 /);
    assert.equal(result.fixed_text, DOCKERFILE.replace('FROM node\n', 'FROM node:24\n'));
  });

  test('after the edit reaches the server (didChange), DF301 is gone and the rest moved with the text', () => {
    assert.deepEqual(shape(result.dockerfile_after), [
      ['DF101', 0, 0, 0, 12],
      ['DF210', 0, 5, 0, 12],
      ['DF201', 2, 0, 2, 8],
      ['DF202', 2, 0, 2, 8],
      ['DF208', 3, 4, 3, 10],
    ]);
  });

  test('the server logged no errors and shut down when Neovim stopped it', () => {
    assert.deepEqual(result.log, []);
    assert.equal(result.stopped, true);
  });
});
