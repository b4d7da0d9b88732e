// The editor suite: runs inside the real VS Code extension host (loaded by
// @vscode/test-electron's extensionTestsPath) against the fixture workspace.

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const SOURCE = 'docker-patterns';
const EXTENSION_ID = 'docker-patterns.docker-patterns';
const TEST_TIMEOUT_MS = 30_000;
const DIAGNOSTICS_TIMEOUT_MS = 20_000;
const SCREENSHOT_TIMEOUT_MS = 40_000;

const FIXED_DOCKERFILE = [
  'FROM node:24',
  'WORKDIR /app',
  'COPY package.json package-lock.json ./',
  'RUN npm ci',
  'COPY . .',
  'EXPOSE 3000',
  'USER node',
  'CMD ["node", "server.js"]',
  '',
].join('\n');

// In the remote extension host console.log reaches only the browser console;
// what is written to stdout reaches the server's log, which the launcher relays
// (and desktop VS Code forwards it too).
function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

interface Test {
  name: string;
  run: () => Promise<void>;
  timeoutMs?: number;
}

async function withTimeout<T>(what: string, ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function ruleId(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function describe(diagnostics: readonly vscode.Diagnostic[]): string {
  if (diagnostics.length === 0) return '(none)';
  return diagnostics.map((d) => `${ruleId(d)}@${rangeText(d.range)}`).join(', ');
}

function rangeText(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

function extensionState(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) return `extension ${EXTENSION_ID} is not loaded`;
  return `extension ${EXTENSION_ID} is ${extension.isActive ? 'active' : 'NOT active'}`;
}

/** Resolves with our diagnostics for `uri` once `accept` holds for them. */
async function diagnosticsWhere(
  uri: vscode.Uri,
  what: string,
  accept: (diagnostics: vscode.Diagnostic[]) => boolean,
): Promise<vscode.Diagnostic[]> {
  let subscription: vscode.Disposable | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    return await new Promise<vscode.Diagnostic[]>((resolve, reject) => {
      const check = (): void => {
        const current = ours(uri);
        if (accept(current)) resolve(current);
      };
      // Subscribe before the first check so an update in between is not missed.
      subscription = vscode.languages.onDidChangeDiagnostics((event) => {
        if (event.uris.some((u) => u.toString() === uri.toString())) check();
      });
      timer = setTimeout(() => {
        const name = path.basename(uri.fsPath);
        reject(new Error(`${name}: no diagnostics ${what} within ${DIAGNOSTICS_TIMEOUT_MS / 1000} s; have ${describe(ours(uri))}; ${extensionState()}`));
      }, DIAGNOSTICS_TIMEOUT_MS);
      check();
    });
  } finally {
    subscription?.dispose();
    clearTimeout(timer);
  }
}

function expectDiagnostic(diagnostics: readonly vscode.Diagnostic[], id: string, expected: vscode.Range): void {
  const found = diagnostics.filter((d) => ruleId(d) === id);
  assert.equal(found.length, 1, `expected one ${id}, have ${describe(diagnostics)}`);
  const [d] = found as [vscode.Diagnostic];
  assert.equal(rangeText(d.range), rangeText(expected), `${id} range`);
}

function hoverText(hovers: readonly vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

async function hoverAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hoverText(hovers ?? []);
}

/** Applies the preferred quick fix titled `titlePrefix…` for the current diagnostic `id`. */
async function applyCardFix(uri: vscode.Uri, id: string, titlePrefix: string): Promise<void> {
  const diagnostic = ours(uri).find((d) => ruleId(d) === id);
  assert.ok(diagnostic, `no ${id} to fix; have ${describe(ours(uri))}`);
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    diagnostic.range,
    vscode.CodeActionKind.QuickFix.value,
    // Resolve the edits too, in case the server computes them lazily.
    100,
  );
  // A bare Command has a string `command`; a CodeAction's is an object or absent.
  const codeActions = (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
  const preferred = codeActions.filter((a) => a.title.startsWith(titlePrefix) && a.isPreferred === true);
  assert.equal(
    preferred.length,
    1,
    `${id}: expected one preferred "${titlePrefix}…" fix, have ${JSON.stringify((actions ?? []).map((a) => ({ title: a.title, isPreferred: 'isPreferred' in a ? a.isPreferred : undefined })))}`,
  );
  const [action] = preferred as [vscode.CodeAction];
  assert.ok(action.edit, `${id}: "${action.title}" has no edit`);
  assert.equal(await vscode.workspace.applyEdit(action.edit), true, `${id}: applyEdit refused "${action.title}"`);
  await diagnosticsWhere(uri, `without ${id} after "${action.title}"`, (ds) => !ds.some((d) => ruleId(d) === id));
}

/**
 * Asks the launcher (scripts/editor/code-launcher.mjs) for a screenshot of the
 * workbench and waits for its verdict file.
 */
async function screenshot(name: string): Promise<string> {
  const dir = process.env.DP_ARTIFACTS_DIR;
  assert.ok(dir, 'DP_ARTIFACTS_DIR is not set: run the suite through out/test/editor/runTest.js');
  const done = path.join(dir, `${name}.done`);
  const failed = path.join(dir, `${name}.failed`);
  fs.rmSync(done, { force: true });
  fs.rmSync(failed, { force: true });
  const watcher = fs.watch(dir);
  try {
    const verdict = new Promise<void>((resolve, reject) => {
      const check = (): void => {
        if (fs.existsSync(failed)) reject(new Error(`screenshot ${name} failed: ${fs.readFileSync(failed, 'utf8').trim()}`));
        else if (fs.existsSync(done)) resolve();
      };
      watcher.on('change', check);
      watcher.on('error', reject);
      check();
    });
    say(`DP_SCREENSHOT ${name}`);
    await withTimeout(`screenshot ${name} (is the suite running under scripts/editor/code?)`, SCREENSHOT_TIMEOUT_MS, verdict);
    return path.join(dir, `${name}.png`);
  } finally {
    watcher.close();
  }
}

/** The language server: the child of this extension host that runs dist/server.js, read from /proc. */
function serverProcess(): { argv: string[]; env: string[] } {
  const children = fs
    .readdirSync(`/proc/${process.pid}/task`)
    .flatMap((task) => fs.readFileSync(`/proc/${process.pid}/task/${task}/children`, 'utf8').trim().split(/\s+/))
    .filter(Boolean);
  for (const pid of children) {
    const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    if (argv.some((a) => a.endsWith(path.join('dist', 'server.js')))) return { argv, env: fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0') };
  }
  throw new Error(`no child of the extension host (${process.pid}) runs dist/server.js; children: ${children.join(' ') || 'none'}`);
}

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (runTest passes the fixture copy as a launch argument)');
  return vscode.Uri.joinPath(folder.uri, name);
}

function completionLabel(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Opens an untitled document of `language`, lists completions at `position`, and inserts the snippet `name` there. */
async function snippetRoundTrip(
  language: string,
  content: string,
  position: vscode.Position,
  expectedPrefixes: string[],
  snippetName: string,
): Promise<string> {
  const doc = await vscode.workspace.openTextDocument({ language, content });
  const editor = await vscode.window.showTextDocument(doc);
  try {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position);
    const labels = (list?.items ?? []).filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(completionLabel);
    const missing = expectedPrefixes.filter((p) => !labels.includes(p));
    assert.deepEqual(missing, [], `snippet completions in ${language} lack ${missing.join(', ')}; have ${JSON.stringify(labels)}`);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: language, name: snippetName });
    return doc.getText();
  } finally {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
}

const tests: Test[] = [
  {
    name: 'Dockerfile: DF301, DF201 and DF101 at their exact ranges',
    run: async () => {
      const uri = fixture('Dockerfile');
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.languageId, 'dockerfile');
      const ds = await diagnosticsWhere(uri, 'with DF301, DF201 and DF101', (all) =>
        ['DF301', 'DF201', 'DF101'].every((id) => all.some((d) => ruleId(d) === id)),
      );
      expectDiagnostic(ds, 'DF301', new vscode.Range(0, 5, 0, 9));
      expectDiagnostic(ds, 'DF201', new vscode.Range(2, 0, 2, 8));
      expectDiagnostic(ds, 'DF101', new vscode.Range(0, 0, 0, 9));
    },
  },
  {
    name: 'the server runs with code generation from strings off and two malloc arenas',
    run: async () => {
      const server = serverProcess();
      assert.ok(server.argv.includes('--disallow-code-generation-from-strings'), server.argv.join(' '));
      const arenas = server.env.find((e) => e.startsWith('MALLOC_ARENA_MAX='));
      assert.equal(arenas, `MALLOC_ARENA_MAX=${process.env.MALLOC_ARENA_MAX ?? '2'}`);
    },
  },
  {
    name: 'compose.yaml: DC302, DC301 and DC201 at their exact ranges',
    run: async () => {
      const uri = fixture('compose.yaml');
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.ok(['dockercompose', 'yaml'].includes(doc.languageId), `compose.yaml opened as ${doc.languageId}`);
      const ds = await diagnosticsWhere(uri, 'with DC302, DC301 and DC201', (all) =>
        ['DC302', 'DC301', 'DC201'].every((id) => all.some((d) => ruleId(d) === id)),
      );
      expectDiagnostic(ds, 'DC302', new vscode.Range(0, 0, 0, 7));
      expectDiagnostic(ds, 'DC301', new vscode.Range(3, 11, 3, 16));
      expectDiagnostic(ds, 'DC201', new vscode.Range(5, 8, 5, 10));
    },
  },
  {
    name: 'hover on FROM explains the base image',
    run: async () => {
      const text = await hoverAt(fixture('Dockerfile'), new vscode.Position(0, 1));
      assert.match(text, /FROM/, `hover text: ${JSON.stringify(text)}`);
      assert.match(text, /base image/i, `hover text: ${JSON.stringify(text)}`);
    },
  },
  {
    name: 'hover on the DF201 range names the rule',
    run: async () => {
      const text = await hoverAt(fixture('Dockerfile'), new vscode.Position(2, 3));
      assert.match(text, /DF201/, `hover text: ${JSON.stringify(text)}`);
    },
  },
  {
    name: 'Dockerfile: completion lists our snippets and inserting df-user-alpine gives its text',
    run: async () => {
      const text = await snippetRoundTrip(
        'dockerfile',
        'FROM alpine:3.20\n\n',
        new vscode.Position(1, 0),
        ['df-multistage-python', 'df-go-scratch', 'df-healthcheck-curl', 'df-apt-install', 'df-user-alpine', 'df-layer-order'],
        'Non-root user (Alpine)',
      );
      assert.equal(text, 'FROM alpine:3.20\nRUN addgroup -S app && adduser -S -G app app\nUSER app\n');
    },
  },
  {
    name: 'compose: completion lists our snippets and inserting dc-redis gives its text',
    run: async () => {
      const text = await snippetRoundTrip(
        'dockercompose',
        'services:\n',
        new vscode.Position(1, 0),
        ['dc-dev-stack', 'dc-postgres', 'dc-redis', 'dc-mysql', 'dc-production', 'dc-cap-drop'],
        'Redis service',
      );
      assert.equal(
        text,
        [
          'services:',
          '  redis:',
          '    image: redis:7-alpine',
          '    command: ["redis-server", "--appendonly", "yes"]',
          '    volumes:',
          '      - redis-data:/data',
          '    healthcheck:',
          '      test: ["CMD", "redis-cli", "ping"]',
          '      interval: 10s',
          '      timeout: 3s',
          '      retries: 5',
        ].join('\n'),
      );
    },
  },
  {
    name: 'hover on a compose key (image) names the key',
    run: async () => {
      const text = await hoverAt(fixture('compose-hover/compose.yaml'), new vscode.Position(2, 6));
      assert.ok(text.includes('**image**'), `compose hover on "image" should contain **image** (is the compose hover in the server yet?); hover text: ${JSON.stringify(text)}`);
    },
  },
  {
    name: 'hover on ${TAG} in a compose file shows the value .env gives',
    run: async () => {
      const text = await hoverAt(fixture('compose-hover/compose.yaml'), new vscode.Position(2, 21));
      assert.ok(
        text.includes('= ') && text.includes('1.30'),
        `hover on \${TAG} should show "= " and the .env value 1.30 (is the compose variable hover in the server yet?); hover text: ${JSON.stringify(text)}`,
      );
    },
  },
  {
    name: 'screenshot: squiggles in the Dockerfile editor',
    timeoutMs: SCREENSHOT_TIMEOUT_MS + DIAGNOSTICS_TIMEOUT_MS + 5_000,
    run: async () => {
      const uri = fixture('Dockerfile');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await diagnosticsWhere(uri, 'at all', (all) => all.length > 0);
      const png = await screenshot('editor-squiggle');
      assert.ok(fs.statSync(png).size > 0, `${png} is empty`);
    },
  },
  {
    name: 'Dockerfile: Pin tag, Reorder COPY and Add USER fixes give the expected file',
    timeoutMs: 3 * DIAGNOSTICS_TIMEOUT_MS + 10_000,
    run: async () => {
      const uri = fixture('Dockerfile');
      const doc = await vscode.workspace.openTextDocument(uri);
      await diagnosticsWhere(uri, 'with DF301, DF201 and DF101', (all) =>
        ['DF301', 'DF201', 'DF101'].every((id) => all.some((d) => ruleId(d) === id)),
      );
      await applyCardFix(uri, 'DF301', 'Pin tag');
      await applyCardFix(uri, 'DF201', 'Reorder COPY');
      await applyCardFix(uri, 'DF101', 'Add USER');
      assert.equal(doc.getText(), FIXED_DOCKERFILE);
    },
  },
];

export async function run(): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const [i, test] of tests.entries()) {
    const started = Date.now();
    try {
      await withTimeout(test.name, test.timeoutMs ?? TEST_TIMEOUT_MS, test.run());
      passed++;
      say(`ok ${i + 1} - ${test.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      say(`not ok ${i + 1} - ${test.name} (${Date.now() - started} ms)`);
      const message = err instanceof Error ? err.message : String(err);
      for (const line of message.split('\n')) say(`    ${line}`);
    }
  }
  say(`${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${tests.length} editor tests failed`);
}
