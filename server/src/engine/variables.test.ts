import assert from 'node:assert/strict';
import { test } from 'node:test';
import { substitute } from './variables';

const scope = new Map<string, string | undefined>([
  ['SET', 'v'],
  ['EMPTY', ''],
  ['NOVALUE', undefined],
]);

test('expands the forms BuildKit supports in FROM', () => {
  assert.equal(substitute('a:$SET', scope), 'a:v');
  assert.equal(substitute('a:${SET}-b', scope), 'a:v-b');
  assert.equal(substitute('${EMPTY:-d}', scope), 'd');
  assert.equal(substitute('${EMPTY-d}', scope), '');
  assert.equal(substitute('${NOVALUE:-"20"}', scope), '20');
  assert.equal(substitute('${SET:+alt}', scope), 'alt');
  assert.equal(substitute('${EMPTY:+alt}', scope), '');
  assert.equal(substitute('${UNDECLARED-x}', scope), 'x');
});

test('a value only known at build time makes the result unknown', () => {
  assert.equal(substitute('${NOVALUE}', scope), undefined);
  assert.equal(substitute('$UNDECLARED', scope), undefined);
  assert.equal(substitute('${SET#prefix}', scope), undefined);
  assert.equal(substitute('${SET/a/b}', scope), undefined);
});
