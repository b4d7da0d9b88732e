import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../test-support/paths';

const FORBIDDEN = /^(vscode.*|fs|net|http|https|child_process|worker_threads|dgram|tls)$/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

test('engine modules import no editor, file system, network or process APIs', () => {
  const root = repoRoot();
  const engine = join(root, 'server', 'src', 'engine');
  const offenders: string[] = [];
  const files = sources(engine);
  assert.ok(files.length > 10, 'engine sources found');
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) {
      const name = m[1].replace(/^node:/, '');
      if (FORBIDDEN.test(name)) offenders.push(`${relative(root, file)} imports ${m[1]}`);
    }
  }
  assert.deepEqual(offenders, []);
});
