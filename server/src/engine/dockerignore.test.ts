import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanPath, isIgnored, parseDockerignore } from './dockerignore';

const ignored = (rules: string, path: string) => isIgnored(parseDockerignore(rules), path);

test('patterns are cleaned and anchored at the context root', () => {
  assert.deepEqual(
    parseDockerignore('# comment\n  node_modules  \n/dist/\n!./keep//me\n\n #not a comment\r\n').map((p) => [p.pattern, p.negate, p.line]),
    [
      ['node_modules', false, 1],
      ['dist', false, 2],
      ['keep/me', true, 3],
      ['#not a comment', false, 5],
    ],
  );
  assert.equal(cleanPath('a/./b/../c/'), 'a/c');
});

test('a pattern matches at the root only, and covers everything below a match', () => {
  assert.equal(ignored('node_modules', 'node_modules/x/index.js'), true);
  assert.equal(ignored('node_modules', 'app/node_modules'), false);
  assert.equal(ignored('*.md', 'README.md'), true);
  assert.equal(ignored('*.md', 'docs/a.md'), false);
  assert.equal(ignored('*/*.md', 'docs/a.md'), true);
  assert.equal(ignored('file?.txt', 'file1.txt'), true);
  assert.equal(ignored('file?.txt', 'file10.txt'), false);
  assert.equal(ignored('[a-c].txt', 'b.txt'), true);
});

test('** spans folders', () => {
  assert.equal(ignored('**/*.pyc', 'a/b/c.pyc'), true);
  assert.equal(ignored('**/*.pyc', 'c.pyc'), true);
  assert.equal(ignored('**/__pycache__', 'pkg/__pycache__/x'), true);
  assert.equal(ignored('logs/**', 'logs/a/b.log'), true);
});

test('the last matching pattern wins; ! re-includes', () => {
  assert.equal(ignored('*\n!src\n!package.json', 'src/index.ts'), false);
  assert.equal(ignored('*\n!src\n!package.json', 'package.json'), false);
  assert.equal(ignored('*\n!src\n!package.json', 'README.md'), true);
  assert.equal(ignored('*.md\n!README.md', 'README.md'), false);
  assert.equal(ignored('!README.md\n*.md', 'README.md'), true);
});
