import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri, LspClient, REPO, type PublishedDiagnostics } from '../support/lsp-client';

// Issue 6, point 4. The UNBUNDLED server (tsc output; dist/server.js is one bundle that a
// preload cannot reach into) runs with test/support/isolation-preload.js, which makes rule
// DF101 throw and makes every network and process-spawning call throw and leave a record,
// and with code generation from strings (eval, new Function) disallowed. Every feature is
// then exercised.

const SERVER = join(REPO, 'out', 'server', 'src', 'lsp', 'server.js');
const PRELOAD = join(REPO, 'test', 'support', 'isolation-preload.js');

type Diagnostic = PublishedDiagnostics['diagnostics'][number];
type Range = Diagnostic['range'];
interface CodeAction {
  title: string;
  isPreferred?: boolean;
  edit?: { changes?: Record<string, { range: Range; newText: string }[]>; documentChanges?: unknown[] };
}
interface Hover {
  contents: { kind: string; value: string };
  range?: Range;
}

const DOCKERFILE = 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n';
const DOCKERFILE_PROD = 'FROM python\nRUN pip install flask\nCMD python app.py\n';
const COMPOSE = 'services:\n  web:\n    build: .\n    env_file: .env\n    image: nginx\n    ports:\n      - 8080:80\n';
const DOCKERIGNORE = 'node_modules\n';
/** Workspace code the server must never run: each writes a sentinel file if executed. */
const SENTINEL = 'workspace-code-ran';

const shape = (p: PublishedDiagnostics) => p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

describe('isolation: a throwing rule, no network, no processes, no stale answers', { timeout: 60_000 }, () => {
  let folder: string;
  let log: string;
  let client: LspClient;
  let dockerfile: string;
  let prod: string;
  let compose: string;
  let ignore: string;

  before(async () => {
    assert.ok(existsSync(SERVER), `${SERVER} is missing: run npm run build first`);
    folder = mkdtempSync(join(tmpdir(), 'dp-isolation-'));
    log = join(folder, '..', `${folder.split('/').pop()}.attempts.jsonl`);
    writeFileSync(join(folder, 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(folder, 'Dockerfile.prod'), DOCKERFILE_PROD);
    writeFileSync(join(folder, 'compose.yaml'), COMPOSE);
    writeFileSync(join(folder, '.dockerignore'), DOCKERIGNORE);
    writeFileSync(join(folder, '.env'), 'A=1\n');
    const ran = `require('fs').writeFileSync(${JSON.stringify(join(folder, SENTINEL))}, __filename)`;
    for (const name of ['docker-patterns.config.js', '.docker-patterns.js', 'hadolint.js', 'index.js']) writeFileSync(join(folder, name), ran + '\n');
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ name: 'ws', main: 'index.js', scripts: { postinstall: 'node index.js', lint: 'node index.js' } }));
    writeFileSync(join(folder, 'package-lock.json'), '{}');
    writeFileSync(join(folder, '.docker-patterns.yaml'), 'rules:\n  DF208: "off"\n');
    dockerfile = fileUri(join(folder, 'Dockerfile'));
    prod = fileUri(join(folder, 'Dockerfile.prod'));
    compose = fileUri(join(folder, 'compose.yaml'));
    ignore = fileUri(join(folder, '.dockerignore'));
    client = new LspClient(process.execPath, ['--disallow-code-generation-from-strings', '--require', PRELOAD, SERVER, '--stdio'], { ...process.env, DP_ISOLATION_LOG: log, DP_ISOLATION_WORKSPACE: folder });
    await client.initialize();
  });

  after(async () => {
    await client?.close();
    rmSync(folder, { recursive: true, force: true });
    rmSync(log, { force: true });
  });

  function attempts(): { event: string; what?: string; args?: unknown[]; patched?: string[] }[] {
    return existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { event: string }) : [];
  }

  const codeActions = (uri: string, diagnostics: Diagnostic[], range = diagnostics[0]!.range) =>
    client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics, only: ['quickfix'] } }) as Promise<CodeAction[]>;
  const hoverAt = (uri: string, line: number, character: number) =>
    client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;

  test('the preload is active in the server: patches in place, DF101 made to throw', () => {
    const ready = attempts().filter((a) => a.event === 'ready');
    assert.equal(ready.length, 1, 'the preload ran once, in the server process');
    for (const fn of ['node:net.connect', 'node:net.createConnection', 'node:http.request', 'node:https.request', 'node:http.get', 'node:https.get', 'node:dns.lookup', 'node:child_process.spawn', 'node:child_process.exec', 'node:child_process.execFile', 'node:child_process.fork', 'node:child_process.spawnSync', 'node:child_process.execSync']) {
      assert.ok(ready[0]!.patched!.includes(fn), `${fn} is patched`);
    }
  });

  test('open: the other rules still publish their diagnostics, DF101 is missing', async () => {
    await client.open(dockerfile, 'dockerfile', DOCKERFILE);
    await client.open(compose, 'dockercompose', COMPOSE);
    await client.open(ignore, 'dockerignore', DOCKERIGNORE);
    const df = await client.diagnostics((p) => p.uri === dockerfile && p.version === 1);
    // DF208 is off through .docker-patterns.yaml (read, never executed); DF202 is quiet because of .dockerignore.
    assert.deepEqual(shape(df), [
      ['DF301', 0, 5, 0, 9],
      ['DF210', 0, 5, 0, 9],
      ['DF201', 2, 0, 2, 8],
    ]);
    const dc = await client.diagnostics((p) => p.uri === compose && p.version === 1);
    assert.deepEqual(shape(dc), [
      ['DC301', 4, 11, 4, 16],
      ['DC502', 6, 8, 6, 15],
    ]);
    const di = await client.diagnostics((p) => p.uri === ignore && p.version === 1);
    assert.deepEqual(di.diagnostics.map((d) => d.code), ['DI101']);
  });

  test('hover, code actions, change, a second file, watched files, configuration and close all work', async () => {
    const hover = await hoverAt(dockerfile, 0, 1);
    assert.ok(hover?.contents.value.includes('FROM'));
    const df = await client.diagnostics((p) => p.uri === dockerfile && p.version === 1);
    const df301 = df.diagnostics.find((d) => d.code === 'DF301')!;
    const actions = await codeActions(dockerfile, [df301]);
    assert.ok(actions.some((a) => a.isPreferred && a.title.startsWith('Pin tag: node:')), JSON.stringify(actions.map((a) => a.title)));

    await client.change(dockerfile, 2, DOCKERFILE.replace('WORKDIR /app\n', 'WORKDIR /srv\n'));
    await client.diagnostics((p) => p.uri === dockerfile && p.version === 2);
    await client.change(dockerfile, 3, DOCKERFILE + 'USER node\n');
    await client.diagnostics((p) => p.uri === dockerfile && p.version === 3);
    assert.ok(await hoverAt(compose, 4, 12));
    const dc301 = (await client.diagnostics((p) => p.uri === compose && p.version === 1)).diagnostics.find((d) => d.code === 'DC301')!;
    assert.ok((await codeActions(compose, [dc301])).length > 0);

    await client.open(prod, 'dockerfile', DOCKERFILE_PROD);
    const p1 = await client.diagnostics((p) => p.uri === prod && p.version === 1);
    assert.ok(p1.diagnostics.some((d) => d.code === 'DF301') && !p1.diagnostics.some((d) => d.code === 'DF101'));

    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, '.dockerignore')), type: 2 }] });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { dockerPatterns: { rules: { DF210: 'off' } } } });
    await client.change(dockerfile, 4, DOCKERFILE);
    const d4 = await client.diagnostics((p) => p.uri === dockerfile && p.version === 4);
    assert.deepEqual(d4.diagnostics.map((d) => d.code), ['DF301', 'DF201']);

    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: prod } });
    await client.diagnostics((p) => p.uri === prod && p.version === undefined && p.diagnostics.length === 0);
  });

  test('the rule failure was logged exactly once per file, naming the rule and the file', async () => {
    // A request round trip: every log message sent before it has arrived.
    await hoverAt(dockerfile, 0, 1);
    const failures = client.logs.filter((l) => /DF101/.test(l.message));
    assert.deepEqual(
      failures.map((l) => [l.type, l.message.split('\n')[0]]),
      [
        [1, `Rule DF101 failed on ${dockerfile}: Error: isolation: DF101 made to throw`],
        [1, `Rule DF101 failed on ${prod}: Error: isolation: DF101 made to throw`],
      ],
    );
    assert.deepEqual(client.logs.filter((l) => l.type === 1 && !/DF101/.test(l.message)), [], 'no other errors');
  });

  test('no network call, no process and no workspace code were attempted', () => {
    assert.deepEqual(attempts().filter((a) => a.event !== 'ready'), []);
    assert.ok(!existsSync(join(folder, SENTINEL)), 'no workspace file was executed');
  });

  describe('requests never get answers computed from an older version', () => {
    const uri = () => dockerfile;

    test('code actions for a diagnostic of an older version are answered ContentModified once that text moved', async () => {
      const v5 = await (async () => {
        await client.change(uri(), 5, DOCKERFILE);
        return client.diagnostics((p) => p.uri === uri() && p.version === 5);
      })();
      const old = v5.diagnostics.find((d) => d.code === 'DF301')!;
      assert.deepEqual(old.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 9 } });
      // The edit and the request go out back to back, as when a user types and then asks
      // for fixes with the old squiggle still showing: no wait for new diagnostics.
      const changed = client.change(uri(), 6, DOCKERFILE.replace('FROM node', 'FROM   node'));
      const stale = codeActions(uri(), [old]);
      await changed;
      // ContentModified: the client drops the answer quietly and asks again with the new diagnostics.
      await assert.rejects(stale, (error: { code?: number }) => error.code === -32801, 'nothing is offered for the range the old version had');
      const current = (await client.diagnostics((p) => p.uri === uri() && p.version === 6)).diagnostics.find((d) => d.code === 'DF301')!;
      assert.deepEqual(current.range, { start: { line: 0, character: 7 }, end: { line: 0, character: 11 } });
      const fresh = await codeActions(uri(), [current]);
      const pin = fresh.find((a) => a.isPreferred)!;
      // The tag is inserted right after the image name where it is now.
      assert.deepEqual(pin.edit?.changes?.[uri()], [{ range: { start: current.range.end, end: current.range.end }, newText: ':24' }], 'the fix edits the current text');
    });

    test('a hover sent right after an edit describes the new text, not the old', async () => {
      const changed = client.change(uri(), 7, DOCKERFILE.replace('FROM node', 'FROM python'));
      const hover = hoverAt(uri(), 0, 7);
      await changed;
      const value = (await hover)?.contents.value ?? '';
      assert.match(value, /python/);
      assert.doesNotMatch(value, /'node'|\bnode\b(?!:)/);
    });

    test('diagnostics are published only for the version current at the time, never an older one after a newer', async () => {
      for (let v = 8; v <= 12; v++) await client.change(uri(), v, DOCKERFILE.replace('WORKDIR /app', `WORKDIR /app${v}`));
      await client.diagnostics((p) => p.uri === uri() && p.version === 12);
      const versions = client.publications(uri()).map((p) => p.version ?? 0);
      assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `publication versions are monotonic: ${versions.join(',')}`);
      assert.equal(versions.at(-1), 12);
    });
  });
});
