import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { DockerfileParser, type Argument } from 'dockerfile-ast';
import { repoRoot } from '../../test-support/paths';
import { dockerfileAstRawArguments, readRawArguments } from './raw-arguments';

const CORPUS = join(repoRoot(), '..', 'shared', 'corpus', 'dockerfile');

const shown = (args: Argument[]) => args.map((a) => [a.getValue(), a.getRange()]);

/** Every instruction's arguments, read both ways; the number of instructions compared. */
function compare(text: string): number {
  const instructions = DockerfileParser.parse(text).getInstructions();
  for (const instruction of instructions) {
    assert.deepEqual(shown(readRawArguments(instruction)), shown(dockerfileAstRawArguments.call(instruction)), JSON.stringify(instruction.getTextContent()));
  }
  return instructions.length;
}

test('arguments are read as dockerfile-ast reads them, on every corpus Dockerfile with LF, CRLF and backtick escapes', () => {
  let compared = 0;
  for (const name of readdirSync(CORPUS)) {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    compared += compare(text) + compare(text.replace(/\n/g, '\r\n')) + compare(`# escape=\`\n${text.replace(/\\\n/g, '`\n')}`);
  }
  assert.ok(compared > 10_000, `only ${compared} instructions`);
});

test('arguments are read as dockerfile-ast reads them, on random instructions made of escapes, breaks, comments and quotes', () => {
  const pieces = ['\\', '`', ' ', '\t', '\n', '\r', '\r\n', '#', '$', 'a', 'b', '"', "'", '=', '-', '[', ']', '\\\n', '\\ \n', '\\\t\r\n', '\\$', 'é', '😀', '<<EOF', 'EOF', '\n# c\n'];
  const keywords = ['RUN ', 'COPY ', 'ENV ', 'FROM ', 'ARG ', 'CMD ', 'LABEL ', 'HEALTHCHECK ', 'ONBUILD RUN ', 'EXPOSE ', 'SHELL ', 'run\t'];
  // A fixed linear congruential sequence: the same inputs on every run.
  let seed = 20261124;
  const pick = <T>(list: readonly T[]): T => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return list[seed % list.length];
  };
  const lengths = Array.from({ length: 40 }, (_, i) => i);
  for (let round = 0; round < 20_000; round++) {
    let text = `${pick(['', '', '# escape=`\n'])}${pick(keywords)}`;
    for (let n = pick(lengths); n > 0; n--) text += pick(pieces);
    compare(`${text}${pick(['', '\nRUN x', '\r\nCOPY a b'])}`);
  }
});

test('an escaped line break joins lines, a comment inside the continuation is dropped, an escaped $ keeps its escape', () => {
  const [run] = DockerfileParser.parse('RUN a\\\n# note\n  b \\$HOME c\\ d\n').getInstructions();
  assert.deepEqual(shown(readRawArguments(run)), [
    ['a', { start: { line: 0, character: 4 }, end: { line: 0, character: 5 } }],
    ['b', { start: { line: 2, character: 2 }, end: { line: 2, character: 3 } }],
    ['\\$HOME', { start: { line: 2, character: 4 }, end: { line: 2, character: 10 } }],
    // An escaped space does not join words: the escape ends the first one.
    ['c', { start: { line: 2, character: 11 }, end: { line: 2, character: 12 } }],
    ['d', { start: { line: 2, character: 14 }, end: { line: 2, character: 15 } }],
  ]);
});
