import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { CancellationTokenSource } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, LspClient, type PublishedDiagnostics } from '../support/lsp-client';

interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: unknown[];
  edit?: { changes?: Record<string, { range: PublishedDiagnostics['diagnostics'][number]['range']; newText: string }[]> };
}

const DOCKERFILE = 'FROM node\nWORKDIR /app\nCOPY . .\nRUN npm ci\nEXPOSE 3000\nCMD ["node", "server.js"]\n';
const COMPOSE = 'version: "3.8"\nservices:\n  web:\n    image: nginx\n    depends_on:\n      - db\n  db:\n    image: postgres:16\n';

const shape = (p: PublishedDiagnostics) => p.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

describe('language server over stdio', () => {
  let client: LspClient;
  let folder: string;
  let dockerfileUri: string;
  let text = DOCKERFILE;
  let version = 1;

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dp-protocol-'));
    writeFileSync(join(folder, 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(folder, 'package.json'), '{}');
    writeFileSync(join(folder, 'package-lock.json'), '{}');
    writeFileSync(join(folder, '.dockerignore'), 'node_modules\n.git\n');
    dockerfileUri = fileUri(join(folder, 'Dockerfile'));
    client = new LspClient();
    await client.initialize();
  });

  after(async () => {
    await client.close();
    rmSync(folder, { recursive: true, force: true });
  });

  async function applyPreferred(code: string, titlePrefix: string): Promise<void> {
    const current = await client.diagnostics((p) => p.uri === dockerfileUri && p.version === version);
    const diagnostic = current.diagnostics.find((d) => d.code === code);
    assert.ok(diagnostic, `${code} is published`);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri: dockerfileUri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
    const action = actions.find((a) => a.title.startsWith(titlePrefix) && a.isPreferred);
    assert.ok(action, `a preferred "${titlePrefix}" action among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(action.kind, 'quickfix');
    assert.deepEqual(action.diagnostics, [diagnostic]);
    const edits = action.edit?.changes?.[dockerfileUri] ?? [];
    text = TextDocument.applyEdits(TextDocument.create(dockerfileUri, 'dockerfile', version, text), edits);
    version++;
    await client.change(dockerfileUri, version, text);
    const next = await client.diagnostics((p) => p.uri === dockerfileUri && p.version === version);
    assert.ok(!next.diagnostics.some((d) => d.code === code), `${code} is gone after "${action.title}"`);
  }

  test('open publishes exact diagnostics with code, link and source', async () => {
    await client.open(dockerfileUri, 'dockerfile', text, version);
    const published = await client.diagnostics((p) => p.uri === dockerfileUri);
    assert.equal(published.version, 1);
    assert.deepEqual(shape(published), [
      ['DF101', 0, 0, 0, 9],
      ['DF301', 0, 5, 0, 9],
      ['DF210', 0, 5, 0, 9],
      ['DF201', 2, 0, 2, 8],
      ['DF208', 3, 4, 3, 10],
      ['DF401', 4, 0, 4, 11],
    ]);
    const WARNING = 2;
    const INFORMATION = 3;
    assert.deepEqual(
      published.diagnostics.map((d) => d.severity),
      [WARNING, WARNING, INFORMATION, WARNING, INFORMATION, INFORMATION],
    );
    for (const d of published.diagnostics) {
      assert.equal(d.source, 'docker-patterns');
      const href = d.codeDescription?.href ?? '';
      assert.ok(href.endsWith(`/docs/rules/${d.code}.md`), href);
      assert.ok(existsSync(fileURLToPath(href)), `${href} exists`);
    }
  });

  test('hover on an instruction and on a diagnostic', async () => {
    const onFrom = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: dockerfileUri }, position: { line: 0, character: 1 } })) as { contents: { kind: string; value: string } };
    assert.equal(onFrom.contents.kind, 'markdown');
    assert.match(onFrom.contents.value, /\*\*FROM\*\*/);
    assert.match(onFrom.contents.value, /base image/);
    assert.match(onFrom.contents.value, /\*\*DF101\*\* no-root-user/);
    const onCopy = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: dockerfileUri }, position: { line: 2, character: 6 } })) as { contents: { value: string } };
    assert.match(onCopy.contents.value, /\*\*DF201\*\* copy-before-install/);
    assert.match(onCopy.contents.value, /\(file:\/\/[^)]*\/docs\/rules\/DF201\.md\)/);
  });

  test('the three card fixes apply through code actions and clear the diagnostics', async () => {
    await applyPreferred('DF301', 'Pin tag');
    await applyPreferred('DF201', 'Reorder COPY');
    await applyPreferred('DF101', 'Add USER');
    assert.equal(text, 'FROM node:24\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nEXPOSE 3000\nUSER node\nCMD ["node", "server.js"]\n');
    // The three warnings are gone; the hints about image size and health remain.
    const final = await client.diagnostics((p) => p.uri === dockerfileUri && p.version === version);
    assert.deepEqual(shape(final), [
      ['DF210', 0, 5, 0, 12],
      ['DF208', 3, 4, 3, 10],
      ['DF401', 5, 0, 5, 11],
    ]);
  });

  test('every diagnostic offers Ignore for this line and for this file', async () => {
    const current = await client.diagnostics((p) => p.uri === dockerfileUri && p.version === version);
    for (const diagnostic of current.diagnostics) {
      const actions = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri: dockerfileUri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      })) as CodeAction[];
      const ignore = actions.filter((a) => a.title.startsWith('Ignore'));
      assert.deepEqual(
        ignore.map((a) => [a.title, a.isPreferred]),
        [
          [`Ignore ${diagnostic.code} for this line`, false],
          [`Ignore ${diagnostic.code} for this file`, false],
        ],
      );
    }
  });

  test('a change to a file beside the document re-validates it', async () => {
    const uri = fileUri(join(folder, 'compose.override-check.yaml'));
    const compose = 'services:\n  web:\n    image: nginx:1.30\n    env_file: web.env\n';
    await client.open(uri, 'dockercompose', compose);
    const before = await client.diagnostics((p) => p.uri === uri);
    assert.deepEqual(shape(before), [['DC404', 3, 14, 3, 21]]);
    writeFileSync(join(folder, 'web.env'), 'A=1\n');
    const count = client.publications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fileUri(join(folder, 'web.env')), type: 1 }] });
    const after = await client.diagnostics((p) => p.uri === uri && client.publications(uri).indexOf(p) >= count);
    assert.deepEqual(after.diagnostics, []);
  });

  test('an edited document gets the diagnostics a fresh open of its text gets', async () => {
    // Each version changes something another stage's findings depend on.
    const base = 'FROM alpine:3.22 AS base\nUSER app\nRUN sudo apk add curl\nFROM base\nRUN sudo apk add git\nCOPY --from=buildr /a /b\n';
    const versions = [
      base,
      base.replace('USER app', 'USER root'),
      base.replace('USER app', 'USER root').replace('AS base', 'AS buildr').replace('FROM base', 'FROM buildr'),
      `ARG VERSION=1\n${base}FROM debian:13\nRUN apt-get update && apt-get install -y curl\n`,
    ];
    const uri = fileUri(join(folder, 'stages.Dockerfile'));
    await client.open(uri, 'dockerfile', versions[0]);
    for (let v = 1; v < versions.length; v++) {
      await client.change(uri, v + 1, versions[v]);
      const edited = await client.diagnostics((p) => p.uri === uri && p.version === v + 1);
      const fresh = fileUri(join(folder, `fresh-${v}.Dockerfile`));
      await client.open(fresh, 'dockerfile', versions[v]);
      const opened = await client.diagnostics((p) => p.uri === fresh && p.version === 1);
      assert.ok(opened.diagnostics.length > 0);
      assert.deepEqual(edited.diagnostics, opened.diagnostics, `version ${v + 1}`);
    }
  });

  test('publications never go back to an older version', async () => {
    for (let i = 0; i < 5; i++) {
      version++;
      await client.change(dockerfileUri, version, text + `# edit ${i}\n`);
    }
    await client.diagnostics((p) => p.uri === dockerfileUri && p.version === version);
    const versions = client.publications(dockerfileUri).map((p) => p.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
  });

  test('a request cancelled while it waits is answered RequestCancelled without running', async () => {
    const uri = fileUri(join(folder, 'big.Dockerfile'));
    const big = 'FROM node:24\n' + 'RUN apt-get update && apt-get install -y curl && echo "$(date)" | tee -a /log\n'.repeat(3_000);
    await client.open(uri, 'dockerfile', big);
    // The first hover lints the whole file; meanwhile the second request and its cancellation queue up.
    const busy = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const source = new CancellationTokenSource();
    const cancelled = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 1 } }, source.token);
    source.cancel();
    await assert.rejects(cancelled, (error: { code?: number }) => error.code === -32800);
    assert.ok(await busy, 'the first hover is answered');
  });

  test('close clears the diagnostics', async () => {
    const before = client.publications(dockerfileUri).length;
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: dockerfileUri } });
    const cleared = await client.diagnostics((p) => p.uri === dockerfileUri && client.publications(dockerfileUri).indexOf(p) >= before);
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('a compose file opened as plain YAML is served by its name', async () => {
    const uri = fileUri(join(folder, 'compose.yaml'));
    await client.open(uri, 'yaml', COMPOSE);
    const published = await client.diagnostics((p) => p.uri === uri);
    assert.deepEqual(shape(published), [
      ['DC302', 0, 0, 0, 7],
      ['DC301', 3, 11, 3, 16],
      ['DC201', 5, 8, 5, 10],
    ]);
  });

  test('other YAML files are left alone', async () => {
    const uri = fileUri(join(folder, 'values.yaml'));
    await client.open(uri, 'yaml', 'services:\n  web:\n    image: nginx\n');
    const published = await client.diagnostics((p) => p.uri === uri);
    assert.deepEqual(published.diagnostics, []);
  });
});

test('a client that takes only plain text gets plain-text hovers', async () => {
  const client = new LspClient();
  try {
    await client.initialize(['plaintext']);
    const uri = 'untitled:Dockerfile';
    await client.open(uri, 'dockerfile', 'FROM node:24-alpine\nUSER node\nCMD ["node", "a.js"]\n');
    await client.diagnostics((p) => p.uri === uri);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 1 } })) as { contents: { kind: string; value: string } };
    assert.equal(hover.contents.kind, 'plaintext');
    assert.match(hover.contents.value, /^FROM\n/);
    assert.doesNotMatch(hover.contents.value, /\*\*|```/);
  } finally {
    await client.close();
  }
});

test('the trustedRegistries setting reaches DF302', async () => {
  const client = new LspClient();
  try {
    await client.initialize();
    await client.connection.sendNotification('workspace/didChangeConfiguration', {
      settings: { dockerPatterns: { rules: { DF302: 'warning' }, trustedRegistries: ['ghcr.io/acme'] } },
    });
    const uri = 'untitled:Dockerfile';
    await client.open(uri, 'dockerfile', 'FROM ghcr.io/acme/base:1.2\nFROM node:24-alpine\nUSER node\n');
    const published = await client.diagnostics((p) => p.uri === uri);
    assert.deepEqual(
      published.diagnostics.filter((d) => d.code === 'DF302').map((d) => [d.range.start.line, d.message]),
      [[1, "'node:24-alpine' is pulled from 'docker.io', which the trusted registries (ghcr.io/acme) do not cover. Use an image from a trusted registry, or add 'docker.io' to trustedRegistries."]],
    );
  } finally {
    await client.close();
  }
});
