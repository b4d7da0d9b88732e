// Lints the shared corpus of real Dockerfiles and Compose files with the built CLI and
// writes test/corpus/findings.json: every finding, per rule, as file:line:column.
// The corpus holds single files copied out of their repositories, without the files
// beside them (.dockerignore, env files, build contexts), so it is linted --no-context:
// otherwise every reference to a sibling would be reported missing.
// `--check` compares instead and exits 1 on any difference, so a rule change that
// moves findings on real files has to be looked at and recorded.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = process.env.DP_CORPUS ?? join(root, '..', 'shared', 'corpus');
const recordPath = join(root, 'test', 'corpus', 'findings.json');
const check = process.argv.includes('--check');

const folders = ['dockerfile', 'compose'].map((f) => join(corpus, f));
for (const folder of folders) {
  if (!existsSync(folder)) {
    console.error(`corpus folder ${folder} is missing: check out shared/ beside the repository or set DP_CORPUS`);
    process.exit(2);
  }
}
const run = spawnSync(process.execPath, [join(root, 'bin', 'docker-patterns.js'), 'lint', '--format', 'json', '--fail-on', 'none', '--no-context', ...folders], {
  encoding: 'utf8',
  maxBuffer: 256 * 1024 * 1024,
});
if (run.status !== 0) {
  console.error(`the CLI exited ${run.status} on the corpus:\n${run.stderr}`);
  process.exit(2);
}
if (run.stderr) {
  console.error(`the CLI reported problems on the corpus:\n${run.stderr}`);
  process.exit(2);
}

const rules = {};
let files = 0;
for (const file of JSON.parse(run.stdout)) {
  files++;
  for (const m of file.messages) {
    const entry = (rules[m.ruleId] ??= { count: 0, findings: [] });
    entry.count++;
    entry.findings.push(`${basename(dirname(file.filePath))}/${basename(file.filePath)}:${m.line}:${m.column}`);
  }
}
for (const entry of Object.values(rules)) entry.findings.sort();
const record = { files, rules: Object.fromEntries(Object.entries(rules).sort(([a], [b]) => a.localeCompare(b))) };
const text = JSON.stringify(record, null, 1) + '\n';

if (!check) {
  writeFileSync(recordPath, text);
  console.log(`recorded ${files} files: ${Object.entries(record.rules).map(([id, r]) => `${id} ${r.count}`).join(', ')}`);
  process.exit(0);
}
const before = existsSync(recordPath) ? JSON.parse(readFileSync(recordPath, 'utf8')) : { files: 0, rules: {} };
const lines = [];
if (before.files !== record.files) lines.push(`files: ${before.files} → ${record.files}`);
for (const id of [...new Set([...Object.keys(before.rules), ...Object.keys(record.rules)])].sort()) {
  const was = new Set(before.rules[id]?.findings ?? []);
  const now = new Set(record.rules[id]?.findings ?? []);
  const gone = [...was].filter((f) => !now.has(f));
  const added = [...now].filter((f) => !was.has(f));
  if (gone.length || added.length) lines.push(`${id}: ${added.map((f) => `+ ${f}`).concat(gone.map((f) => `- ${f}`)).join('\n    ')}`);
}
if (lines.length) {
  console.error(`the corpus findings changed (review them, then run npm run corpus:record):\n  ${lines.join('\n  ')}`);
  process.exit(1);
}
console.log(`corpus record current: ${record.files} files`);
