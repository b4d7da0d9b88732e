import { testRule } from '../../test-support/rule-tester';
import { df507 } from './df507-copy-ignored-file';

testRule(df507, {
  valid: [
    { code: 'FROM node:24\nCOPY package.json ./\n', files: { '.dockerignore': 'node_modules\n' } },
    { name: 're-included by !', code: 'FROM node:24\nCOPY src ./src\n', files: { '.dockerignore': '*\n!src\n' } },
    { name: 'wildcards and variables cannot be judged without listing files', code: 'FROM node:24\nARG DIR=dist\nCOPY *.json $DIR ./\n', files: { '.dockerignore': '*.json\ndist\n' } },
    { name: 'from a stage', code: 'FROM node:24 AS b\nFROM node:24\nCOPY --from=b node_modules ./node_modules\n', files: { '.dockerignore': 'node_modules\n' } },
    { name: 'URL source', code: 'FROM alpine:3.24\nADD https://example.com/a.tar.gz /opt/\n', files: { '.dockerignore': '*\n' } },
    { name: 'a pattern below the root does not match at the root', code: 'FROM alpine:3.24\nCOPY README.md /\n', files: { '.dockerignore': 'docs/*.md\n' } },
  ],
  invalid: [
    {
      name: 'allow-list style ignore file',
      code: 'FROM node:24\nCOPY package.json ./\nCOPY src/ ./src/\n',
      files: { '.dockerignore': '# only what the build needs\n*\n!src\n' },
      findings: [{ range: [1, 5, 1, 17], message: "'package.json' is excluded by .dockerignore (line 2: '*'), so it is not in the build context and COPY cannot copy it. Remove the pattern or add '!package.json'." }],
    },
    {
      name: 'a folder excluded by a ** pattern; the Dockerfile-specific ignore file wins',
      code: 'FROM python:3.14\nADD ./app/__pycache__/x.pyc /tmp/\n',
      files: { '.dockerignore': '', 'Dockerfile.dockerignore': '**/__pycache__\n' },
      findings: [{ range: [1, 4, 1, 27], message: "'./app/__pycache__/x.pyc' is excluded by Dockerfile.dockerignore (line 1: '**/__pycache__'), so it is not in the build context and ADD cannot copy it. Remove the pattern or add '!app/__pycache__/x.pyc'." }],
    },
  ],
});
