import { testRule } from '../../test-support/rule-tester';
import { df101 } from './df101-no-root-user';

const NO_USER = 'The final stage sets no USER, so the container runs as root. Add an unprivileged user and switch to it before CMD/ENTRYPOINT.';
const rootMessage = (user: string) => `The final stage switches to '${user}' and never back, so the container runs as root. Switch to an unprivileged user before CMD/ENTRYPOINT.`;

testRule(df101, {
  valid: [
    'FROM node:24\nUSER node\nCMD ["node", "app.js"]\n',
    'FROM debian:13 AS base\nUSER 1000\nFROM base\nCMD ["app"]\n',
    { name: 'scratch with nothing to run', code: 'FROM scratch\nCOPY data /data\n' },
    { name: 'a USER still being typed at the end: the one before counts', code: 'FROM node:24\nUSER node\nCMD ["node", "app.js"]\nUSER ' },
    { name: 'distroless nonroot tag', code: 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nCMD ["/app"]\n' },
    { name: 'entrypoint drops privileges with gosu', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends gosu && rm -rf /var/lib/apt/lists/*\nENTRYPOINT ["docker-entrypoint.sh"]\n' },
    { name: 'root only in a build stage', code: 'FROM golang:1.27 AS build\nUSER root\nRUN go build -o /app\nFROM gcr.io/distroless/static-debian12\nUSER nonroot\nCOPY --from=build /app /app\n' },
    { name: 'base image from a variable', code: 'ARG BASE\nFROM ${BASE}\nCMD ["app"]\n' },
    'FROM alpine:3.24\nUSER app:app\nCMD ["app"]\n',
    { name: 'a base image without its own command', code: 'FROM debian:13\nRUN apt-get update\n' },
    { name: 'a base image whose command is an interpreter', code: 'FROM debian:13\nENTRYPOINT ["docker-entrypoint.sh"]\nCMD ["python3"]\n' },
    { name: 'nginx drops to its worker user itself', code: 'FROM nginx:1.30\nCOPY site /usr/share/nginx/html\nCMD ["nginx", "-g", "daemon off;"]\n' },
  ],
  invalid: [
    {
      name: 'no fix while a here-document is still open: the USER line would become part of its body',
      code: 'FROM node:24 AS base\nCMD ["node", "server.js"]\nFROM base\nRUN <<EOF\nnpm ci\n',
      findings: [{ range: [2, 0, 2, 9], message: NO_USER, fixes: [] }],
    },
    {
      name: 'no fix while a here-document of an ONBUILD trigger is still open',
      code: 'FROM node:24 AS base\nCMD ["node", "server.js"]\nFROM base\nONBUILD RUN <<EOF\nnpm ci\n',
      findings: [{ range: [2, 0, 2, 9], message: NO_USER, fixes: [] }],
    },
    {
      name: 'no fix while the last line ends in a continuation: the USER line would join that RUN',
      code: 'FROM node:24 AS base\nCMD ["node", "server.js"]\nFROM base\nRUN npm ci \\\n# still the RUN\n',
      findings: [{ range: [2, 0, 2, 9], message: NO_USER, fixes: [] }],
    },
    {
      name: 'node image reuses its node user',
      code: 'FROM node:24\nWORKDIR /app\nCOPY . .\nCMD ["node", "server.js"]\n',
      findings: [
        {
          range: [0, 0, 0, 12],
          message: NO_USER,
          fixes: [{ title: "Add USER node (the user the Node.js image already has)", output: 'FROM node:24\nWORKDIR /app\nCOPY . .\nUSER node\nCMD ["node", "server.js"]\n' }],
        },
      ],
    },
    {
      name: 'alpine creates a user with BusyBox tools',
      code: 'FROM python:3.14-alpine\nRUN pip install --no-cache-dir flask\nCMD ["flask", "run"]\n',
      findings: [
        {
          range: [0, 0, 0, 23],
          message: NO_USER,
          fixes: [
            {
              title: 'Add USER app (create a system user the Alpine way)',
              output: 'FROM python:3.14-alpine\nRUN pip install --no-cache-dir flask\nRUN addgroup -S app && adduser -S -G app app\nUSER app\nCMD ["flask", "run"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'debian family, command set before the last RUN: appended at the end, CRLF kept',
      code: 'FROM debian:13\r\nCMD ["/usr/local/bin/app"]\r\nRUN echo hi\r\n',
      findings: [
        {
          range: [0, 0, 0, 14],
          message: NO_USER,
          fixes: [
            {
              title: 'Add USER app (create a system user the Debian/Ubuntu way)',
              output: 'FROM debian:13\r\nCMD ["/usr/local/bin/app"]\r\nRUN echo hi\r\nRUN groupadd --system app && useradd --system --gid app --no-create-home app\r\nUSER app\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'explicit USER root after a non-root user',
      code: 'FROM fedora:42\nRUN useradd -r svc\nUSER svc\nRUN make\nUSER root\nRUN make install\nENTRYPOINT ["/usr/local/bin/svc"]\n',
      findings: [
        {
          range: [4, 0, 4, 9],
          message: rootMessage('root'),
          fixes: [{ title: 'Add USER svc (switch back to the user set earlier)', output: 'FROM fedora:42\nRUN useradd -r svc\nUSER svc\nRUN make\nUSER root\nRUN make install\nUSER svc\nENTRYPOINT ["/usr/local/bin/svc"]\n' }],
        },
      ],
    },
    {
      name: 'USER 0 in a RHEL image, lowercase instructions',
      code: 'from almalinux:10\nuser 0\ncmd ["bash"]\n',
      findings: [
        {
          range: [1, 0, 1, 6],
          message: rootMessage('0'),
          fixes: [{ title: 'Add USER app (create a system user the RHEL/Fedora way)', output: 'from almalinux:10\nuser 0\nrun groupadd -r app && useradd -r -g app app\nuser app\ncmd ["bash"]\n' }],
        },
      ],
    },
    {
      name: 'scratch that runs a binary gets a numeric id',
      code: 'FROM golang:1.27 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nENTRYPOINT ["/app"]\n',
      findings: [
        {
          range: [2, 0, 2, 12],
          message: NO_USER,
          fixes: [{ title: 'Add USER 65532:65532 (a numeric id; scratch has no user database)', output: 'FROM golang:1.27 AS build\nRUN go build -o /app .\nFROM scratch\nCOPY --from=build /app /app\nUSER 65532:65532\nENTRYPOINT ["/app"]\n' }],
        },
      ],
    },
  ],
});
