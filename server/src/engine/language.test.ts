import assert from 'node:assert/strict';
import { test } from 'node:test';
import { languageOf, looksLikeCompose } from './language';

test('file names map to languages', () => {
  const cases: [string, string | undefined][] = [
    ['Dockerfile', 'dockerfile'],
    ['/a/b/Dockerfile.dev', 'dockerfile'],
    ['Dockerfile-windows', 'dockerfile'],
    ['api.Dockerfile', 'dockerfile'],
    ['build.dockerfile', 'dockerfile'],
    ['Containerfile', 'dockerfile'],
    ['Dockerfile.md', undefined],
    ['compose.yaml', 'dockercompose'],
    ['docker-compose.prod.yml', 'dockercompose'],
    ['compose-dev.yml', 'dockercompose'],
    ['.dockerignore', 'dockerignore'],
    ['api.Dockerfile.dockerignore', 'dockerignore'],
    ['values.yaml', undefined],
    ['README.md', undefined],
  ];
  assert.deepEqual(cases.map(([name]) => [name, languageOf(name)]), cases);
});

test('YAML with a top-level services mapping is Compose', () => {
  assert.equal(looksLikeCompose('services:\n  web:\n    image: nginx:1.30\n'), true);
  assert.equal(looksLikeCompose('image: ruby:3.4\nservices:\n  - postgres:18\n'), false);
  assert.equal(looksLikeCompose('x-defaults: &d\n  restart: always\n---\nservices:\n  web:\n    image: nginx:1.30\n'), true);
  assert.equal(looksLikeCompose('apiVersion: v1\nkind: Pod\n'), false);
});
