import { testRule } from '../../test-support/rule-tester';
import { df406 } from './df406-pipefail';

const what = (producer: string) => `Without pipefail this RUN does not fail when '${producer}' fails, only when the last command of the pipe does.`;
const PREFIX = " Start the RUN with 'set -o pipefail &&'.";
const HEREDOC = " Put 'set -o pipefail' at the top of the script.";
const DASH = ' The image\'s /bin/sh is dash, which has no pipefail: run it with SHELL ["/bin/bash", "-o", "pipefail", "-c"].';
const UNKNOWN = " Add 'set -o pipefail &&' if the image's /bin/sh supports it (bash, BusyBox ash), or SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] if the image has bash.";

testRule(df406, {
  valid: [
    'FROM debian:13\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar -xz\n',
    { name: 'SHELL carried over from the parent stage, bundled options', code: 'FROM debian:13 AS base\nSHELL ["/bin/bash", "-exo", "pipefail", "-c"]\nFROM base\nRUN curl -fsSL https://example.com/x.tgz | tar -xz\n' },
    { name: 'set -o pipefail earlier in the RUN', code: 'FROM alpine:3.24\nRUN set -euo pipefail; \\\n    wget -qO- https://example.com/x.tgz | tar -xz\n' },
    { name: 'producers that cannot fail', code: 'FROM debian:13\nRUN echo "$SHA  x.tgz" | sha256sum -c - && printf "%s\\n" a b | sort\nRUN yes | apt-get install -y tzdata\n' },
    { name: 'pipes inside quotes, || and command substitution', code: "FROM debian:13\nRUN grep -E 'a|b' f || true\nRUN VERSION=\"$(curl -s https://example.com | jq -r .tag)\" && echo \"$VERSION\"\n" },
    { name: 'exec form and a nested shell with its own pipefail', code: 'FROM debian:13\nRUN ["sh", "-c", "curl x | sh"]\nRUN bash -o pipefail -c \'curl -fsSL x | sh\'\n' },
    { name: 'PowerShell on Windows', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL ["powershell", "-Command"]\nRUN Get-ChildItem | Select-Object Name\nRUN dir `\n  | findstr x\n' },
    { name: 'cmd is the default shell on Windows', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN dir | findstr x\n' },
    { name: 'heredoc that sets pipefail itself', code: 'FROM alpine:3.24\nRUN <<EOF\nset -eo pipefail\nwget -qO- https://example.com/x.tgz | tar -xz\nEOF\n' },
    { name: 'heredocs run by another program or a shebang', code: 'FROM alpine:3.24\nRUN <<EOF\n#!/usr/bin/env python3\nprint(1 | 2)\nEOF\nRUN python3 <<EOF\nprint(1 | 2)\nEOF\n' },
    {
      name: 'case patterns, if conditions and a group of echos',
      code: 'FROM debian:13\nRUN case "$(uname -m)" in x86_64 | amd64) arch=amd64 ;; aarch64 | arm64) arch=arm64 ;; esac\nRUN if dpkg -l | grep -q ruby; then exit 1; fi\nRUN { echo a; echo b; } | tee /etc/x\n',
    },
    { name: 'a pipe in a comment line inside the continuation', code: 'FROM debian:13\nRUN apt-get update \\\n# curl | sh is not how we install\n && apt-get install -y --no-install-recommends curl\n' },
  ],
  invalid: [
    {
      name: 'Debian: dash has no pipefail, so bash is set as SHELL',
      code: 'FROM debian:13\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n',
      findings: [
        {
          range: [1, 41, 1, 42],
          message: what('curl') + DASH,
          fixes: [{ title: 'Add SHELL with bash and pipefail', output: 'FROM debian:13\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/x.tgz | tar -xz -C /opt\n' }],
        },
      ],
    },
    {
      name: 'Alpine: ash knows pipefail; flags, CRLF and non-ASCII kept',
      code: 'FROM alpine:3.24\r\nRUN --mount=type=cache,target=/var/cache/apk wget -qO- https://example.com/é.tgz | tar -xz\r\n',
      findings: [
        {
          range: [1, 81, 1, 82],
          message: what('wget') + PREFIX,
          fixes: [{ title: 'Prefix with set -o pipefail', output: 'FROM alpine:3.24\r\nRUN --mount=type=cache,target=/var/cache/apk set -o pipefail && wget -qO- https://example.com/é.tgz | tar -xz\r\n' }],
        },
      ],
    },
    {
      name: 'explicit bash SHELL without pipefail; the harmless pipe is skipped',
      code: 'FROM debian:13\nSHELL ["/bin/bash", "-c"]\nRUN echo x | base64 -d > f && curl -fsSL x | sh\n',
      findings: [
        {
          range: [2, 43, 2, 44],
          message: what('curl') + PREFIX,
          fixes: [{ title: 'Prefix with set -o pipefail', output: 'FROM debian:13\nSHELL ["/bin/bash", "-c"]\nRUN set -o pipefail && echo x | base64 -d > f && curl -fsSL x | sh\n' }],
        },
      ],
    },
    {
      name: 'heredoc script run by the SHELL',
      code: 'FROM alpine:3.24\nRUN <<EOF\nwget -qO- x | tar -xz\nEOF\n',
      findings: [
        {
          range: [2, 12, 2, 13],
          message: what('wget') + HEREDOC,
          fixes: [{ title: 'Prefix with set -o pipefail', output: 'FROM alpine:3.24\nRUN <<EOF\nset -o pipefail\nwget -qO- x | tar -xz\nEOF\n' }],
        },
      ],
    },
    {
      name: 'escape directive: the pipe on the continuation line',
      code: '# escape=`\nFROM alpine:3.24\nRUN wget -qO- x `\n  | tar -xz\n',
      findings: [
        {
          range: [3, 2, 3, 3],
          message: what('wget') + PREFIX,
          fixes: [{ title: 'Prefix with set -o pipefail', output: '# escape=`\nFROM alpine:3.24\nRUN set -o pipefail && wget -qO- x `\n  | tar -xz\n' }],
        },
      ],
    },
    {
      name: 'indented lowercase file: the SHELL keeps both',
      code: '  from node:24\n  run npm ls | grep express\n',
      findings: [
        {
          range: [1, 13, 1, 14],
          message: what('npm') + DASH,
          fixes: [{ title: 'Add SHELL with bash and pipefail', output: '  from node:24\n  shell ["/bin/bash", "-o", "pipefail", "-c"]\n  run npm ls | grep express\n' }],
        },
      ],
    },
    {
      name: 'a loop as the producer',
      code: 'FROM alpine:3.24\nRUN for f in *.gz; do gunzip -c "$f"; done | wc -l\n',
      findings: [
        {
          range: [1, 43, 1, 44],
          message: "Without pipefail this RUN does not fail when the commands before the pipe fail, only when the last command of the pipe does." + PREFIX,
          fixes: [{ title: 'Prefix with set -o pipefail', output: 'FROM alpine:3.24\nRUN set -o pipefail && for f in *.gz; do gunzip -c "$f"; done | wc -l\n' }],
        },
      ],
    },
    {
      name: 'an image we cannot tell: no fix',
      code: 'FROM ghcr.io/acme/base:1\nRUN curl -fsSL x | sh\n',
      findings: [{ range: [1, 17, 1, 18], message: what('curl') + UNKNOWN }],
    },
    {
      name: 'an unreadable heredoc does not hide later RUNs',
      code: 'FROM alpine:3.24\nRUN <<-"EOT" bash\n\tcurl x | sh\n\tEOT\nRUN a | b\n',
      findings: [
        {
          range: [4, 6, 4, 7],
          message: what('a') + PREFIX,
          fixes: [{ title: 'Prefix with set -o pipefail', output: 'FROM alpine:3.24\nRUN <<-"EOT" bash\n\tcurl x | sh\n\tEOT\nRUN set -o pipefail && a | b\n' }],
        },
      ],
    },
  ],
});
