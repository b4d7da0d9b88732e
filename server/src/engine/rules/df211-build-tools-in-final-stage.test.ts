import { testRule } from '../../test-support/rule-tester';
import { df211 } from './df211-build-tools-in-final-stage';

const ADVICE = 'Build in a separate stage and copy only the results into a slim final stage; the multi-stage snippets show how.';
const tools = (names: string[]) =>
  `${names.map((n) => `'${n}'`).join(', ')} ${names.length > 1 ? 'are build tools' : 'is a build tool'} installed in the only stage, so ${names.length > 1 ? 'they ship' : 'it ships'} in the final image. ${ADVICE}`;
const build = (command: string) => `'${command}' builds the application in the only stage, so the toolchain and build inputs ship in the final image. ${ADVICE}`;

testRule(df211, {
  valid: [
    'FROM python:3.14-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCMD ["python", "app.py"]\n',
    { name: 'multi-stage builds already split build and run', code: 'FROM python:3.14 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM python:3.14-slim\nCMD ["python", "app.py"]\n' },
    { name: "dnf's short alias 'rm' removes what the same RUN installed", code: 'FROM fedora:42\nRUN dnf install -y gcc && make && dnf rm -y gcc\nCMD ["/app"]\n' },
    {
      name: 'build deps removed in the same RUN (apk virtual group)',
      code: 'FROM python:3.14-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev \\\n && pip install --no-cache-dir psycopg2 \\\n && apk del .build-deps\nCMD ["python", "app.py"]\n',
    },
    {
      name: 'build deps purged with the apt-mark idiom inside if/then',
      code: 'FROM debian:13\nRUN set -eux; \\\n  savedAptMark="$(apt-mark showmanual)"; \\\n  apt-get update; apt-get install -y --no-install-recommends gcc make; \\\n  make -C /src install; \\\n  apt-mark showmanual | xargs apt-mark auto > /dev/null; \\\n  if [ -n "$savedAptMark" ]; then apt-mark manual $savedAptMark; fi; \\\n  if true; then apt-get purge -y --auto-remove; fi\nCMD ["/usr/local/bin/app"]\n',
    },
    { name: 'no CMD: a build environment or base image', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y build-essential\n' },
    { name: 'a bare interpreter as command: a base image', code: 'FROM buildpack-deps:trixie\nRUN apt-get update && apt-get install -y tk-dev\nCMD ["python3"]\n' },
    { name: 'npm run of another script', code: 'FROM node:24-slim\nRUN npm run lint\nCMD ["npm", "start"]\n' },
    { name: 'package names that only look like tools', code: 'FROM debian:13\nRUN apt-get install -y udev makedev\nCMD ["app"]\n' },
  ],
  invalid: [
    {
      name: 'compilers and headers, one finding per RUN on the first package',
      code: 'FROM python:3.14-slim\nRUN apt-get update && apt-get install -y --no-install-recommends \\\n    gcc \\\n    libpq-dev \\\n  && rm -rf /var/lib/apt/lists/*\nCMD ["gunicorn", "app:app"]\n',
      findings: [{ range: [2, 4, 2, 7], message: tools(['gcc', 'libpq-dev']) }],
    },
    {
      name: 'versioned, qualified and RHEL names; lowercase; CRLF',
      code: 'FROM almalinux:10\r\nrun dnf install -y gcc-c++ openssl-devel\r\nrun apt-get install -y g++-14 libc6-dev:arm64\r\nCMD ["/app"]\r\n',
      findings: [
        { range: [1, 19, 1, 26], message: tools(['gcc-c++', 'openssl-devel']) },
        { range: [2, 23, 2, 29], message: tools(['g++-14', 'libc6-dev']) },
      ],
    },
    {
      name: 'a build in the only stage',
      code: 'FROM node:24-slim\nWORKDIR /app\nCOPY . .\nRUN npm ci && npm run build\nCMD ["node", "dist/server.js"]\n',
      findings: [{ range: [3, 14, 3, 27], message: build('npm run build') }],
    },
    {
      name: 'go, cargo and maven builds; non-ASCII output path',
      code: 'FROM golang:1.27\nRUN CGO_ENABLED=0 go build -o /srv/ümlaut ./cmd/app\nRUN cargo build --release\nRUN mvn -B package -DskipTests\nCMD ["/srv/ümlaut"]\n',
      findings: [
        { range: [1, 18, 1, 51], message: build('go build -o /srv/ümlaut ./cmd/app') },
        { range: [2, 4, 2, 25], message: build('cargo build --release') },
        { range: [3, 4, 3, 30], message: build('mvn -B package -DskipTests') },
      ],
    },
    {
      name: 'build tools from a heredoc script',
      code: 'FROM debian:13\nRUN <<EOF\napt-get update\napt-get install -y make\nEOF\nENTRYPOINT ["/app"]\n',
      findings: [{ range: [3, 19, 3, 23], message: tools(['make']) }],
    },
  ],
});
