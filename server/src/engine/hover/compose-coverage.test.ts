import assert from 'node:assert/strict';
import { test } from 'node:test';
import spec from '../data/compose-spec.json';
import { ComposeModel } from '../compose/model';
import { composeHover } from './compose';
import { keyHoverText } from './compose-keys';
import { schemaKeys } from './compose-schema';

test('every key the Compose schema defines, at every place, has hover text', () => {
  const places = schemaKeys();
  const missing: string[] = [];
  let count = 0;
  for (const [place, keys] of places) {
    for (const key of keys) {
      count++;
      const text = keyHoverText(place, key);
      if (!text || !text.startsWith(`**${key}** — `)) missing.push(`${place || '(top level)'} → ${key}`);
    }
  }
  assert.deepEqual(missing, []);
  // The walk reaches the whole schema: every top-level section and service key, and deep places.
  assert.deepEqual([...(places.get('') ?? [])].sort(), Object.keys(spec.properties).sort());
  const service = (spec.definitions.service as { properties: Record<string, unknown> }).properties;
  assert.deepEqual([...(places.get('services.*') ?? [])].sort(), Object.keys(service).sort());
  for (const place of ['services.*.build', 'services.*.deploy.resources.limits', 'services.*.deploy.restart_policy', 'services.*.healthcheck',
    'services.*.develop.watch[]', 'services.*.logging', 'services.*.networks.*', 'networks.*', 'volumes.*', 'secrets.*', 'configs.*', 'models.*',
    'services.*.volumes[].tmpfs', 'networks.*.ipam.config[]']) {
    assert.ok(places.has(place), place);
  }
  assert.ok(count > 300, `only ${count} keys found`);
});

test('the same key name is explained per place', () => {
  const driver = ['services.*.logging', 'networks.*', 'volumes.*'].map((p) => keyHoverText(p, 'driver'));
  assert.equal(new Set(driver).size, 3);
  const target = ['services.*.build', 'services.*.ports[]', 'services.*.volumes[]', 'services.*.secrets[]'].map((p) => keyHoverText(p, 'target'));
  assert.equal(new Set(target).size, 4);
  assert.match(keyHoverText('services.*', 'image') ?? '', /^\*\*image\*\* — service\n\n/);
  assert.match(keyHoverText('services.*.deploy.resources.limits', 'memory') ?? '', /^\*\*memory\*\* — deploy\.resources\.limits/);
});

test('hover finds each schema key in a document at its place', () => {
  const text = [
    'services:',
    '  app:',
    '    build:',
    '      target: dev',
    '    ports:',
    '      - target: 80',
    '    logging:',
    '      driver: local',
    '    deploy:',
    '      restart_policy:',
    '        max_attempts: 3',
    'networks:',
    '  net:',
    '    driver: bridge',
    'x-common: {}',
  ].join('\n');
  const model = new ComposeModel(text);
  const at = (line: number, character: number) => composeHover(model, { line, character }, {})?.contents.split('\n')[0];
  assert.equal(at(3, 7), '**target** — build');
  assert.equal(at(5, 9), '**target** — ports (long syntax)');
  assert.equal(at(7, 7), '**driver** — logging');
  assert.equal(at(10, 9), '**max_attempts** — deploy.restart_policy');
  assert.equal(at(13, 5), '**driver** — network');
  assert.equal(at(0, 0), '**services** — top level');
  assert.equal(at(14, 1), undefined);
});
