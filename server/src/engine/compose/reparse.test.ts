import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, type YAMLMap } from 'yaml';
import { yamlShape } from '../../test-support/yaml-shape';
import { ComposeModel } from './model';

const BASE = [
  'name: shop',
  'x-common: &common',
  '  restart: unless-stopped',
  'services:',
  '  web:',
  '    image: nginx:1.27',
  '    <<: *common',
  '',
  '  # the database',
  '  db:',
  '    image: postgres:16',
  '    command: |',
  '      postgres',
  '  cache:',
  '    image: redis:7',
  'volumes:',
  '  data: {}',
  '',
].join('\n');

function serviceNode(model: ComposeModel, name: string): YAMLMap {
  const service = model.servicesByName.get(name);
  assert.ok(service && isMap(service.node));
  return service.node;
}

/** Parses `edited` after `BASE` and checks the result against a fresh parse of the same text. */
function edit(edited: string): { before: ComposeModel; after: ComposeModel; spliced: boolean } {
  const before = new ComposeModel(BASE);
  const doc = before.doc;
  const after = new ComposeModel(edited, before);
  assert.deepEqual(yamlShape(after.doc), yamlShape(new ComposeModel(edited).doc));
  return { before, after, spliced: after.doc === doc };
}

test('a character typed in one service re-parses that service alone', () => {
  const before = new ComposeModel(BASE);
  const cache = serviceNode(before, 'cache');
  const edited = BASE.replace('postgres:16', 'postgres:17-alpine');
  const after = new ComposeModel(edited, before);
  assert.deepEqual(yamlShape(after.doc), yamlShape(new ComposeModel(edited).doc));
  // The service after the edit is the same node, moved by the two characters typed.
  assert.equal(serviceNode(after, 'cache'), cache);
  assert.deepEqual(cache.range, [edited.indexOf('image: redis'), edited.indexOf('volumes:'), edited.indexOf('volumes:')]);
  assert.deepEqual(after.rangeOf(after.servicesByName.get('db')?.keyNode ?? {}), { start: { line: 9, character: 2 }, end: { line: 9, character: 4 } });
  assert.equal(after.scalarText(after.get(serviceNode(after, 'db'), 'image')?.value), 'postgres:17-alpine');
});

test('a service inserted before another, and a merge key inside the edited service, are spliced too', () => {
  const inserted = edit(BASE.replace('  # the database\n', '  # the database\n  worker:\n    image: busybox\n'));
  assert.ok(inserted.spliced);
  assert.deepEqual(inserted.after.services.map((s) => s.name), ['web', 'worker', 'db', 'cache']);
  const merged = edit(BASE.replace('    <<: *common', '    <<: *common\n    ports: ["80:80"]'));
  assert.ok(merged.spliced);
  assert.equal(merged.after.scalarText(merged.after.get(serviceNode(merged.after, 'web'), 'restart')?.value), 'unless-stopped');
});

test('comment lines before the next service end the edited one where a whole parse ends it', () => {
  // A service ending in a comment runs on to the indentation of the key after it.
  for (const text of [BASE.replace('    <<: *common\n', '    <<: *common\n    # more to come\n'), BASE.replace('  # the database', '  # the main database\n\n')]) {
    assert.ok(edit(text).spliced);
  }
});

test('an edit a service cannot hold alone is parsed whole', () => {
  const cases = [
    // Out of the services mapping.
    BASE.replace('volumes:', 'volumes:\n  logs: {}'),
    // Changes the indentation the next entry starts at.
    BASE.replace('  db:', ' db:'),
    // Breaks the YAML.
    BASE.replace('image: redis:7', 'image: [redis'),
    // A document marker inside a service.
    BASE.replace('    image: postgres:16', '---\n    image: postgres:16'),
    // The last entry of a mapping, whose end depends on what follows it.
    BASE.replace('data: {}', 'data: {driver: local}'),
  ];
  for (const text of cases) assert.equal(edit(text).spliced, false, text);
});

test('the last service is re-parsed alone, before the next top-level key and at the end of the text', () => {
  const typed = edit(BASE.replace('redis:7', 'redis:7-alpine'));
  assert.ok(typed.spliced);
  assert.equal(typed.after.scalarText(typed.after.get(serviceNode(typed.after, 'cache'), 'image')?.value), 'redis:7-alpine');
  const added = edit(BASE.replace('    image: redis:7\n', '    image: redis:7\n  # a new one\n  worker:\n    image: busybox\n'));
  assert.ok(added.spliced);
  assert.deepEqual(added.after.services.map((s) => s.name), ['web', 'db', 'cache', 'worker']);
  const last = 'services:\n  web:\n    image: nginx:1.27\n  cache:\n    image: redis:7\n# the end\n';
  for (const edited of [last.replace('redis:7', 'redis:8'), `${last}  worker:\n    image: busybox`, last.replace('# the end\n', '    ports: ["6379:6379"]')]) {
    const before = new ComposeModel(last);
    const after = new ComposeModel(edited, before);
    assert.equal(after.doc, before.doc, edited);
    assert.deepEqual(yamlShape(after.doc), yamlShape(new ComposeModel(edited).doc));
  }
});

test('an edit inside a top-level entry re-parses that entry', () => {
  const { spliced, after } = edit(BASE.replace('restart: unless-stopped', 'restart: always'));
  assert.ok(spliced);
  assert.equal(after.scalarText(after.get(serviceNode(after, 'web'), 'restart')?.value), 'always');
});

test('a file with a YAML error is parsed whole until it parses again', () => {
  const broken = new ComposeModel(BASE.replace('image: redis:7', 'image: [redis'));
  const fixed = BASE.replace('image: redis:7', 'image: [redis]');
  const after = new ComposeModel(fixed, broken);
  assert.notEqual(after.doc, broken.doc);
  assert.deepEqual(yamlShape(after.doc), yamlShape(new ComposeModel(fixed).doc));
});

test('an edit in a file broken by lone carriage returns re-parses as a whole parse reads it', () => {
  const text = BASE.replaceAll('\n', '\r');
  const before = new ComposeModel(text);
  const doc = before.doc;
  const edited = text.replace('postgres:16', 'postgres:17');
  const after = new ComposeModel(edited, before);
  assert.equal(after.doc, doc);
  assert.deepEqual(yamlShape(after.doc), yamlShape(new ComposeModel(edited).doc));
  assert.equal(after.scalarText(after.get(serviceNode(after, 'db'), 'image')?.value), 'postgres:17');
  assert.deepEqual(after.services.map((s) => s.name), ['web', 'db', 'cache']);
});
