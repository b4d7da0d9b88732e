import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeConfigs } from '../engine';
import { DEFAULT_SETTINGS, engineConfig, readSettings } from './settings';

test('settings keep well-formed values only: severities per rule id, non-empty registry names', () => {
  const settings = readSettings({ enable: true, rules: { df101: 'error', DC301: 'loud', DF302: 'warning' }, trustedRegistries: [' ghcr.io/acme ', '', 42, 'docker.io'] });
  assert.deepEqual(settings, { enable: true, rules: { DF101: 'error', DF302: 'warning' }, trustedRegistries: ['ghcr.io/acme', 'docker.io'] });
  assert.deepEqual(readSettings({ enable: false, trustedRegistries: 'ghcr.io' }), { enable: false, rules: {}, trustedRegistries: [] });
  assert.equal(readSettings(null), DEFAULT_SETTINGS);
});

test("the user's trusted registries replace the project's; none set leaves the project's", () => {
  const project = { rules: { DF302: 'warning' as const }, trustedRegistries: ['registry.example.com'] };
  const user = engineConfig(readSettings({ trustedRegistries: ['ghcr.io'] }));
  assert.deepEqual(mergeConfigs(project, user), { rules: { DF302: 'warning' }, trustedRegistries: ['ghcr.io'] });
  assert.deepEqual(mergeConfigs(project, engineConfig(DEFAULT_SETTINGS)), { rules: { DF302: 'warning' }, trustedRegistries: ['registry.example.com'] });
});
