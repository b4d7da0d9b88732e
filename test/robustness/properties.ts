import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { applyEdits, lint, parse, RULES, type Finding, type Fix, type Language } from '../../server/src/engine';
import { comparePositions, LineIndex } from '../../server/src/engine/text';
import { fileAccess } from '../../server/src/test-support/rule-tester';
import { yamlShape } from '../../server/src/test-support/yaml-shape';
import { REPO } from '../support/lsp-client';

/** Shared by the bounded tests in `npm test` and the open-ended `npm run fuzz`. */

const CORPUS = process.env.DP_CORPUS ?? join(REPO, '..', 'shared', 'corpus');
/** Generous: a single lint takes about a millisecond; this only catches runaway work. */
export const PER_INPUT_MS = 2_000;

export interface Sample {
  name: string;
  language: Language;
  text: string;
}

export function corpus(): Sample[] {
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
export function safeLint(text: string, language: Language, boundMs = PER_INPUT_MS): Finding[] {
  const errors: string[] = [];
  const started = performance.now();
  const findings = lint(parse(text, language), { fileName: 'x', files: fileAccess({}) }, { onRuleError: (id, e) => errors.push(`${id}: ${e instanceof Error ? e.stack : String(e)}`) });
  const took = performance.now() - started;
  assert.deepEqual(errors, [], 'no rule throws');
  assert.ok(took < boundMs, `linting took ${Math.round(took)} ms`);
  return findings;
}

export const LANGUAGES: Language[] = ['dockerfile', 'dockercompose', 'dockerignore'];

const JUNK = ['\0', '\uFFFD', '\\', '${', '"', "'", '<<EOF', '\t', '  - ', ': ', '*', '&a', '*a', '!!binary'];

const mutations: ((text: string, rnd: () => number) => string)[] = [
  (t, r) => t.slice(0, Math.floor(r() * t.length)),
  (t, r) => {
    const at = Math.floor(r() * t.length);
    return t.slice(0, at) + JUNK[Math.floor(r() * JUNK.length)] + t.slice(at);
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

const TOKENS = ['FROM ', 'RUN ', 'COPY ', 'ARG ', 'ENV ', 'USER ', 'CMD ', '--from=', '--mount=type=cache,target=/x ', '$X', '${X:-y}', '\\\n', '<<EOF\n', 'EOF\n', '&&', '|', ';', '"', "'", '[', ']', 'services:\n', '  a:\n', '    image: ', 'depends_on: [', '- ', '<<: *', '&', 'x-', '\n', ' ', 'node', ':latest', '#'];

/** A corpus file with one to four mutations applied, chosen by fast-check so failures shrink. */
export function mutatedSample(samples: Sample[]): fc.Arbitrary<Sample> {
  return fc
    .tuple(fc.nat(samples.length - 1), fc.array(fc.nat(mutations.length - 1), { minLength: 1, maxLength: 4 }), fc.integer())
    .map(([index, kinds, seed]) => {
      let state = seed >>> 0 || 1;
      const rnd = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
      let text = samples[index].text;
      for (const kind of kinds) text = mutations[kind](text, rnd);
      return { ...samples[index], name: `${samples[index].name} mutated ${kinds.join(',')} seed ${seed}`, text };
    });
}

export const randomText = fc.tuple(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom(...LANGUAGES));
export const tokenSoup = fc.tuple(fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }).map((parts) => parts.join('')), fc.constantFrom(...LANGUAGES));

/**
 * Where a finding's range lands after the edits, or undefined when an edit deletes or
 * rewrites part of it (then whatever is flagged there afterwards is another finding).
 */
function mappedRange(index: LineIndex, range: Finding['range'], edits: readonly Fix['edits'][number][]): [number, number] | undefined {
  const from = index.offsetAt(range.start);
  const to = index.offsetAt(range.end);
  let shift = 0;
  for (const edit of edits) {
    const editStart = index.offsetAt(edit.range.start);
    const editEnd = index.offsetAt(edit.range.end);
    if (editStart < to && editEnd > from) return undefined;
    // Edits that end where the finding starts come before it; the rest come after it.
    if (editEnd <= from) shift += edit.newText.length - (editEnd - editStart);
  }
  return [from + shift, to + shift];
}

/**
 * Applies every fix offered on a file: edits never overlap, no RUN is left with an operator
 * missing its command, the result re-lints cleanly, and a finding that survives (same rule and message, its range
 * moved only by the edits) offers a fix that changes nothing. Returns how many fixes were applied.
 */
export function checkEveryFix(sample: Sample): number {
  let applied = 0;
  const index = new LineIndex(sample.text);
  for (const finding of safeLint(sample.text, sample.language)) {
    for (const fix of finding.fixes) {
      const sorted = [...fix.edits].sort((a, b) => comparePositions(a.range.start, b.range.start) || comparePositions(a.range.end, b.range.end));
      for (let i = 1; i < sorted.length; i++) {
        const prev = sorted[i - 1].range.end;
        const next = sorted[i].range.start;
        assert.ok(prev.line < next.line || (prev.line === next.line && prev.character <= next.character), `${sample.name}: "${fix.title}" has overlapping edits`);
      }
      const output = applyEdits(sample.text, fix.edits);
      if (sample.language === 'dockerfile') assert.ok(brokenChains(output) <= brokenChains(sample.text), `${sample.name}: "${fix.title}" left an operator without a command`);
      const target = mappedRange(index, finding.range, sorted);
      const outputIndex = new LineIndex(output);
      const findings = safeLint(output, sample.language);
      const again = target && findings
        .find((f) => f.ruleId === finding.ruleId && f.message === finding.message && outputIndex.offsetAt(f.range.start) === target[0] && outputIndex.offsetAt(f.range.end) === target[1])
        ?.fixes.find((f) => f.title === fix.title);
      if (again) assert.equal(applyEdits(output, again.edits), output, `${sample.name}: "${fix.title}" applied twice changes the text`);
      applied++;
    }
  }
  return applied;
}

/**
 * `&&`, `||` or `;` with no command before it in a `RUN` (continuation lines joined): what a
 * fix leaves when it deletes a command without exactly one of the separators around it.
 */
function brokenChains(text: string): number {
  const joined = text.replace(/\\[ \t]*\r?\n/g, ' ');
  let count = 0;
  for (const line of joined.split('\n')) {
    const run = /^\s*run\s+(.*)$/i.exec(line);
    if (run) count += (run[1].replace(/^(--\S+\s+)*/, '').match(/(^|&&|\|\||;)\s*(&&|\|\||;)/g) ?? []).length;
  }
  return count;
}

/** Lines that change what other stages and later instructions see. */
const DOCKERFILE_LINES = [
  'FROM alpine:3.22 AS base',
  'FROM base AS builder',
  'FROM builder',
  'FROM debian:13 AS runtime',
  'FROM mcr.microsoft.com/windows/servercore:ltsc2025',
  'USER root',
  'USER app',
  'WORKDIR /src',
  'SHELL ["powershell", "-Command"]',
  'ENV PIP_NO_CACHE_DIR=1',
  'ENV npm_config_cache=/tmp/npm',
  'ARG TOKEN',
  'COPY --from=builder /out /app',
  'COPY --from=0 /out /app',
  'COPY . .',
  'COPY package.json ./',
  'RUN apt-get update && apt-get install -y curl',
  'RUN apk add curl',
  'RUN pip install flask',
  'RUN npm install',
  'RUN chown -R app /src',
  'CMD ["node", "server.js"]',
  'ARG VERSION=1',
  'run echo lower-case',
];

/** Lines that start, end or reshape entries, anchors and documents. */
const COMPOSE_LINES = [
  'services:',
  '  web:',
  '  db:',
  '    image: postgres:16',
  '    image: nginx',
  '    ports:',
  '      - "5432:5432"',
  '    privileged: true',
  '    depends_on: [db]',
  '    <<: *base',
  '  x-base: &base',
  'x-common: &base',
  '    command: |',
  '      run this',
  '  # a comment',
  '# a comment',
  'volumes:',
  '  data:',
  '---',
  '...',
  '%YAML 1.1',
  '  - item',
  '      ',
  '  ? key',
  '    environment: {A: 1,',
];

const LINES: Record<'dockerfile' | 'dockercompose', string[]> = { dockerfile: DOCKERFILE_LINES, dockercompose: COMPOSE_LINES };

/**
 * Changes as an editor sends them: a character typed or deleted at the end of a line, a token
 * typed anywhere, a span deleted, a line inserted or removed, or a mutation.
 */
function editsWith(lines: readonly string[]): ((text: string, rnd: () => number) => string)[] {
  const atLine = (change: (line: string) => string) => (t: string, r: () => number) => {
    const all = t.split('\n');
    const at = Math.floor(r() * all.length);
    all[at] = change(all[at]);
    return all.join('\n');
  };
  return [
    atLine((line) => `${line}x`),
    atLine((line) => line.slice(0, -1)),
    (t, r) => {
      const at = Math.floor(r() * t.length);
      return t.slice(0, at) + TOKENS[Math.floor(r() * TOKENS.length)] + t.slice(at);
    },
    (t, r) => {
      const at = Math.floor(r() * t.length);
      return t.slice(0, at) + t.slice(at + 1 + Math.floor(r() * 20));
    },
    (t, r) => {
      const all = t.split('\n');
      all.splice(Math.floor(r() * all.length), 1);
      return all.join('\n');
    },
    (t, r) => {
      const all = t.split('\n');
      all.splice(Math.floor(r() * all.length), 0, lines[Math.floor(r() * lines.length)]);
      return all.join('\n');
    },
    ...mutations.slice(1),
  ];
}

/** Successive versions of a corpus file, each one to three edits on the one before. */
export function editedVersions(samples: Sample[], language: 'dockerfile' | 'dockercompose'): fc.Arbitrary<{ name: string; versions: string[] }> {
  const files = samples.filter((s) => s.language === language);
  const edits = editsWith(LINES[language]);
  return fc
    .tuple(fc.nat(files.length - 1), fc.array(fc.array(fc.nat(edits.length - 1), { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.integer())
    .map(([index, steps, seed]) => {
      let state = seed >>> 0 || 1;
      const rnd = () => (state = (state * 1103515245 + 12345) >>> 0) / 2 ** 32;
      const versions = [files[index].text];
      for (const kinds of steps) versions.push(kinds.reduce((text, kind) => edits[kind](text, rnd), versions[versions.length - 1]));
      return { name: `${files[index].name} edits ${steps.map((k) => k.join(',')).join(' ')} seed ${seed}`, versions };
    });
}

/** Lines of small multi-stage Dockerfiles: stages that build on, copy from and mount each other, and the instructions stage-aware rules read. */
const STAGE_LINES = [
  'FROM alpine:3.22 AS b',
  'FROM debian:13 AS c',
  'FROM a AS b',
  'FROM b AS c',
  'FROM c AS a',
  'FROM b',
  'FROM scratch AS d',
  'COPY --from=a /x /x',
  'COPY --from=b /x /x',
  'COPY --from=c /x /x',
  'COPY --from=1 /x /x',
  'COPY --from=bb /x /x',
  'RUN --mount=type=cache,from=b,target=/m make',
  'RUN --mount=type=bind,FROM=c,target=/m make',
  'RUN apt-get update && apt-get install -y curl',
  'RUN rm -rf /var/lib/apt/lists/*',
  'RUN apk add curl',
  'RUN pip install flask',
  'RUN npm install',
  'USER root',
  'USER app',
  'ENV PIP_NO_CACHE_DIR=1',
  'ARG TOKEN',
  'ARG V=1',
  'RUN echo $V $W',
  'HEALTHCHECK CMD curl -f http://localhost/ || exit 1',
  'WORKDIR /src',
  'COPY . .',
  'CMD ["sh"]',
  'SHELL ["powershell", "-Command"]',
  'FROM alpine AS e',
  'FROM alpine:latest',
  'FROM alpine:3.22@sha256:4bcff63911fcb4448bd4fdacec207030997caf25e9bea4045fa6c8c44de311d1 AS b',
  'RUN apt-get install -y gcc make',
  'ENV API_TOKEN=abc123',
  'ONBUILD RUN make',
  'ADD https://example.com/tool.tgz /opt/',
  'EXPOSE 8080',
  'ENTRYPOINT ["/app"]',
];

/** Lines of small Compose files: services that depend on, merge from and name each other, top-level entries, and the keys service-aware rules read. */
const SERVICE_LINES = [
  '  db:',
  '  cache:',
  '  web:',
  '    image: nginx:1.27',
  '    image: postgres:16',
  '    image: redis',
  '    <<: *base',
  '    depends_on: [db]',
  '    depends_on:',
  '      db:',
  '        condition: service_healthy',
  '    healthcheck:',
  '      test: ["CMD", "pg_isready"]',
  '    ports:',
  '      - "5432:5432"',
  '      - 8080:80',
  '    privileged: true',
  '    environment:',
  '      API_TOKEN: abc123',
  '      - PASSWORD=secret',
  '    networks: [front]',
  '    volumes:',
  '      - data:/var/lib/data',
  '    restart: sometimes',
  '    build: .',
  'x-base: &base',
  '  restart: always',
  '  restart: sometimes',
  '  privileged: true',
  'networks:',
  '  front:',
  'volumes:',
  '  data:',
  'services:',
  'version: "3.8"',
  '  db: &db',
  '    <<: [*base, *db]',
  '    extends:',
  '      service: db',
  '      - back',
  '  back:',
  '    env_file: .env',
  '    container_name: web',
];

/**
 * A small file whose first lines are `head` and the rest picked from `vocabulary`, then
 * versions that each replace whole lines: everything below an edit keeps its place, so a
 * part whose findings follow a change elsewhere (a new `--from`, a renamed stage, a service
 * now depended on) is one the cache would reuse if it were keyed on too little. With `moves`,
 * a step may also insert or delete a line, moving everything below it.
 */
function lineReplacedVersions(head: readonly string[], vocabulary: readonly string[], moves = false): fc.Arbitrary<{ name: string; versions: string[] }> {
  return fc
    .tuple(
      fc.array(fc.nat(vocabulary.length - 1), { minLength: 2, maxLength: 14 }),
      fc.array(fc.array(fc.tuple(fc.nat(15), fc.nat(vocabulary.length - 1), fc.nat(moves ? 2 : 0)), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
    )
    .map(([picks, steps]) => {
      const lines = [...head, ...picks.map((k) => vocabulary[k])];
      const versions = [lines.join('\n')];
      for (const step of steps) {
        for (const [at, k, move] of step) {
          if (move === 1) lines.splice(at % (lines.length + 1), 0, vocabulary[k]);
          else if (move === 2 && lines.length > 1) lines.splice(at % lines.length, 1);
          else lines[at % lines.length] = vocabulary[k];
        }
        versions.push(lines.join('\n'));
      }
      return { name: versions[0], versions };
    });
}

/** Small multi-stage Dockerfiles from `STAGE_LINES`. */
export const stageGraphVersions = lineReplacedVersions(['FROM alpine:3.22 AS a'], STAGE_LINES);

/** Lines before the first `FROM` and the stage lines that read them: global ARGs, values built on others, comments, directives. */
const GLOBAL_ARG_LINES = [
  'ARG BASE=alpine:3.22',
  'ARG BASE=debian:13',
  'ARG BASE',
  'ARG BASE=node:22',
  'ARG BASE=ubuntu:latest',
  'ARG IMG=${BASE}',
  'ARG V=1',
  'ARG V=2',
  'ARG W=${V}-x',
  'ARG A B=2',
  'ARG USER_ID=1000',
  'ARG PORT=8080',
  'ARG TOKEN=abc123',
  '# a comment',
  '# syntax=docker/dockerfile:1',
  '# escape=`',
  '',
  'FROM ${BASE} AS b',
  'FROM $BASE',
  'FROM ${BASE:-alpine} AS c',
  'FROM ${IMG} AS e',
  'FROM b AS d',
  'ARG V',
  'ARG BASE',
  'RUN echo $V $W $B',
  'COPY --chown=${USER_ID} . .',
  'EXPOSE ${PORT}',
  'USER ${USER_ID}',
  'ENV V=3',
  'COPY --from=b /x /x',
  'RUN apt-get update && apt-get install -y curl',
  'HEALTHCHECK CMD curl -f http://localhost:${PORT}/ || exit 1',
  'RUN echo \\',
  '  continued',
];

/** Small Dockerfiles from `GLOBAL_ARG_LINES` whose lines are replaced, inserted and deleted: stages move, and global ARGs change under them. */
export const globalArgVersions = lineReplacedVersions(['# syntax=docker/dockerfile:1', 'ARG BASE=alpine:3.22', 'ARG V=1', 'FROM ${BASE} AS a'], GLOBAL_ARG_LINES, true);

/** Small Compose files from `SERVICE_LINES`. */
export const serviceGraphVersions = lineReplacedVersions(['x-base: &base', '  image: busybox', 'services:', '  app:', '    <<: *base'], SERVICE_LINES);

/**
 * Linting each version with the previous version's parse and findings gives exactly what
 * linting it afresh gives: reuse never shows a stale finding or loses one. A Compose file's
 * spliced tree must also equal a fresh parse node for node, offsets included.
 */
export function checkIncremental(versions: readonly string[], language: 'dockerfile' | 'dockercompose'): void {
  // Every rule on, those off by default too.
  const rules = Object.fromEntries(RULES.map((r) => [r.id, r.severity === 'off' ? 'info' : r.severity] as const));
  const fileName = language === 'dockerfile' ? 'Dockerfile' : 'compose.yaml';
  const context = { fileName, files: fileAccess({ '.dockerignore': 'node_modules\n', 'package.json': '{}', 'requirements.txt': 'flask\n', '.env': 'TAG=1\n' }), config: { rules } };
  let previous = parse(versions[0], language);
  lint(previous, context);
  for (const text of versions.slice(1)) {
    const reused = parse(text, language, previous);
    const fresh = parse(text, language);
    if (reused.language === 'dockercompose' && fresh.language === 'dockercompose') assert.deepEqual(yamlShape(reused.model.doc), yamlShape(fresh.model.doc), 'the same YAML tree with and without the previous version');
    assert.deepEqual(lint(reused, context, { previous }), lint(fresh, context), 'the same findings with and without the previous version');
    previous = reused;
  }
}
