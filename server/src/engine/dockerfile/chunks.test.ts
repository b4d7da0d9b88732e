import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lint, parse, type LintContext, type ParsedDocument } from '..';

/**
 * A new version parsed with the previous one keeps the instruction objects of the stages that
 * read the same, parses the rest, and lints to exactly what a fresh parse lints to.
 */
function reparse(before: string, after: string) {
  const context: LintContext = { fileName: 'Dockerfile', config: {} };
  const first = parse(before, 'dockerfile');
  lint(first, context);
  const second = parse(after, 'dockerfile', first);
  assert.deepEqual(lint(second, context, { previous: first }), lint(parse(after, 'dockerfile'), context));
  return { kept: froms(first).map((from, i) => from === froms(second)[i]), first, second };
}

function froms(doc: ParsedDocument) {
  if (doc.language !== 'dockerfile') throw new Error('a Dockerfile parse');
  return doc.model.stages.map((stage) => stage.from);
}

const FILE = [
  '# syntax=docker/dockerfile:1',
  'ARG BASE=alpine:3.22',
  'ARG V=1',
  'FROM ${BASE} AS build',
  'RUN echo build',
  'FROM debian:13 AS test',
  'ARG V',
  'RUN echo $V',
  'FROM alpine:3.22',
  'COPY --from=build /out /out',
  '',
].join('\n');

describe('a Dockerfile parsed with its previous version', () => {
  test('a comment edited before the first FROM: every stage keeps its parse', () => {
    assert.deepEqual(reparse(FILE, FILE.replace('dockerfile:1', 'dockerfile:1.7')).kept, [true, true, true]);
  });

  test('a global ARG changed: only the stages that name it are parsed again', () => {
    assert.deepEqual(reparse(FILE, FILE.replace('ARG V=1', 'ARG V=2')).kept, [true, false, true]);
    assert.deepEqual(reparse(FILE, FILE.replace('alpine:3.22\nARG', 'ubuntu:latest\nARG')).kept, [false, true, true]);
  });

  test('a global ARG whose value uses the changed one counts as changed too', () => {
    const before = 'ARG BASE=alpine:3.22\nARG IMAGE=${BASE}\nFROM ${IMAGE} AS app\nRUN echo hi\n';
    const r = reparse(before, before.replace('alpine:3.22', 'ubuntu:latest'));
    assert.deepEqual(r.kept, [false]);
  });

  test('a global ARG added on a comment line: the stages naming it are parsed again', () => {
    assert.deepEqual(reparse(FILE, FILE.replace('# syntax=docker/dockerfile:1', 'ARG V=3')).kept, [true, false, true]);
  });

  test('a new escape character or another instruction before FROM: the whole file is parsed again', () => {
    assert.deepEqual(reparse(FILE, FILE.replace('# syntax=docker/dockerfile:1', '# escape=`')).kept, [false, false, false]);
    assert.deepEqual(reparse(FILE, FILE.replace('# syntax=docker/dockerfile:1', 'RUN echo early')).kept, [false, false, false]);
  });

  test('a line inserted in a stage: the stages above it and its instructions above the line keep their parse, the stages it moved are parsed again', () => {
    const after = FILE.replace('RUN echo $V', 'RUN echo $V\nRUN echo more');
    const r = reparse(FILE, after);
    assert.deepEqual(r.kept, [true, true, false]);
    assert.deepEqual(
      froms(r.second).map((from) => from.getRange().start.line),
      [3, 5, 9],
    );
  });
});
