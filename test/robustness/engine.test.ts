import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { applyEdits, lint, parse, type Finding, type Language } from '../../server/src/engine';
import { fileAccess } from '../../server/src/test-support/rule-tester';
import { REPO } from '../support/lsp-client';

const CORPUS = process.env.DP_CORPUS ?? join(REPO, '..', 'shared', 'corpus');
/** Generous: a single lint takes about a millisecond; this only catches runaway work. */
const PER_INPUT_MS = 2_000;

interface Sample {
  name: string;
  language: Language;
  text: string;
}

function corpus(): Sample[] {
  const folders: [string, Language][] = [
    ['dockerfile', 'dockerfile'],
    ['compose', 'dockercompose'],
  ];
  const out: Sample[] = [];
  for (const [folder, language] of folders) {
    const dir = join(CORPUS, folder);
    assert.ok(existsSync(dir), `corpus folder ${dir} is missing: check out shared/ beside the repository or set DP_CORPUS`);
    for (const name of readdirSync(dir).sort()) out.push({ name, language, text: readFileSync(join(dir, name), 'utf8') });
  }
  return out;
}

/** Lints and fails on any rule error or runaway time. */
function safeLint(text: string, language: Language, boundMs = PER_INPUT_MS): Finding[] {
  const errors: string[] = [];
  const started = performance.now();
  const findings = lint(parse(text, language), { fileName: 'x', files: fileAccess({}) }, { onRuleError: (id, e) => errors.push(`${id}: ${e instanceof Error ? e.stack : String(e)}`) });
  const took = performance.now() - started;
  assert.deepEqual(errors, [], 'no rule throws');
  assert.ok(took < boundMs, `linting took ${Math.round(took)} ms`);
  return findings;
}

const LANGUAGES: Language[] = ['dockerfile', 'dockercompose', 'dockerignore'];

const mutations: ((text: string, rnd: () => number) => string)[] = [
  (t, r) => t.slice(0, Math.floor(r() * t.length)),
  (t, r) => {
    const at = Math.floor(r() * t.length);
    return t.slice(0, at) + ['\0', '\uFFFD', '\\', '${', '"', "'", '<<EOF', '\t', '  - ', ': ', '*', '&a', '*a', '!!binary'][Math.floor(r() * 14)] + t.slice(at);
  },
  (t, r) => {
    const lines = t.split('\n');
    const a = Math.floor(r() * lines.length);
    const b = Math.floor(r() * lines.length);
    [lines[a], lines[b]] = [lines[b], lines[a]];
    return lines.join('\n');
  },
  (t, r) => {
    const lines = t.split('\n');
    const a = Math.floor(r() * lines.length);
    lines.splice(a, 0, lines[a] ?? '');
    return lines.join('\n');
  },
  (t) => t.replace(/\r?\n/g, '\r\n'),
  (t) => t.replace(/ {2}/g, '\t'),
  (t, r) => {
    const at = Math.floor(r() * t.length);
    return t.slice(0, at) + 'é😀中' + t.slice(at);
  },
];

describe('the engine never throws and never runs away', () => {
  const samples = corpus();

  test('random text in every language', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom(...LANGUAGES), (text, language) => {
        safeLint(text, language);
      }),
      { numRuns: 400, seed: 20261124 },
    );
  });

  test('Dockerfile-ish and YAML-ish token soup', () => {
    const tokens = ['FROM ', 'RUN ', 'COPY ', 'ARG ', 'ENV ', 'USER ', 'CMD ', '--from=', '--mount=type=cache,target=/x ', '$X', '${X:-y}', '\\\n', '<<EOF\n', 'EOF\n', '&&', '|', ';', '"', "'", '[', ']', 'services:\n', '  a:\n', '    image: ', 'depends_on: [', '- ', '<<: *', '&', 'x-', '\n', ' ', 'node', ':latest', '#'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...tokens), { maxLength: 80 }), fc.constantFrom(...LANGUAGES), (parts, language) => {
        safeLint(parts.join(''), language);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  test('mutated real files', () => {
    fc.assert(
      fc.property(fc.nat(samples.length - 1), fc.array(fc.nat(mutations.length - 1), { minLength: 1, maxLength: 4 }), fc.integer(), (index, kinds, seed) => {
        let state = seed >>> 0 || 1;
        const rnd = () => ((state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32);
        let text = samples[index].text;
        for (const kind of kinds) text = mutations[kind](text, rnd);
        safeLint(text, samples[index].language);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  test('YAML alias bombs, a 1 MB line, deep nesting', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    safeLint(`${bomb.join('\n')}\nservices:\n  web:\n    <<: *j\n    image: *j\n`, 'dockercompose');
    safeLint(`services:\n  a: &a\n    image: nginx:1.30\n    <<: *a\n`, 'dockercompose');
    // dockerfile-ast alone needs about two seconds for a megabyte-long instruction.
    const long = 'a'.repeat(1_000_000);
    safeLint(`FROM node:${long}\nRUN echo ${long} | grep ${long}\n`, 'dockerfile', 15_000);
    safeLint(`services:\n  web:\n    image: "${long}"\n    command: ${long}\n`, 'dockercompose', 15_000);
    safeLint(`${long}\n!${long}\n`, 'dockerignore', 15_000);
    safeLint('x: '.concat('['.repeat(5_000), ']'.repeat(5_000)), 'dockercompose');
    safeLint('RUN '.concat('$('.repeat(5_000)), 'dockerfile');
  });
});

/** The whole lines a range touches, with the range marked: identifies a finding across edits elsewhere. */
function textOf(text: string, range: Finding['range']): string {
  const lines = text.split(/\r?\n/).slice(range.start.line, range.end.line + 1);
  return `${range.start.character}-${range.end.character}:${lines.join('\n')}`;
}

describe('every offered fix on every corpus file', () => {
  test('keeps the text outside its edits, re-lints cleanly, and is idempotent', () => {
    let applied = 0;
    for (const sample of corpus()) {
      for (const finding of safeLint(sample.text, sample.language)) {
        for (const fix of finding.fixes) {
          const sorted = [...fix.edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
          for (let i = 1; i < sorted.length; i++) {
            const prev = sorted[i - 1].range.end;
            const next = sorted[i].range.start;
            assert.ok(prev.line < next.line || (prev.line === next.line && prev.character <= next.character), `${sample.name}: "${fix.title}" has overlapping edits`);
          }
          const output = applyEdits(sample.text, fix.edits);
          // The same finding, if it survives: same rule, message and flagged lines, where it was
          // or moved by the lines the fix added or removed.
          const flagged = textOf(sample.text, finding.range);
          const shift = output.split('\n').length - sample.text.split('\n').length;
          const again = safeLint(output, sample.language)
            .find((f) => f.ruleId === finding.ruleId && f.message === finding.message && textOf(output, f.range) === flagged && [0, shift].includes(f.range.start.line - finding.range.start.line))
            ?.fixes.find((f) => f.title === fix.title);
          if (again) assert.equal(applyEdits(output, again.edits), output, `${sample.name}: "${fix.title}" applied twice changes the text`);
          applied++;
        }
      }
    }
    assert.ok(applied > 100, `fixes were exercised (${applied})`);
  });
});
