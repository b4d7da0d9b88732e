import { testRule } from '../../test-support/rule-tester';
import { df201 } from './df201-copy-before-install';

const message = (copy: string, install: string) =>
  `'${copy}' copies the whole context before '${install}', so any source change re-runs the install. Copy the dependency manifests first, install, then copy the rest.`;

testRule(df201, {
  valid: [
    'FROM node:24\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\n',
    { name: 'copy from another stage is not the context', code: 'FROM node:24 AS deps\nRUN npm ci\nFROM node:24\nCOPY --from=deps . .\nRUN npm ci\n' },
    { name: 'install in another stage', code: 'FROM node:24 AS a\nCOPY . .\nFROM node:24\nRUN npm ci\n' },
    { name: 'npm install of a named package does not read the manifests', code: 'FROM node:24\nCOPY . .\nRUN npm install -g pnpm\n' },
    { name: 'bind mount makes order irrelevant', code: 'FROM golang:1.27\nCOPY . .\nRUN --mount=type=bind,source=go.mod,target=go.mod go mod download\n' },
    { name: 'pip install of the project itself', code: 'FROM python:3.14\nCOPY . .\nRUN pip install .\n' },
    { name: 'heredoc text is not a shell command here', code: 'FROM node:24\nCOPY . .\nRUN cat <<EOF > /notes\nnpm ci\nEOF\n' },
  ],
  invalid: [
    {
      name: 'npm with a lockfile in the context',
      code: 'FROM node:24\nWORKDIR /app\nCOPY . .\nRUN npm ci\nCMD ["node", "server.js"]\n',
      files: { 'package.json': '{}', 'package-lock.json': '{}' },
      findings: [
        {
          range: [2, 0, 2, 8],
          message: message('COPY . .', 'npm ci'),
          fixes: [
            {
              title: 'Reorder COPY: copy package.json, package-lock.json and install before copying the sources',
              output: 'FROM node:24\nWORKDIR /app\nCOPY package.json package-lock.json ./\nRUN npm ci\nCOPY . .\nCMD ["node", "server.js"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'without file access the manifests are globbed',
      code: 'FROM node:24\nCOPY . /app\nWORKDIR /app\nRUN npm install\n',
      noFiles: true,
      findings: [
        {
          range: [1, 0, 1, 11],
          message: message('COPY . /app', 'npm install'),
          fixes: [{ title: 'Reorder COPY: copy package*.json and install before copying the sources', output: 'FROM node:24\nCOPY package*.json /app/\nWORKDIR /app\nRUN npm install\nCOPY . /app\n' }],
        },
      ],
    },
    {
      name: 'install chained with a build is split; flags and continuation kept',
      code: 'FROM python:3.14-slim\nWORKDIR /app\nCOPY --chown=app:app . /app\nENV X=1\nRUN pip install --no-cache-dir -r requirements.txt \\\n    && python manage.py collectstatic\n',
      findings: [
        {
          range: [2, 0, 2, 27],
          message: message('COPY --chown=app:app . /app', 'pip install -r'),
          fixes: [
            {
              title: 'Reorder COPY: copy requirements.txt and install before copying the sources',
              output:
                'FROM python:3.14-slim\nWORKDIR /app\nCOPY --chown=app:app requirements.txt /app/\nENV X=1\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY --chown=app:app . /app\nRUN python manage.py collectstatic\n',
            },
          ],
        },
      ],
    },
    {
      name: 'go modules, CRLF, RUN flags copied to both halves',
      code: 'FROM golang:1.27\r\nCOPY . .\r\nRUN --mount=type=cache,target=/go/pkg/mod go mod download && go build -o /app .\r\n',
      files: { 'go.mod': '', 'go.sum': '' },
      findings: [
        {
          range: [1, 0, 1, 8],
          message: message('COPY . .', 'go mod download'),
          fixes: [
            {
              title: 'Reorder COPY: copy go.mod, go.sum and install before copying the sources',
              output: 'FROM golang:1.27\r\nCOPY go.mod go.sum ./\r\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\r\nCOPY . .\r\nRUN --mount=type=cache,target=/go/pkg/mod go build -o /app .\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'cargo build needs the sources: reported without a fix',
      code: 'FROM rust:1.90\nCOPY . .\nRUN cargo build --release\n',
      findings: [{ range: [1, 0, 1, 8], message: message('COPY . .', 'cargo build') }],
    },
    {
      name: 'a RUN between the copy and the install blocks the fix',
      code: 'FROM ruby:3.4\nADD . /srv\nRUN ./bin/setup\nRUN bundle install\n',
      findings: [{ range: [1, 0, 1, 10], message: message('ADD . /srv', 'bundle install') }],
    },
    {
      name: 'poetry without --no-root needs the sources',
      code: 'FROM python:3.14\nCOPY . .\nRUN poetry install\n',
      findings: [{ range: [1, 0, 1, 8], message: message('COPY . .', 'poetry install') }],
    },
    {
      name: 'yarn with the lockfile, lowercase keywords',
      code: 'from node:24\ncopy . .\nrun yarn install --frozen-lockfile\n',
      files: { 'package.json': '{}', 'yarn.lock': '' },
      findings: [
        {
          range: [1, 0, 1, 8],
          message: message('copy . .', 'yarn install'),
          fixes: [{ title: 'Reorder COPY: copy package.json, yarn.lock and install before copying the sources', output: 'from node:24\ncopy package.json yarn.lock ./\nrun yarn install --frozen-lockfile\ncopy . .\n' }],
        },
      ],
    },
  ],
});
