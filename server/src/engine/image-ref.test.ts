import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isFloating, parseImageRef } from './image-ref';

test('parses registry, repository, tag and digest', () => {
  assert.deepEqual(parseImageRef('node'), { registry: undefined, repository: 'node', tag: undefined, digest: undefined, official: true });
  assert.deepEqual(parseImageRef('docker.io/library/node:24'), { registry: 'docker.io', repository: 'node', tag: '24', digest: undefined, official: true });
  assert.deepEqual(parseImageRef('localhost:5000/team/app:1@sha256:ab'), { registry: 'localhost:5000', repository: 'team/app', tag: '1', digest: 'sha256:ab', official: false });
  assert.deepEqual(parseImageRef('ghcr.io/acme/app'), { registry: 'ghcr.io', repository: 'acme/app', tag: undefined, digest: undefined, official: false });
  assert.equal(parseImageRef(''), undefined);
  assert.equal(parseImageRef('a b'), undefined);
});

test('floating means no digest and no tag or latest', () => {
  assert.equal(isFloating(parseImageRef('node')!), true);
  assert.equal(isFloating(parseImageRef('node:latest')!), true);
  assert.equal(isFloating(parseImageRef('node:24')!), false);
  assert.equal(isFloating(parseImageRef('node@sha256:ab')!), false);
});
