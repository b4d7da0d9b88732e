import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ComposeModel } from './model';
import { isPathSource, serviceReferences, shortVolumeSource } from './references';

test('splits short volume syntax the way Compose does', () => {
  assert.equal(shortVolumeSource('data:/var/lib/data:ro'), 'data');
  assert.equal(shortVolumeSource('/anonymous'), undefined);
  assert.equal(shortVolumeSource('C:\\Users\\me:/home'), 'C:\\Users\\me');
  assert.equal(shortVolumeSource('${VOLUME:-data}:/data'), '${VOLUME:-data}');
  assert.equal(shortVolumeSource('${HOME}/src:/src'), '${HOME}/src');
});

test('tells bind sources from volume names', () => {
  for (const source of ['./src', '../src', '/srv', '~/src', '.', 'C:\\data', 'd:/data', '\\\\.\\pipe\\docker_engine']) assert.ok(isPathSource(source), source);
  for (const source of ['data', 'pg-data_1', 'data/x']) assert.ok(!isPathSource(source), source);
});

test('lists what a service names, with the span of the name alone', () => {
  const text = 'services:\n  web:\n    links: ["db:database"]\n    network_mode: service:vpn\n    volumes: ["${VOL:-cache}:/cache", "${VOL2}:/x", "${PWD}:/pwd", "${SRC}/app:/app"]\n';
  const model = new ComposeModel(text);
  const refs = serviceReferences(model, model.services[0]).map((r) => ({ kind: r.kind, name: r.name, via: r.via, text: r.span && text.slice(r.span[0], r.span[1]) }));
  assert.deepEqual(refs, [
    { kind: 'service', name: 'db', via: 'links', text: 'db' },
    { kind: 'service', name: 'vpn', via: 'network_mode', text: 'vpn' },
    { kind: 'volume', name: 'cache', via: 'volumes', text: undefined },
    { kind: 'volume', name: undefined, via: 'volumes', text: undefined },
  ]);
});
