import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeConfigs, parseHadolintConfig, parseProjectConfig, RULES } from '.';

test('our config file: rules and trusted registries, bad values dropped', () => {
  assert.deepEqual(parseProjectConfig('rules:\n  df101: error\n  DC301: off\n  DF201: loud\ntrustedRegistries: [docker.io]\n'), {
    rules: { DF101: 'error', DC301: 'off' },
    trustedRegistries: ['docker.io'],
  });
  assert.deepEqual(parseProjectConfig(''), { rules: {} });
  assert.throws(() => parseProjectConfig('rules: [\n'));
});

test('hadolint config maps DL codes through the peer column', () => {
  assert.deepEqual(parseHadolintConfig('ignored:\n  - DL3006\noverride:\n  error: [DL3002]\n  style: [DL3007]\ntrustedRegistries:\n  - my.registry\n', RULES), {
    rules: { DF101: 'error', DF301: 'off' },
    trustedRegistries: ['my.registry'],
  });
});

test('later configs win rule by rule', () => {
  assert.deepEqual(mergeConfigs({ rules: { DF101: 'off', DF301: 'info' } }, undefined, { rules: { DF101: 'error' } }), { rules: { DF101: 'error', DF301: 'info' } });
});
