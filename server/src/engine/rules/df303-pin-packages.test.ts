import { testRule } from '../../test-support/rule-tester';
import { df303 } from './df303-pin-packages';

const unpinned = (written: string, pin: string) => `'${written}' is installed without a fixed version, so a rebuild can pick up a different release. Pin it ('${pin}').`;

testRule(df303, {
  valid: [
    { name: 'pinned system packages', code: 'FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends -o Dpkg::Options::=--force-confnew curl=8.14.1-2 ./vendor/tool.deb "nodejs=${NODE_VERSION}" && rm -rf /var/lib/apt/lists/*\nRUN apk add --no-cache --virtual .build-deps gcc=14.2.0-r6 musl-dev~1.2 "py3-pip>=25"\n' },
    { name: 'pinned language packages and lockfile installs', code: 'FROM python:3.14-slim\nRUN pip install --no-cache-dir -r requirements.txt "flask==3.1.1" django~=5.2 -e . ./local-pkg git+https://github.com/acme/lib.git@v1 wheel-1.0-py3-none-any.whl\nRUN python3 -m pip install --upgrade "pip>=25"\nRUN npm ci && npm install && npm install -g npm@11.4.2 @scope/tool@1.2.3 acme/repo ./pkg.tgz\nRUN gem install bundler:2.6.9 && gem install rails -v 8.0.2 && gem install ./local.gem\n' },
    { name: 'variables, command substitution, exec form without packages', code: 'FROM debian:13\nRUN apt-get install -y $PACKAGES $(cat packages.txt)\nRUN ["pip", "install", "-r", "requirements.txt"]\nRUN apt-get update\nRUN pip download flask\n' },
    { name: 'other package managers and the words in other commands', code: 'FROM fedora:42\nRUN dnf install -y git\nRUN echo apt-get install curl > notes.txt\n' },
  ],
  invalid: [
    {
      name: 'apt-get with options, a continuation and a comment line inside, CRLF',
      code: 'FROM debian:13\r\nRUN apt-get update \\\r\n# tools\r\n && apt-get install -y --no-install-recommends -t bookworm-backports \\\r\n      git curl=8.14.1-2 libc6:arm64 \\\r\n && rm -rf /var/lib/apt/lists/*\r\n',
      findings: [
        { range: [4, 6, 4, 9], message: unpinned('git', 'git=<version>') },
        { range: [4, 24, 4, 35], message: unpinned('libc6:arm64', 'libc6:arm64=<version>') },
      ],
    },
    {
      name: 'apk behind sudo, virtual group name skipped; heredoc script',
      code: 'FROM alpine:3.22\nRUN <<EOF\nsudo apk add --no-cache -t .deps gcc\napk add mkcert@testing\nEOF\n',
      findings: [
        { range: [2, 33, 2, 36], message: unpinned('gcc', 'gcc=<version>') },
        { range: [3, 8, 3, 22], message: unpinned('mkcert@testing', 'mkcert@testing=<version>') },
      ],
    },
    {
      name: 'pip, python -m pip and uv pip; extras; non-ASCII before',
      code: 'FROM python:3.14-slim\nRUN echo "Grüße" && pip install --no-cache-dir --index-url https://pypi.example.com/simple requests[socks] \\\n && python3 -m pip install --upgrade pip && uv pip install --system httpx\n',
      findings: [
        { range: [1, 91, 1, 106], message: unpinned('requests[socks]', 'requests[socks]==<version>') },
        { range: [2, 37, 2, 40], message: unpinned('pip', 'pip==<version>') },
        { range: [2, 68, 2, 73], message: unpinned('httpx', 'httpx==<version>') },
      ],
    },
    {
      name: 'npm global installs, scoped packages, @latest; gem without -v; lowercase run',
      code: 'FROM node:24\nrun npm install -g --prefix /usr/local @anthropic-ai/claude-code npm@latest typescript@5.9.2\nRUN gem install bundler jekyll:4.4.1\n',
      findings: [
        { range: [1, 39, 1, 64], message: unpinned('@anthropic-ai/claude-code', '@anthropic-ai/claude-code@<version>') },
        { range: [1, 65, 1, 75], message: unpinned('npm@latest', 'npm@<version>') },
        { range: [2, 16, 2, 23], message: unpinned('bundler', 'bundler:<version>') },
      ],
    },
    {
      name: 'aliases and the end of options: gem i, aptitude; a name after --; yum and zypper are not judged',
      code: 'FROM opensuse/leap:15.6\nRUN gem i rake && zypper in -y curl && pip install --user -- flask\nRUN yum install -y git && aptitude install -y vim\n',
      findings: [
        { range: [1, 10, 1, 14], message: unpinned('rake', 'rake:<version>') },
        { range: [1, 61, 1, 66], message: unpinned('flask', 'flask==<version>') },
        { range: [2, 46, 2, 49], message: unpinned('vim', 'vim=<version>') },
      ],
    },
    {
      name: 'exec form: the RUN keyword carries the finding',
      code: 'FROM python:3.14-slim\nRUN ["pip", "install", "flask"]\n',
      findings: [{ range: [1, 0, 1, 3], message: unpinned('flask', 'flask==<version>') }],
    },
  ],
});
