import { DOCKERIGNORE_TEMPLATES } from '../dockerignore-templates';
import { testRule } from '../../test-support/rule-tester';
import { df202 } from './df202-missing-dockerignore';

const MESSAGE = 'This copies the whole build context, but there is no .dockerignore: .git, local dependencies, build output and .env files all go into the build. Add a .dockerignore.';
const template = (lines: string[]) => lines.join('\n') + '\n';

testRule(df202, {
  valid: [
    { name: '.dockerignore beside it', code: 'FROM node:24\nCOPY . .\n', files: { '.dockerignore': 'node_modules\n' } },
    { name: 'a Dockerfile-specific ignore file', code: 'FROM node:24\nCOPY . .\n', files: { 'Dockerfile.dockerignore': 'node_modules\n' } },
    { name: 'copies named files only', code: 'FROM node:24\nCOPY package.json server.js ./\n', files: {} },
    { name: 'no file access: nothing can be said', code: 'FROM node:24\nCOPY . .\n', noFiles: true },
    { name: 'copy from a stage', code: 'FROM node:24 AS b\nFROM nginx:1.30\nCOPY --from=b . /usr/share/nginx/html\n', files: {} },
  ],
  invalid: [
    {
      name: 'Node image: Node template',
      code: 'FROM node:24\nWORKDIR /app\nCOPY . .\n',
      files: { 'package.json': '{}' },
      findings: [{ range: [2, 0, 2, 8], message: MESSAGE, fixes: [{ title: 'Create .dockerignore: Node.js template', output: 'FROM node:24\nWORKDIR /app\nCOPY . .\n', created: { '.dockerignore': template(DOCKERIGNORE_TEMPLATES.node) } }] }],
    },
    {
      name: 'detected from the commands; lines that would hide copied files are left out',
      code: 'FROM debian:13\nCOPY venv/requirements.lock /tmp/\nADD . /srv\nRUN pip install --no-cache-dir -r /tmp/requirements.lock\n',
      files: {},
      findings: [
        {
          range: [2, 0, 2, 10],
          message: MESSAGE,
          fixes: [
            {
              title: 'Create .dockerignore: Python template',
              output: 'FROM debian:13\nCOPY venv/requirements.lock /tmp/\nADD . /srv\nRUN pip install --no-cache-dir -r /tmp/requirements.lock\n',
              created: { '.dockerignore': template(DOCKERIGNORE_TEMPLATES.python.filter((l) => l !== 'venv')) },
            },
          ],
        },
      ],
    },
  ],
});
