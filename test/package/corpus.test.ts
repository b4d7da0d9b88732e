import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { REPO } from '../support/lsp-client';

test('findings on the real corpus match the reviewed record (test/corpus/findings.json)', () => {
  const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'corpus-record.mjs'), '--check'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('every schema error on the corpus is justified in test/corpus/justified.json', () => {
  const record = JSON.parse(readFileSync(join(REPO, 'test', 'corpus', 'findings.json'), 'utf8')) as { rules: Record<string, { findings: string[] }> };
  const justified = JSON.parse(readFileSync(join(REPO, 'test', 'corpus', 'justified.json'), 'utf8')) as Record<string, Record<string, string>>;
  for (const [ruleId, reasons] of Object.entries(justified)) {
    const findings = record.rules[ruleId]?.findings ?? [];
    assert.deepEqual(findings.filter((f) => !reasons[f]), [], `${ruleId} findings without a justification`);
    assert.deepEqual(Object.keys(reasons).filter((f) => !findings.includes(f)), [], `${ruleId} justifications for findings that no longer exist`);
  }
});
