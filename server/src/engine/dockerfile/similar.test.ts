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

test('the first few nearest are the same as the head of the whole order', () => {
  const names = ['build', 'builder', 'build-base', 'test', 'b', 'buildx', 'runtime', 'bulid', 'builds', 'base'];
  for (const name of ['build', 'bild', 'runtim', 'x', 'build-bases']) {
    for (const limit of [1, 2, 3, 5]) assert.deepEqual(byCloseness(name, names, Infinity, limit), byCloseness(name, names).slice(0, limit), `${name}, ${limit}`);
  }
  assert.deepEqual(byCloseness('bild', names, Infinity, 3), ['build', 'buildx', 'bulid']);
});
