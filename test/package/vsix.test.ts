import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO } from '../support/lsp-client';

/** Entry names from a zip's central directory. */
function zipEntries(zip: Buffer): string[] {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip end-of-central-directory record');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory header');
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

test('the .vsix holds the bundles, docs, snippets and grammars, and nothing else', () => {
  const out = mkdtempSync(join(tmpdir(), 'dp-vsix-'));
  try {
    const vsix = join(out, 'docker-patterns.vsix');
    const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'package-vsix.mjs'), vsix], { cwd: REPO, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    const files = zipEntries(readFileSync(vsix)).filter((n) => n.startsWith('extension/')).map((n) => n.slice('extension/'.length));
    for (const expected of ['package.json', 'readme.md', 'LICENSE.txt', 'dist/client.js', 'dist/server.js', 'docs/rules/DF101.md', 'snippets/dockerfile.json', 'syntaxes/dockerignore.tmLanguage.json']) {
      assert.ok(files.includes(expected), `${expected} is packaged (have: ${files.join(', ')})`);
    }
    const stray = files.filter((f) => /\.ts$|\.map$|(^|\/)node_modules\/|(^|\/)test|fixtures|^out\/|^server\/|^client\/|^examples\//.test(f));
    assert.deepEqual(stray, []);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('generated README rule table and settings are current', () => {
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'generate.mjs'), '--check'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});
