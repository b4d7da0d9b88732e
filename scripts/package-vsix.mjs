// Packs the extension into a .vsix (path given, default docker-patterns.vsix) from the
// bundles already in dist/. Dependencies are bundled, so none are packed; links in the
// README stay relative because the extension has no public repository to point them at.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(process.argv[2] ?? 'docker-patterns.vsix');
const vsce = join(dirname(createRequire(import.meta.url).resolve('@vscode/vsce/package.json')), 'vsce');
const result = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', out], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
