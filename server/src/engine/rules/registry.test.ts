import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { lint, parse, RULES } from '..';
import { repoRoot } from '../../test-support/paths';
import { fileAccess, FILE_NAMES } from '../../test-support/rule-tester';

const root = repoRoot();
const rulesDir = join(root, 'server', 'src', 'engine', 'rules');
const docsDir = join(root, 'docs', 'rules');
const ruleFiles = readdirSync(rulesDir).filter((f) => /^d[fci]\d{3}-.*\.ts$/.test(f) && !f.endsWith('.test.ts'));

/**
 * The fenced block that follows a `## <heading>` line, and the sibling files the example
 * assumes, given as `<!-- files: {"name": "content"} -->` in that section.
 */
function example(doc: string, heading: string): { code: string; files: Record<string, string> } | undefined {
  const section = new RegExp(`^## ${heading}\\s*\\n([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`, 'm').exec(doc)?.[1] ?? '';
  const code = /^```(?:dockerfile|yaml|ignore)\n([\s\S]*?)^```/m.exec(section)?.[1];
  const files = /<!-- files: (.*?) -->/.exec(section)?.[1];
  return code === undefined ? undefined : { code, files: files ? (JSON.parse(files) as Record<string, string>) : {} };
}

test('the registry lists every rule file once, sorted by id, with ids matching file names', () => {
  assert.deepEqual(
    RULES.map((r) => `${r.id.toLowerCase()}-${r.name}.ts`),
    [...ruleFiles].sort(),
  );
  assert.equal(new Set(RULES.map((r) => r.id)).size, RULES.length);
});

test('every doc in docs/rules belongs to a rule', () => {
  const ids = new Set(RULES.map((r) => r.id));
  assert.deepEqual(readdirSync(docsDir).filter((f) => f.endsWith('.md') && !ids.has(f.slice(0, -3))), []);
});

describe('each rule has a test and a doc whose examples behave', () => {
  for (const rule of RULES) {
    test(rule.id, () => {
      assert.ok(existsSync(join(rulesDir, `${rule.id.toLowerCase()}-${rule.name}.test.ts`)), 'test file beside the rule');
      const docPath = join(docsDir, `${rule.id}.md`);
      assert.ok(existsSync(docPath), `docs/rules/${rule.id}.md exists`);
      const doc = readFileSync(docPath, 'utf8');
      assert.match(doc, new RegExp(`^# ${rule.id} ${rule.name}\\n`));
      const bad = example(doc, 'Bad');
      const good = example(doc, 'Good');
      assert.ok(bad && good, 'a Bad and a Good example');
      const fileName = FILE_NAMES[rule.language];
      const ids = (e: { code: string; files: Record<string, string> }) =>
        lint(parse(e.code, rule.language), { fileName, files: fileAccess(e.files), config: { rules: { [rule.id]: 'warning' } } }).map((f) => f.ruleId);
      assert.ok(ids(bad).includes(rule.id), 'the bad example is reported');
      assert.ok(!ids(good).includes(rule.id), 'the good example is not reported');
    });
  }
});
