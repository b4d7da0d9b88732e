import assert from 'node:assert/strict';
import { test } from 'node:test';
import { byCloseness, editDistance, typoDistance } from './similar';

test('edit distance counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('builder', 'buidler'), 1);
  assert.equal(editDistance('build', 'builder'), 2);
  assert.equal(editDistance('', 'abc'), 3);
});

test('candidates nearest first, without regard to case, within a limit', () => {
  assert.deepEqual(byCloseness('BUILD', ['test', 'builder', 'build-base', 'build']), ['build', 'builder', 'test', 'build-base']);
  assert.deepEqual(byCloseness('buidler', ['builder', 'base'], typoDistance('buidler')), ['builder']);
  assert.deepEqual(byCloseness('ab', ['ac'], typoDistance('ab')), []);
});
