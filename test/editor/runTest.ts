// Runs the editor suite (suite/index.ts) inside real VS Code through the
// standard @vscode/test-electron flow. Desktop VS Code cannot be downloaded on
// these machines, so the "VS Code executable" is scripts/editor/code, which
// runs the VS Code server from code-server with headless chromium.
//
// Usage (after npm run build): npx tsc -b test/editor && node out/test/editor/runTest.js

import { TestRunFailedError, runTests } from '@vscode/test-electron';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

interface EditorPaths {
  node24: string;
  codeServerDir: string;
  serverMain: string;
  chromium: string;
}

interface ProvisionModule {
  provision(options?: { log?: (message: string) => void }): EditorPaths;
}

// Compiled to out/test/editor/runTest.js.
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const say = (message: string): void => console.log(`[editor-test] ${message}`);

function checkBuilt(): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { main?: unknown };
  const main = typeof manifest.main === 'string' ? path.join(repoRoot, manifest.main) : undefined;
  if (main === undefined || !fs.existsSync(main)) {
    throw new Error(`the extension is not built (${main ?? 'package.json has no main'} is missing): run npm run build first`);
  }
}

async function provisionEditor(): Promise<void> {
  // provision.mjs is untyped plain ESM shared with the shell scripts; importing
  // it by a computed URL keeps tsc from resolving it (and, were the module
  // setting commonjs, from turning the import into a require() of ESM).
  const specifier = pathToFileURL(path.join(repoRoot, 'scripts', 'editor', 'provision.mjs')).href;
  const { provision } = (await import(specifier)) as ProvisionModule;
  provision({ log: (message) => say(message) });
}

async function main(): Promise<void> {
  checkBuilt();
  try {
    await provisionEditor();
  } catch (err) {
    throw new Error(`cannot provision the editor: ${err instanceof Error ? err.message : String(err)}`);
  }

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'dp-editor-test-'));
  try {
    // The suite applies fixes and must never change the fixtures in the repo.
    const workspace = path.join(scratch, 'workspace');
    fs.cpSync(path.join(repoRoot, 'test', 'editor', 'fixtures', 'workspace'), workspace, { recursive: true });
    const artifactsDir = path.resolve(process.env.DP_ARTIFACTS_DIR ?? path.join(repoRoot, 'test-artifacts'));
    fs.mkdirSync(artifactsDir, { recursive: true });

    await runTests({
      vscodeExecutablePath: path.join(repoRoot, 'scripts', 'editor', 'code'),
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(__dirname, 'suite', 'index.js'),
      // Explicit profile folders keep test-electron from creating .vscode-test in the cwd.
      launchArgs: [workspace, `--user-data-dir=${path.join(scratch, 'user-data')}`, `--extensions-dir=${path.join(scratch, 'extensions')}`],
      extensionTestsEnv: { DP_ARTIFACTS_DIR: artifactsDir },
    });
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    if (err instanceof TestRunFailedError) {
      say(`FAILED: the editor tests did not pass (${err.signal ? `signal ${err.signal}` : `exit code ${err.code}`}); see the output above`);
    } else {
      say(`FAILED: ${err instanceof Error ? err.message : String(err)}`);
    }
    process.exit(1);
  },
);
