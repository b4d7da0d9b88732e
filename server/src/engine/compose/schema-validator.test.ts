import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Ajv, type ErrorObject } from 'ajv';
import { repoRoot } from '../../test-support/paths';
import { composeInstance } from './instance-paths';
import { ComposeModel } from './model';
import { NEWER_SERVICE_KEYS, schemaProblems, validationErrors } from './schema-validator';

const root = repoRoot();
const shipped = join(root, 'server', 'src', 'engine', 'data', 'compose-spec.json');
const fromPackage = join(root, 'node_modules', 'dclint', 'schemas', 'compose.schema.json');

test('the bundled schema is the one the installed dclint package ships', () => {
  // The package's `exports` keep its schema file from being imported, so the engine bundles
  // this copy; after updating dclint, copy the file again.
  assert.equal(readFileSync(shipped, 'utf8'), readFileSync(fromPackage, 'utf8'), `copy ${fromPackage} to ${shipped}`);
});

test('keys added on top of the schema are ones it still lacks', () => {
  const spec = JSON.parse(readFileSync(shipped, 'utf8')) as { definitions: { service: { properties: Record<string, unknown> } } };
  for (const key of Object.keys(NEWER_SERVICE_KEYS)) assert.ok(!(key in spec.definitions.service.properties), `the schema now has '${key}': drop it from NEWER_SERVICE_KEYS`);
});

test('the instance maps every path to the node where its value is written', () => {
  const text = 'x-base: &base\n  image: nginx:1.27\n  "a/b~c": 1\nservices:\n  web:\n    <<: *base\n    ports: ["80:80"]\n    command: !reset null\n    __proto__: 2\n';
  const model = new ComposeModel(text);
  const instance = composeInstance(model);
  const web = (instance.value as { services: { web: Record<string, unknown> } }).services.web;
  assert.deepEqual(Object.keys(web), ['ports', '__proto__', 'image', 'a/b~c']);
  assert.equal(Object.getPrototypeOf(web), Object.prototype);
  const image = instance.at.get('/services/web/image');
  assert.equal(image?.key && model.rangeOf(image.key).start.line, 1, 'merged keys point into the anchor');
  assert.ok(instance.at.get('/services/web/a~1b~0c'), 'path segments are escaped as JSON pointers');
  assert.equal(instance.at.get('/services/web/ports/0')?.key, undefined);
});

test('interpolated and custom-tagged values are marked as known only later', () => {
  const instance = composeInstance(new ComposeModel('a: ${X}\nb: $$literal\nc: !custom x\nd: $Y-z\n'));
  assert.deepEqual(
    ['/a', '/b', '/c', '/d'].map((p) => instance.at.get(p)?.deferred),
    ['interpolated', undefined, 'tagged', 'interpolated'],
  );
});

test('an alias inside its own anchor is reported, not followed forever', () => {
  const problems = schemaProblems(new ComposeModel('services:\n  web: &web\n    image: nginx:1.27\n    labels:\n      self: *web\n'));
  assert.deepEqual(
    problems.map((p) => [p.range.start.line, p.range.start.character, p.message]),
    [[4, 12, "Invalid YAML: the alias '*web' sits inside the value it names, which would make that value endless."]],
  );
});

test('an alias bomb is reported at the alias whose expansion runs away, without expanding it', () => {
  const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
  const started = performance.now();
  const problems = schemaProblems(new ComposeModel(`${bomb.join('\n')}\nservices:\n  web:\n    image: *j\n`));
  assert.ok(performance.now() - started < 1000);
  assert.deepEqual(
    problems.map((p) => [p.range.start.line, p.range.start.character, p.range.end.character]),
    [[3, 7, 9]],
  );
  assert.match(problems[0].message, /^Invalid YAML: the aliases here expand/);
});

test('values nested past any sensible depth are left out, not followed', () => {
  const deep = `services:\n  web:\n    image: nginx:1.27\n    labels: ${'['.repeat(600)}${']'.repeat(600)}\n`;
  assert.deepEqual(schemaProblems(new ComposeModel(deep)).map((p) => p.message), ["'labels' entries must be a string (got a list)"]);
});

const COMPOSE_CORPUS = join(root, '..', 'shared', 'corpus', 'compose');

test('validating the file with its services emptied, then each service alone, finds what validating the whole file finds', () => {
  const spec = JSON.parse(readFileSync(shipped, 'utf8')) as { definitions: { service: { properties: Record<string, unknown> } } };
  spec.definitions.service.properties = { ...NEWER_SERVICE_KEYS, ...spec.definitions.service.properties };
  const whole = new Ajv({ allErrors: true, strict: false, validateSchema: false, logger: false }).compile(spec);
  const shown = (errors: ErrorObject[]) => errors.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`).sort();
  const broken = [
    'services:\n  web:\n    image: 3\n    portz: [1]\n    ports: ["80:80", "80:80"]\n  "bad name":\n    image: x\n  empty:\n  list: []\nnetworks:\n  n: {driver: 1}\nvolumez: {}\n',
    'services: [a]\n',
    'services:\n  a~b/c: {restart: 3, build: {context: 1}}\n',
  ];
  const texts = [...broken, ...readdirSync(COMPOSE_CORPUS).map((name) => readFileSync(join(COMPOSE_CORPUS, name), 'utf8'))];
  let failing = 0;
  for (const text of texts) {
    const value = composeInstance(new ComposeModel(text)).value;
    const expected = whole(value) ? [] : (whole.errors ?? []);
    if (expected.length) failing++;
    assert.deepEqual(shown(validationErrors(value)), shown(expected), text.slice(0, 200));
  }
  assert.ok(failing >= broken.length, 'the comparison covers files with errors');
});

test('after an edit inside one service, the others keep their converted values and the problems are those of a fresh parse', () => {
  const before = 'x-base: &base\n  restart: always\nservices:\n  a:\n    image: nginx:1.27\n  b:\n    image: redis:7\n    portz: [1]\n  c:\n    <<: *base\n    image: postgres:16\n  d:\n    image: 4\n';
  const after = before.replace('nginx:1.27', 'nginx:1.27.3\n    restartt: no');
  const first = new ComposeModel(before);
  const services = (model: ComposeModel) => (composeInstance(model).value as { services: Record<string, unknown> }).services;
  const old = services(first);
  const edited = new ComposeModel(after, first);
  const now = services(edited);
  assert.deepEqual(
    ['a', 'b', 'c', 'd'].map((name) => now[name] === old[name]),
    [false, true, false, true],
    'the edited service and the one with a merge key are converted again',
  );
  const shown = (model: ComposeModel) => schemaProblems(model).map((p) => [p.range.start.line, p.range.start.character, p.range.end.character, p.message]);
  assert.deepEqual(shown(edited), shown(new ComposeModel(after)));
  assert.deepEqual(
    shown(edited).map(([line]) => line),
    [5, 8, 13],
  );
});

test('a service whose own keys override all its merge key brings is converted again when the anchor changes', () => {
  const before = 'x-base: &base\n  image: busybox\nservices:\n  app:\n    <<: *base\n    image: nginx:1.27\n';
  const after = before.replace('  image: busybox', '  restartt: no');
  const first = new ComposeModel(before);
  schemaProblems(first);
  const edited = new ComposeModel(after, first);
  const shown = (model: ComposeModel) => schemaProblems(model).map((p) => [p.range.start.line, p.range.start.character, p.message]);
  assert.deepEqual(shown(edited), shown(new ComposeModel(after)));
  assert.deepEqual(shown(edited), [[1, 2, "Unknown key 'restartt' in service 'app'. Did you mean 'restart'?"]]);
});
