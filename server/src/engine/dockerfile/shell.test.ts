import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseShell, programWordObjects, programWords } from './shell';

const shape = (text: string, escape?: string) => parseShell(text, { escape }).map((c) => ({ words: c.words.map((w) => w.value), next: c.next }));

test('splits on operators outside quotes', () => {
  assert.deepEqual(shape(`apt-get update && echo "a && b" | tee 'x;y'; true || false`), [
    { words: ['apt-get', 'update'], next: '&&' },
    { words: ['echo', 'a && b'], next: '|' },
    { words: ['tee', 'x;y'], next: ';' },
    { words: ['true'], next: '||' },
    { words: ['false'], next: undefined },
  ]);
});

test('joins Dockerfile continuations and drops comment lines inside them', () => {
  assert.deepEqual(shape('npm ci \\\n  # why\n\n  && npm run build'), [
    { words: ['npm', 'ci'], next: '&&' },
    { words: ['npm', 'run', 'build'], next: undefined },
  ]);
  assert.deepEqual(shape('a `\r\n  && b', '`'), [
    { words: ['a'], next: '&&' },
    { words: ['b'], next: undefined },
  ]);
});

test('keeps command substitutions whole and records offsets', () => {
  const [cmd] = parseShell('echo $(a && b) `c; d` x\\ y');
  assert.deepEqual(cmd.words.map((w) => w.value), ['echo', '$(a && b)', '`c; d`', 'x y']);
  assert.deepEqual(cmd.words.map((w) => [w.start, w.end]), [[0, 4], [5, 14], [15, 21], [22, 26]]);
});

test('program words skip assignments and wrappers', () => {
  const [cmd] = parseShell('DEBIAN_FRONTEND=noninteractive sudo -E apt-get install -y curl');
  assert.deepEqual(programWords(cmd), ['apt-get', 'install', '-y', 'curl']);
});

test('program words drop redirections and heredoc markers', () => {
  const [a] = parseShell('apt-get install -y curl > /dev/null 2>&1');
  assert.deepEqual(programWords(a), ['apt-get', 'install', '-y', 'curl']);
  const [b] = parseShell('cat <<EOF >/etc/conf');
  assert.deepEqual(programWords(b), ['cat']);
});

test('a word joins plain runs with quoted, escaped and substituted parts', () => {
  const [cmd] = parseShell(`x=a"b c"d\\ e'f g'$HOME$(h i)\`j\`k$ l`);
  assert.deepEqual(cmd.words.map((w) => w.value), ['x=ab cd ef g$HOME$(h i)`j`k$', 'l']);
  assert.deepEqual(cmd.words.map((w) => [w.start, w.end]), [[0, 33], [34, 35]]);
});

test('program words keep their offsets in the command', () => {
  const [cmd] = parseShell('FOO=apt 2> /dev/null env -i apt install curl');
  assert.deepEqual(programWordObjects(cmd).map((w) => [w.value, w.start]), [['apt', 28], ['install', 32], ['curl', 40]]);
});
