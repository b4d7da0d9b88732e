import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileAccess } from '../../test-support/rule-tester';
import { ComposeModel } from './model';
import { ComposeFiles, isLocalRelativePath, loadProject, normalizePath } from './related-files';

const project = (text: string, fileName: string, files?: Record<string, string>) => {
  const result = loadProject(new ComposeModel(text), fileName, new ComposeFiles(files && fileAccess(files)));
  return { paths: result.files.map((f) => f.path), complete: result.complete, overlay: result.overlay };
};

const OVERLAY = 'services:\n  agent:\n    image: example/agent:1\n    networks: [elk]\n';

test('normalizes relative paths the way the host joins them', () => {
  assert.equal(normalizePath('./a/./b/../c'), 'a/c');
  assert.equal(normalizePath('../x/../../y'), '../../y');
  assert.equal(normalizePath('./'), '.');
  assert.equal(normalizePath('dir\\file.env'), 'dir/file.env');
});

test('tells local relative paths from what the host cannot look up', () => {
  for (const path of ['.env', './a/b', '../shared/x.yaml', 'env/app.env']) assert.ok(isLocalRelativePath(path), path);
  for (const path of ['/etc/x', '~/x', 'C:\\x', 'D:/x', '${DIR}/x', 'https://example.com/a.git', 'git@github.com:a/b.git', 'github.com/a/b', 'oci://r/x', '']) {
    assert.ok(!isLocalRelativePath(path), path);
  }
});

test('a default-named file is merged with its override, and the override with its base', () => {
  const files = { 'compose.yaml': 'services: {}\n', 'compose.override.yaml': 'services: {}\n' };
  assert.deepEqual(project('services: {}\n', 'compose.yaml', files), { paths: ['compose.override.yaml'], complete: true, overlay: false });
  assert.deepEqual(project('services: {}\n', '/work/app/compose.override.yaml', files), { paths: ['compose.yaml'], complete: true, overlay: false });
});

test('an override whose base cannot be read is incomplete', () => {
  assert.equal(project('services:\n  web:\n    ports: ["80:80"]\n', 'docker-compose.override.yml', {}).complete, false);
  assert.equal(project('services:\n  web:\n    ports: ["80:80"]\n', 'docker-compose.override.yml').complete, false);
});

test('a file with a name of its own finds its base beside it or up to two folders up', () => {
  assert.deepEqual(project(OVERLAY, 'extensions/agent/agent-compose.yml', { '../../docker-compose.yml': 'networks:\n  elk:\n' }), {
    paths: ['../../docker-compose.yml'],
    complete: true,
    overlay: false,
  });
});

test('a file with a name of its own and names it does not define is an overlay when no base is found', () => {
  assert.deepEqual(project(OVERLAY, 'docker-compose.prod.yml', {}), { paths: [], complete: true, overlay: true });
  assert.deepEqual(project('services:\n  a:\n    image: example/a:1\n', 'docker-compose.prod.yml', {}), { paths: [], complete: true, overlay: false });
  assert.deepEqual(project(OVERLAY, 'compose.yaml', {}), { paths: [], complete: true, overlay: false });
});

test('a service with no image, build or extends marks a fragment of a project', () => {
  assert.equal(project('services:\n  web:\n    environment: [A=1]\n', 'compose.prod.yaml', {}).complete, false);
  assert.equal(project('services:\n  web:\n    environment: [A=1]\n', 'compose.prod.yaml', { 'compose.yaml': 'services: {}\n' }).complete, true);
});

test('includes are followed relative to the including file; one that cannot be read makes the project incomplete', () => {
  const files = { 'infra/compose.yaml': 'include: [../db/compose.yaml]\n', 'db/compose.yaml': 'services: {}\n' };
  assert.deepEqual(project('include:\n  - path: infra/compose.yaml\n', 'compose.yaml', files), { paths: ['infra/compose.yaml', 'db/compose.yaml'], complete: true, overlay: false });
  assert.equal(project('include: [missing.yaml]\n', 'compose.yaml', files).complete, false);
  assert.equal(project('include: [oci://example/stack:1]\n', 'compose.yaml', files).complete, false);
  assert.equal(project('include: [a.yaml]\n', 'compose.yaml', { 'a.yaml': 'include: [compose.yaml]\n', 'compose.yaml': 'include: [a.yaml]\n' }).complete, true);
});

test("every document of every file joins the project, and a service another document gives an image is no fragment", () => {
  // The image of 'web' is in the second document: the file is complete on its own.
  assert.deepEqual(project('services:\n  web:\n    networks: [front]\n---\nservices:\n  web:\n    image: nginx:1.27\nnetworks:\n  front: {}\n', 'stack.yaml'), {
    paths: ['stack.yaml'],
    complete: true,
    overlay: false,
  });
  const files = { 'compose.yaml': 'services:\n  web:\n    image: nginx:1.27\n---\nnetworks:\n  front: {}\n' };
  const override = loadProject(new ComposeModel('services:\n  web:\n    networks: [front]\n'), 'compose.override.yaml', new ComposeFiles(fileAccess(files)));
  assert.deepEqual(override.files.map((f) => [f.path, Object.keys(f.model.root?.toJSON() ?? {})]), [
    ['compose.yaml', ['services']],
    ['compose.yaml', ['networks']],
  ]);
  assert.equal(override.complete, true);
});

test('a file with more documents than are read makes the project incomplete', () => {
  const many = 'services:\n  web:\n    image: nginx:1.27\n' + '---\nx-note: filler\n'.repeat(101);
  assert.equal(project('services:\n  web:\n    image: nginx:1.27\n', 'compose.override.yaml', { 'compose.yaml': many }).complete, false);
});

test('every document of a file gets the same answer: a service without image in any document makes the file a fragment', () => {
  const text = 'services:\n  web:\n    image: nginx:1.27\nnetworks:\n  front: {}\n---\nservices:\n  db:\n    environment: {A: 1}\n';
  const documents = new ComposeModel(text).documents() ?? [];
  assert.deepEqual(
    documents.map((d) => loadProject(d, 'stack.yaml', new ComposeFiles(undefined)).complete),
    [false, false],
  );
});

