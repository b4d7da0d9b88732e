// Writes what is derived from the rule metadata (the README rule table and the per-rule
// severity settings in package.json) and from the Compose schema (its validators as code).
// `--check` only reports staleness (exit 1), which a test uses to keep all three current.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeValidatorsSource } from './compose-validators.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { RULES, TAG_TABLE_DATE } = require(join(root, 'out', 'server', 'src', 'engine', 'index.js'));
const check = process.argv.includes('--check');

const LANGUAGE = { dockerfile: 'Dockerfile', dockercompose: 'Compose', dockerignore: '.dockerignore' };
function ruleTable() {
  const rows = RULES.map(
    (r) => `| [${r.id}](docs/rules/${r.id}.md) | ${r.name} | ${LANGUAGE[r.language]} | ${r.severity} | ${r.fix ?? '—'} | ${r.docs.summary} |`,
  );
  return ['| id | name | file | default | quick fix | what it reports |', '|---|---|---|---|---|---|', ...rows].join('\n');
}

function replaceBetween(text, name, body) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  if (i < 0 || j < i) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return text.slice(0, i + start.length) + '\n' + body + '\n' + text.slice(j);
}

const readmePath = join(root, 'README.md');
const readme = readFileSync(readmePath, 'utf8');
let nextReadme = replaceBetween(readme, 'rules', ruleTable());
nextReadme = replaceBetween(nextReadme, 'tag-date', `The bundled tag table behind **Pin tag** is the official-images library as of ${TAG_TABLE_DATE}.`);

const manifestPath = join(root, 'package.json');
const manifestText = readFileSync(manifestPath, 'utf8');
const manifest = JSON.parse(manifestText);
manifest.contributes.configuration.properties['dockerPatterns.rules'].properties = Object.fromEntries(
  RULES.map((r) => [r.id, { type: 'string', enum: ['off', 'hint', 'info', 'warning', 'error'], default: r.severity, description: `${r.name}: ${r.docs.summary}` }]),
);
const nextManifest = JSON.stringify(manifest, null, 2) + '\n';

const validatorsPath = join(root, 'server', 'src', 'engine', 'compose', 'validators.generated.ts');
const validatorsText = existsSync(validatorsPath) ? readFileSync(validatorsPath, 'utf8') : '';
const nextValidators = composeValidatorsSource(root);

const stale = [readme !== nextReadme && 'README.md', manifestText !== nextManifest && 'package.json', validatorsText !== nextValidators && 'validators.generated.ts'].filter(Boolean);
if (check) {
  if (stale.length) {
    console.error(`stale: ${stale.join(', ')}; run npm run generate`);
    process.exit(1);
  }
} else {
  writeFileSync(readmePath, nextReadme);
  writeFileSync(manifestPath, nextManifest);
  writeFileSync(validatorsPath, nextValidators);
  console.log(stale.length ? `updated ${stale.join(', ')}` : 'already current');
}
