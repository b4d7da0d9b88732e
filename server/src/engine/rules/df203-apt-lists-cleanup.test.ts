import { testRule } from '../../test-support/rule-tester';
import { df203 } from './df203-apt-lists-cleanup';

const message = (label: string) => `'${label}' leaves the apt package lists in the image. End the same RUN with 'rm -rf /var/lib/apt/lists/*'.`;
const title = (command: string) => `Remove apt lists: end the RUN of '${command}' with 'rm -rf /var/lib/apt/lists/*'`;

testRule(df203, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
    {
      name: 'docker-library style with comment lines inside the continuation',
      code: 'FROM debian:bookworm-slim\nRUN set -eux; \\\n\tapt-get update; \\\n# curl for the healthcheck\n\tapt-get install -y --no-install-recommends curl; \\\n\trm -rf /var/lib/apt/lists/*\n',
    },
    { name: 'apt-get dist-clean removes the lists too', code: 'FROM debian:trixie\nRUN set -eux; apt-get install --update -y curl; apt-get dist-clean\n' },
    { name: 'removing the whole /var/lib/apt', code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt\n' },
    {
      name: 'cache mounts keep the lists out of the layer',
      code: 'FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked \\\n    --mount=type=cache,target=/var/lib/apt,sharing=locked \\\n    apt-get update && apt-get install -y curl\n',
    },
    { name: 'a lone update is apt-update-alone, not this rule', code: 'FROM debian:12\nRUN apt-get update\n' },
    {
      name: 'a build stage that is only copied from does not ship its lists',
      code: 'ARG BASE=debian:12\nFROM ${BASE} AS build\nRUN apt-get update && apt-get install -y gcc\nRUN gcc -o /out/app app.c\nFROM scratch\nCOPY --from=build /out/app /app\n',
    },
    { name: 'heredoc script that cleans up', code: 'FROM debian:12\nRUN <<EOF\nset -e\napt-get update\napt-get install -y curl\nrm -rf /var/lib/apt/lists/*\nEOF\n' },
    { name: 'escape directive', code: '# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install -y curl && `\n    rm -rf /var/lib/apt/lists/*\n' },
    { name: 'exec form running a shell', code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*"]\n' },
    { name: 'apt-get clean alone is not enough, but purge without install is nothing to clean', code: 'FROM debian:12\nRUN apt-get purge -y curl && apt-get clean\n' },
  ],
  invalid: [
    {
      name: 'no fix when one of the stages built on this one installs from its lists, whatever the order of the stages',
      code: 'FROM debian:12 AS base\nRUN apt-get update && apt-get install -y curl\nFROM base AS b\nRUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*\nFROM base AS c\nRUN apt-get install -y vim && rm -rf /var/lib/apt/lists/*\nFROM base\nCOPY --from=b /x /x\nCOPY --from=c /y /y\n',
      findings: [{ range: [1, 22, 1, 37], message: message('apt-get install'), fixes: [] }],
    },
    {
      name: 'a RUN cut short inside a quote is reported without a fix: the cleanup would land inside the quote',
      code: "FROM debian:12\nRUN apt-get update && apt-get install -y curl && echo 'unfinished\n",
      findings: [{ range: [1, 22, 1, 37], message: message('apt-get install'), fixes: [] }],
    },
    {
      name: 'one line',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
      findings: [
        {
          range: [1, 22, 1, 37],
          message: message('apt-get install'),
          fixes: [{ title: title('apt-get install curl'), output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' }],
        },
      ],
    },
    {
      name: 'apt-get clean does not remove the lists',
      code: 'from debian:12\nrun apt-get update && apt-get install -y curl && apt-get clean\n',
      findings: [
        {
          range: [1, 22, 1, 37],
          message: message('apt-get install'),
          fixes: [{ title: title('apt-get install curl'), output: 'from debian:12\nrun apt-get update && apt-get install -y curl && apt-get clean && rm -rf /var/lib/apt/lists/*\n' }],
        },
      ],
    },
    {
      name: 'leading && on continuation lines, CRLF, a comment line and wide characters before the range',
      code: 'FROM ubuntu:24.04\r\nRUN echo "🐳 ünïcode" && apt-get update \\\r\n    # réseau\r\n    && apt-get install -y --no-install-recommends \\\r\n       curl \\\r\n       ca-certificates\r\nCMD ["bash"]\r\n',
      findings: [
        {
          range: [3, 7, 3, 22],
          message: message('apt-get install'),
          fixes: [
            {
              title: title('apt-get install curl'),
              output:
                'FROM ubuntu:24.04\r\nRUN echo "🐳 ünïcode" && apt-get update \\\r\n    # réseau\r\n    && apt-get install -y --no-install-recommends \\\r\n       curl \\\r\n       ca-certificates \\\r\n    && rm -rf /var/lib/apt/lists/*\r\nCMD ["bash"]\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'trailing separators keep their layout',
      code: 'FROM debian:bookworm-slim\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends \\\n\t\tca-certificates \\\n\t; \\\n\techo done\n',
      findings: [
        {
          range: [3, 1, 3, 16],
          message: message('apt-get install'),
          fixes: [
            {
              title: title('apt-get install ca-certificates'),
              output: 'FROM debian:bookworm-slim\nRUN set -eux; \\\n\tapt-get update; \\\n\tapt-get install -y --no-install-recommends \\\n\t\tca-certificates \\\n\t; \\\n\techo done && \\\n\trm -rf /var/lib/apt/lists/*\n',
            },
          ],
        },
      ],
    },
    {
      name: 'heredoc script: the cleanup joins the last command, so its exit status still counts',
      code: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n',
      findings: [
        {
          range: [3, 0, 3, 15],
          message: message('apt-get install'),
          fixes: [{ title: title('apt-get install curl'), output: 'FROM debian:12\nRUN <<EOF\napt-get update\napt-get install -y curl && rm -rf /var/lib/apt/lists/*\nEOF\n' }],
        },
      ],
    },
    {
      name: 'escape directive: the new continuation uses the backtick',
      code: '# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install -y curl\n',
      findings: [
        {
          range: [3, 4, 3, 19],
          message: message('apt-get install'),
          fixes: [{ title: title('apt-get install curl'), output: '# escape=`\nFROM debian:12\nRUN apt-get update && `\n    apt-get install -y curl && `\n    rm -rf /var/lib/apt/lists/*\n' }],
        },
      ],
    },
    {
      name: 'a later install relies on the lists: no fix for the first RUN',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY app /app\nRUN apt-get install -y git\n',
      findings: [
        { range: [1, 22, 1, 37], message: message('apt-get install') },
        {
          range: [3, 4, 3, 19],
          message: message('apt-get install'),
          fixes: [{ title: title('apt-get install git'), output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\nCOPY app /app\nRUN apt-get install -y git && rm -rf /var/lib/apt/lists/*\n' }],
        },
      ],
    },
    {
      name: 'exec form: reported on the arguments, without a fix',
      code: 'FROM debian:12\nRUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl"]\n',
      findings: [{ range: [1, 4, 1, 66], message: message('apt-get install') }],
    },
    {
      name: 'a stage the final stage is built on ships its lists',
      code: 'FROM debian:12 AS base\nRUN apt update && apt upgrade -y\nFROM base\nCMD ["bash"]\n',
      findings: [
        {
          range: [1, 18, 1, 29],
          message: message('apt upgrade'),
          fixes: [{ title: title('apt upgrade'), output: 'FROM debian:12 AS base\nRUN apt update && apt upgrade -y && rm -rf /var/lib/apt/lists/*\nFROM base\nCMD ["bash"]\n' }],
        },
      ],
    },
    {
      name: 'the lists are removed before a second update',
      code: 'FROM debian:12\nRUN apt-get update && apt-get install -y gnupg && rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl\n',
      findings: [
        {
          range: [1, 99, 1, 114],
          message: message('apt-get install'),
          fixes: [
            {
              title: title('apt-get install curl'),
              output: 'FROM debian:12\nRUN apt-get update && apt-get install -y gnupg && rm -rf /var/lib/apt/lists/* && apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
            },
          ],
        },
      ],
    },
  ],
});
