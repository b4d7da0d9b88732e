import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileAccess } from '../../test-support/rule-tester';
import { substitute } from '../variables';
import { composeScope, parseEnvFile } from './environment';

test('.env syntax: export, quotes, escapes and comments', () => {
  const env = parseEnvFile('# settings\nexport TAG=1.30\nA = plain value # note\nB="two\\nlines \\"q\\""\nC=\'lit ${X} \\n\'\nD=\nnot a line\n');
  assert.deepEqual(Object.fromEntries(env), { TAG: '1.30', A: 'plain value', B: 'two\nlines "q"', C: 'lit ${X} \\n', D: '' });
});

test('Compose interpolation forms with .env values', () => {
  const scope = composeScope(fileAccess({ '.env': 'TAG=1.30\nEMPTY=\n' }));
  assert.equal(substitute('nginx:${TAG}', scope), 'nginx:1.30');
  assert.equal(substitute('nginx:$TAG', scope), 'nginx:1.30');
  assert.equal(substitute('${EMPTY:-d}|${EMPTY-d}|${UNSET-d}', scope), 'd||d');
  assert.equal(substitute('${TAG:?required}', scope), '1.30');
  assert.equal(substitute('${UNSET:?required}', scope), undefined);
  assert.equal(substitute('${EMPTY?set but empty is fine}', scope), '');
  assert.equal(substitute('cost: $$5 and $${TAG}', scope), 'cost: $5 and ${TAG}');
  assert.equal(substitute('${UNSET}', scope), undefined);
});

test('no file access, no .env: nothing is known', () => {
  assert.equal(composeScope(undefined).size, 0);
  assert.equal(composeScope(fileAccess({})).size, 0);
});
