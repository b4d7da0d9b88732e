import { testRule } from '../../test-support/rule-tester';
import { df212 } from './df212-cache-mount';

const message = (command: string, where: string) => `'${command}' downloads everything again whenever this layer is rebuilt. A cache mount on ${where} keeps the downloads between builds.`;
const title = (targets: string, command: string) => `Add cache mount: keep ${targets} between builds of '${command}'`;
const APT_MOUNTS = '--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked';

testRule(df212, {
  valid: [
    'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\n',
    { name: 'a mount with an id on the module cache', code: 'FROM golang:1.23\nRUN --mount=type=cache,id=gomod,target=/go/pkg/mod go mod download\n' },
    { name: 'apk cache linked onto a mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/pkg-cache \\\n    ln -s /pkg-cache /etc/apk/cache && \\\n    apk add bash\n' },
    { name: 'pip caching turned off for the stage', code: 'FROM python:3.13-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'Windows shell', code: 'FROM node:22\nSHELL ["powershell", "-Command"]\nRUN npm ci\n' },
    { name: 'nothing is downloaded', code: 'FROM node:22\nRUN npm run build\nRUN apk add --no-network .rundeps\n' },
    {
      name: 'escape directive, lowercase keywords, mounts on both apt directories',
      code: '# escape=`\nfrom debian:12\nrun --mount=type=cache,target=/var/cache/apt,sharing=locked `\n    --mount=type=cache,target=/var/lib/apt,sharing=locked `\n    apt-get update && apt-get install -y curl\n',
    },
  ],
  invalid: [
    {
      name: 'npm',
      code: 'FROM node:22\nRUN npm ci\n',
      findings: [
        {
          range: [1, 4, 1, 10],
          message: message('npm ci', "'/root/.npm'"),
          fixes: [{ title: title('/root/.npm', 'npm ci'), output: 'FROM node:22\nRUN --mount=type=cache,target=/root/.npm npm ci\n' }],
        },
      ],
    },
    {
      name: 'apt: both directories, locked, and the cleanup that would empty them goes',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      findings: [
        {
          range: [1, 22, 1, 37],
          message: message('apt-get install curl', "'/var/cache/apt' and '/var/lib/apt'"),
          fixes: [
            {
              title: title('/var/cache/apt and /var/lib/apt', 'apt-get install curl'),
              output: `FROM debian:12\nRUN ${APT_MOUNTS} apt-get update && apt-get install -y --no-install-recommends curl\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'pip: --no-cache-dir would bypass the mount',
      code: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir -r requirements.txt\n',
      findings: [
        {
          range: [1, 4, 1, 15],
          message: message('pip install', "'/root/.cache/pip'"),
          fixes: [{ title: title('/root/.cache/pip', 'pip install'), output: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n' }],
        },
      ],
    },
    {
      name: 'apk: --no-cache becomes --update-cache, so the index is still fetched',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      findings: [
        {
          range: [1, 4, 1, 11],
          message: message('apk add curl', "'/etc/apk/cache'"),
          fixes: [{ title: title('/etc/apk/cache', 'apk add curl'), output: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add --update-cache curl\n' }],
        },
      ],
    },
    {
      name: 'Go in the golang image (GOPATH=/go), image from an ARG; downloads need only the module cache',
      code: 'ARG GO_VERSION=1.23\nFROM golang:${GO_VERSION} AS build\nWORKDIR /src\nRUN go mod download\nCOPY . .\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app\n',
      findings: [
        {
          range: [3, 4, 3, 10],
          message: message('go mod download', "'/go/pkg/mod'"),
          fixes: [
            {
              title: title('/go/pkg/mod', 'go mod download'),
              output: 'ARG GO_VERSION=1.23\nFROM golang:${GO_VERSION} AS build\nWORKDIR /src\nRUN --mount=type=cache,target=/go/pkg/mod go mod download\nCOPY . .\nRUN go build -o /out/app .\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app\n',
            },
          ],
        },
        {
          range: [5, 4, 5, 12],
          message: message('go build .', "'/go/pkg/mod' and '/root/.cache/go-build'"),
          fixes: [
            {
              title: title('/go/pkg/mod and /root/.cache/go-build', 'go build .'),
              output:
                'ARG GO_VERSION=1.23\nFROM golang:${GO_VERSION} AS build\nWORKDIR /src\nRUN go mod download\nCOPY . .\nRUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build go build -o /out/app .\nFROM gcr.io/distroless/static\nCOPY --from=build /out/app /app\n',
            },
          ],
        },
      ],
    },
    {
      name: 'heredoc, CRLF and wide characters',
      code: 'FROM python:3.13-slim\r\n# café ☕ 🐍\r\nRUN <<EOF\r\npip install flask\r\nEOF\r\n',
      findings: [
        {
          range: [3, 0, 3, 11],
          message: message('pip install flask', "'/root/.cache/pip'"),
          fixes: [{ title: title('/root/.cache/pip', 'pip install flask'), output: 'FROM python:3.13-slim\r\n# café ☕ 🐍\r\nRUN --mount=type=cache,target=/root/.cache/pip <<EOF\r\npip install flask\r\nEOF\r\n' }],
        },
      ],
    },
    {
      name: 'a non-root user has its cache elsewhere: no fix',
      code: 'FROM node:22\nUSER node\nRUN npm ci\n',
      findings: [{ range: [2, 4, 2, 10], message: message('npm ci', "npm's cache") }],
    },
    {
      name: 'an install that relies on lists from an earlier layer: a mount would hide them',
      code: 'FROM debian:12\nRUN apt-get update\nCOPY extra.list /etc/apt/sources.list.d/\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      findings: [{ range: [3, 4, 3, 19], message: message('apt-get install curl', "'/var/cache/apt' and '/var/lib/apt'") }],
    },
  ],
});
