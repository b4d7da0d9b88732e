import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { lint, parse, type Finding, type LintContext, type ParsedDocument } from '.';
import { fileAccess } from '../test-support/rule-tester';

/**
 * A second version linted with the first version's parse and findings must give exactly what
 * a fresh lint gives. Each case changes something outside the edited stage that one rule's
 * findings in another, unedited stage depend on: a cache keyed on too little would hand back
 * the first version's findings for that stage.
 */
function relint(before: string, after: string, contexts: { before?: Partial<LintContext>; after?: Partial<LintContext> } = {}) {
  const base: LintContext = { fileName: 'Dockerfile', files: fileAccess({}), config: {} };
  const first = parse(before, 'dockerfile');
  const firstFindings = lint(first, { ...base, ...contexts.before });
  const second = parse(after, 'dockerfile', first);
  const context = { ...base, ...contexts.after };
  return { first, second, before: firstFindings, incremental: lint(second, context, { previous: first }), fresh: lint(parse(after, 'dockerfile'), context) };
}

const of = (findings: Finding[], ruleId: string) => findings.filter((f) => f.ruleId === ruleId).map((f) => ({ line: f.range.start.line, severity: f.severity, message: f.message, fixes: f.fixes.map((x) => x.edits) }));

function stages(doc: ParsedDocument) {
  if (doc.language !== 'dockerfile') throw new Error('a Dockerfile parse');
  return doc.model.stages;
}

function assertFollows(result: ReturnType<typeof relint>, ruleId: string): void {
  assert.notDeepEqual(of(result.before, ruleId), of(result.fresh, ruleId), `${ruleId} must change between the versions for the case to test anything`);
  assert.deepEqual(result.incremental, result.fresh);
}

describe('findings reused from the previous version', () => {
  test('an unchanged stage keeps its parse', () => {
    const r = relint('FROM alpine:3.22 AS base\nRUN echo one\nFROM base\nRUN echo two\n', 'FROM alpine:3.22 AS base\nRUN echo one!\nFROM base\nRUN echo two\n');
    assert.notEqual(stages(r.second)[0].instructions[0], stages(r.first)[0].instructions[0]);
    assert.equal(stages(r.second)[1].from, stages(r.first)[1].from);
    assert.deepEqual(r.incremental, r.fresh);
  });

  test('a parent stage that changes its USER (DF105 in the child)', () => {
    assertFollows(relint('FROM alpine:3.22 AS base\nUSER app\nFROM base\nRUN sudo apk add curl\n', 'FROM alpine:3.22 AS base\nUSER root\nFROM base\nRUN sudo apk add curl\n'), 'DF105');
  });

  test('a stage that stops being the final image (DF204 only checks image stages)', () => {
    const build = 'FROM debian:13 AS build\nRUN apt-get update && apt-get install -y --no-install-suggests curl && rm -rf /var/lib/apt/lists/*\n';
    assertFollows(relint(build, `${build}FROM alpine:3.22\nCOPY --from=build /usr/bin/curl /usr/bin/curl\n`), 'DF204');
  });

  test('a stage built on this one starts to need the apt lists (DF203 withholds its fix)', () => {
    const base = 'FROM debian:13 AS base\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n';
    assertFollows(relint(`${base}FROM base\nRUN echo done\n`, `${base}FROM base\nRUN apt-get install -y --no-install-recommends git\n`), 'DF203');
  });

  test('an earlier stage renamed (DF501 in a later stage)', () => {
    assertFollows(relint('FROM alpine:3.22 AS builder\nFROM alpine:3.22\nCOPY --from=buildr /a /b\n', 'FROM alpine:3.22 AS buildr\nFROM alpine:3.22\nCOPY --from=buildr /a /b\n'), 'DF501');
  });

  test('an earlier stage starts and stops copying from a later one, making and breaking a cycle (DF501 in the later stage)', () => {
    const apart = 'FROM alpine:3.22 AS a\nRUN make\nFROM alpine:3.22 AS b\nCOPY --from=a /x /x\n';
    const cycle = 'FROM alpine:3.22 AS a\nCOPY --from=b /y /y\nFROM alpine:3.22 AS b\nCOPY --from=a /x /x\n';
    assertFollows(relint(apart, cycle), 'DF501');
    assertFollows(relint(cycle, apart), 'DF501');
  });

  test('a file the rule read changes while the Dockerfile does not (DF103 reads .npmrc)', () => {
    const text = 'FROM node:24\nCOPY .npmrc package.json ./\n';
    assertFollows(relint(text, text, { before: { files: fileAccess({ '.npmrc': 'save-exact=true\n' }) }, after: { files: fileAccess({ '.npmrc': '//registry.npmjs.org/:_authToken=npm_abc123\n' }) } }), 'DF103');
  });

  test('the file turns to lower-case keywords (DF201 writes its fix in the file casing)', () => {
    const node = 'FROM node:24\nWORKDIR /app\nCOPY . .\nRUN npm ci\n';
    const files = { files: fileAccess({ 'package.json': '{}', 'package-lock.json': '{}' }) };
    assertFollows(relint(`${node}FROM alpine:3.22\nRUN echo a\n`, `${node}from alpine:3.22\nrun echo a\nrun echo b\nrun echo c\nrun echo d\n`, { before: files, after: files }), 'DF201');
  });

  test('the configuration changes a severity', () => {
    const text = 'FROM alpine:3.22 AS base\nUSER app\nFROM base\nRUN sudo apk add curl\n';
    assertFollows(relint(text, text, { after: { config: { rules: { DF105: 'error' } } } }), 'DF105');
  });

  test('an edited stage keeps the instructions above the edit, and parses the rest again', () => {
    const before = 'FROM alpine:3.22 AS base\nRUN echo one\nCOPY a.txt /srv/\nRUN echo two\nUSER app\nFROM base\nRUN echo three\n';
    const r = relint(before, before.replace('RUN echo two', 'RUN echo 2'));
    const [edited, other] = [stages(r.first)[0], stages(r.first)[1]];
    const [editedAfter, otherAfter] = stages(r.second);
    assert.equal(editedAfter.from, edited.from);
    assert.deepEqual(
      editedAfter.instructions.map((i, n) => i === edited.instructions[n]),
      [true, true, false, false],
      'RUN echo one and the COPY are kept; the edited RUN and the USER below it are new',
    );
    assert.equal(otherAfter.instructions[0], other.instructions[0]);
    assert.deepEqual(r.incremental, r.fresh);
  });

  test('an instruction below an edited ENV reads the new value (DF213 through WORKDIR $DIR)', () => {
    const before = 'FROM alpine:3.22\nENV DIR=/app\nWORKDIR $DIR\nCOPY . .\nRUN chown -R app /app\n';
    assertFollows(relint(before, before.replace('DIR=/app', 'DIR=/web')), 'DF213');
  });

  test('a stage moved by a line inserted above it keeps its findings, moved with it', () => {
    const before = 'FROM alpine:3.22 AS base\nRUN echo one\nFROM base\nRUN apk add curl\n';
    const r = relint(before, before.replace('echo one', 'echo one\nRUN echo two'));
    assert.deepEqual(of(r.fresh, 'DF206')[0]?.line, 4, 'the finding is on the moved line');
    assert.deepEqual(r.incremental, r.fresh);
  });

  test('a moved stage whose finding lies in the stage above it, which did not move: the finding stays (DF401 on the parent EXPOSE)', () => {
    const before = 'FROM python:3.13 AS base\nEXPOSE 8000\nFROM alpine:3.22 AS other\nRUN echo one\nFROM base\nCMD ["python", "app.py"]\n';
    const r = relint(before, before.replace('echo one', 'echo one\nRUN echo two'));
    assert.deepEqual(of(r.fresh, 'DF401')[0]?.line, 1, "the finding is on the parent's EXPOSE, above the edit");
    assert.deepEqual(r.incremental, r.fresh);
  });

  test('a stage that stayed where it was, whose finding lies in a stage above it that moved: the finding moves with that stage (DF401)', () => {
    // A global ARG added above moves the parent down a line; a line removed between them puts the final stage back where it was.
    const before = 'ARG V=1\nFROM python:3.13 AS base\nEXPOSE 8000\nFROM alpine:3.22 AS other\nRUN echo one\nFROM base\nCMD ["python", "app.py"]\n';
    const r = relint(before, before.replace('ARG V=1\n', 'ARG V=1\nARG W=2\n').replace('RUN echo one\n', ''));
    assert.deepEqual([of(r.before, 'DF401')[0]?.line, of(r.fresh, 'DF401')[0]?.line], [2, 3], "the finding is on the parent's EXPOSE, which moved");
    assert.equal(stages(r.second)[2].from.getRange().start.line, stages(r.first)[2].from.getRange().start.line, 'the final stage did not move');
    assert.deepEqual(r.incremental, r.fresh);
  });

  test('a FROM inside a here-document and a continued line: the whole text is parsed again', () => {
    const heredoc = 'FROM alpine:3.22\nRUN <<EOF\necho one\nFROM debian:13\nEOF\nFROM alpine:3.22 AS two\nRUN echo \\\nFROM x\n';
    const r = relint(heredoc, heredoc.replace('echo one', 'echo uno'));
    assert.equal(stages(r.second).length, 2);
    assert.deepEqual(r.incremental, r.fresh);
    const opened = relint(heredoc, heredoc.replace('EOF\nFROM alpine', 'EOX\nFROM alpine'));
    assert.equal(stages(opened.second).length, 1, 'the here-document now runs to the end');
    assert.deepEqual(opened.incremental, opened.fresh);
  });
});

describe('memory across versions', () => {
  const samples = [
    { language: 'dockerfile', fileName: 'Dockerfile', text: 'FROM alpine:3.22 AS base\nRUN echo one\nFROM base\nRUN echo two\n' },
    { language: 'dockercompose', fileName: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n    command: one\n  db:\n    image: postgres:17\n' },
  ] as const;
  for (const { language, fileName, text } of samples) {
    test(`a ${language} version linted with the one before does not keep that one alive`, async () => {
      setFlagsFromString('--expose-gc');
      const gc = runInNewContext('gc') as () => void;
      const context: LintContext = { fileName, config: {} };
      let previous = parse(text, language);
      lint(previous, context);
      const first = new WeakRef(previous.model);
      for (let n = 1; n <= 3; n++) {
        const next = parse(text.replace('one', 'one'.repeat(n + 1)), language, previous);
        lint(next, context, { previous });
        previous = next;
      }
      await new Promise((resolve) => setImmediate(resolve));
      gc();
      assert.equal(first.deref(), undefined, 'the first version is still reachable from the last');
    });
  }
});
