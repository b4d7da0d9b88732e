import { testRule } from '../../test-support/rule-tester';
import { df210 } from './df210-prefer-minimal-base';

const full = (image: string, labels: string) =>
  `'${image}' is the full image, with compilers and build libraries the app rarely needs at run time. Use its ${labels} variant for the final image.`;
const BOTH = "'-slim' or '-alpine'";

testRule(df210, {
  valid: [
    'FROM python:3.14-slim\nCMD ["python", "app.py"]\n',
    { name: 'alpine, including releases the table no longer lists', code: 'FROM node:14.17.3-alpine3.14\nCMD ["node", "index.js"]\n' },
    { name: 'full image only in a build stage', code: 'FROM node:24 AS build\nRUN npm ci && npm run build\nFROM node:24-slim\nCOPY --from=build /app /app\nCMD ["node", "/app/server.js"]\n' },
    { name: 'no CMD: a toolbox or CI image', code: 'FROM golang:1.27\nRUN go install golang.org/x/tools/cmd/goimports@latest\n' },
    { name: 'a bare interpreter as command: a base image', code: 'FROM python:3.14\nRUN pip install --no-cache-dir numpy\nCMD ["python3"]\n' },
    { name: 'ONBUILD marks a template for other builds', code: 'FROM node:24\nONBUILD COPY . /app\nCMD ["npm", "start"]\n' },
    { name: 'a development target', code: 'FROM node:24 AS development\nCMD ["npm", "run", "dev"]\n' },
    { name: 'a test runner image', code: 'FROM python:3.14\nCOPY . /src\nENTRYPOINT ["pytest"]\n' },
    { name: 'service images start from slim Debian already', code: 'FROM nginx:1.30\nCOPY site /usr/share/nginx/html\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'Windows variants', code: 'FROM python:3.14-windowsservercore\nCMD ["python", "app.py"]\n' },
    { name: 'not an official image', code: 'FROM bitnami/python:3.14\nCMD ["python", "app.py"]\n' },
  ],
  invalid: [
    {
      name: 'python: slim preferred, alpine second, version kept',
      code: 'FROM python:3.14\nCOPY . /app\nCMD ["python", "/app/main.py"]\n',
      findings: [
        {
          range: [0, 5, 0, 16],
          message: full('python:3.14', BOTH),
          fixes: [
            { title: 'Switch to python:3.14-slim', output: 'FROM python:3.14-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
            { title: 'Switch to python:3.14-alpine', output: 'FROM python:3.14-alpine\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
          ],
        },
      ],
    },
    {
      name: 'release variants follow each image’s naming; stage name and --platform kept; CRLF',
      code: 'FROM --platform=$BUILDPLATFORM node:24-bookworm AS runner\r\nCMD ["node", "server.js"]\r\n',
      findings: [
        {
          range: [0, 31, 0, 47],
          message: full('node:24-bookworm', BOTH),
          fixes: [
            { title: 'Switch to node:24-bookworm-slim', output: 'FROM --platform=$BUILDPLATFORM node:24-bookworm-slim AS runner\r\nCMD ["node", "server.js"]\r\n' },
            { title: 'Switch to node:24-alpine', output: 'FROM --platform=$BUILDPLATFORM node:24-alpine AS runner\r\nCMD ["node", "server.js"]\r\n' },
          ],
        },
      ],
    },
    {
      name: 'a release older than the table, lowercase keywords',
      code: 'from python:3.8-buster\ncmd ["python", "app.py"]\n',
      findings: [
        {
          range: [0, 5, 0, 22],
          message: full('python:3.8-buster', BOTH),
          fixes: [
            { title: 'Switch to python:3.8-slim-buster', output: 'from python:3.8-slim-buster\ncmd ["python", "app.py"]\n' },
            { title: 'Switch to python:3.8-alpine', output: 'from python:3.8-alpine\ncmd ["python", "app.py"]\n' },
          ],
        },
      ],
    },
    {
      name: 'a version from an ARG keeps the variable',
      code: 'ARG RUBY_VERSION=3.4\nFROM ruby:${RUBY_VERSION}\nCMD ["ruby", "app.rb"]\n',
      findings: [
        {
          range: [1, 5, 1, 25],
          message: full('ruby:3.4', BOTH),
          fixes: [
            { title: 'Switch to ruby:3.4-slim', output: 'ARG RUBY_VERSION=3.4\nFROM ruby:${RUBY_VERSION}-slim\nCMD ["ruby", "app.rb"]\n' },
            { title: 'Switch to ruby:3.4-alpine', output: 'ARG RUBY_VERSION=3.4\nFROM ruby:${RUBY_VERSION}-alpine\nCMD ["ruby", "app.rb"]\n' },
          ],
        },
      ],
    },
    {
      name: 'golang has no slim variant and a compiled binary needs none of it',
      code: 'FROM golang:1.27\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n',
      findings: [
        {
          range: [0, 5, 0, 16],
          message: "'golang:1.27' is the whole Go toolchain, and the final image needs none of it to run a compiled binary. Copy the binary into scratch, distroless or a '-alpine' image instead.",
          fixes: [{ title: 'Switch to golang:1.27-alpine', output: 'FROM golang:1.27-alpine\nCOPY . .\nRUN go build -o /app .\nCMD ["/app"]\n' }],
        },
      ],
    },
    {
      name: 'the final stage inherits the full image from an earlier stage',
      code: 'FROM node:24 AS base\nWORKDIR /app\nFROM base AS prod\nCOPY . .\nCMD ["node", "server.js"]\n',
      findings: [
        {
          range: [0, 5, 0, 12],
          message: full('node:24', BOTH),
          fixes: [
            { title: 'Switch to node:24-slim', output: 'FROM node:24-slim AS base\nWORKDIR /app\nFROM base AS prod\nCOPY . .\nCMD ["node", "server.js"]\n' },
            { title: 'Switch to node:24-alpine', output: 'FROM node:24-alpine AS base\nWORKDIR /app\nFROM base AS prod\nCOPY . .\nCMD ["node", "server.js"]\n' },
          ],
        },
      ],
    },
    {
      name: 'a digest pins the full image: reported without a fix',
      code: 'FROM python:3.14@sha256:0000000000000000000000000000000000000000000000000000000000000000\nCMD ["python", "app.py"]\n',
      findings: [{ range: [0, 5, 0, 88], message: full('python:3.14@sha256:0000000000000000000000000000000000000000000000000000000000000000', BOTH) }],
    },
  ],
});
