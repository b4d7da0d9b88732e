import { testRule } from '../../test-support/rule-tester';
import { df206 } from './df206-apk-no-cache';

const kept = (label: string) => `'${label}' keeps the package index in /var/cache/apk, which then ships with the image. Use 'apk add --no-cache'.`;
const byHand = (label: string) => `'${label}' fetches an index that 'rm -rf /var/cache/apk/*' deletes again; '--no-cache' does both in one flag. Use 'apk add --no-cache'.`;
const title = (command: string) => `Insert --no-cache into '${command}'`;

testRule(df206, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    { name: 'flag before the action', code: 'FROM alpine:3.20\nRUN apk --no-cache add curl\n' },
    { name: 'cache mount on the index', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add --update curl\n' },
    { name: 'cache mount on the package cache', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/etc/apk/cache apk add --update-cache curl\n' },
    { name: 'cache linked onto a mount', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/pkg-cache \\\n    ln -s /pkg-cache /etc/apk/cache && \\\n    apk add bash vim\n' },
    {
      name: '--no-network installs from what is already there',
      code: 'FROM alpine:3.20\nRUN set -eux; \\\n\tapk add --no-cache --virtual .build-deps gcc; \\\n\tapk add --no-network --virtual .rundeps libgcc; \\\n\tapk del --no-network .build-deps\n',
    },
    { name: 'a build stage only copied from', code: 'FROM alpine:3.20 AS build\nRUN apk add gcc musl-dev\nFROM scratch\nCOPY --from=build /out /\n' },
    { name: 'heredoc, lowercase keywords, apk del only', code: 'from alpine:3.20\nrun <<EOF\napk del curl\nEOF\n' },
    { name: 'exec form with the flag', code: 'FROM alpine:3.20\nRUN ["apk", "add", "--no-cache", "curl"]\n' },
  ],
  invalid: [
    {
      name: 'neighbouring commands dropped together keep the chain whole',
      code: 'FROM alpine:3.20\nRUN apk update && apk update && apk add git\nRUN <<EOF\napk update\napk update\napk add curl\nEOF\nRUN apk update; rm -rf /var/cache/apk/*; apk add tini\n',
      findings: [
        { range: [1, 32, 1, 39], message: kept('apk add'), fixes: [{ title: title('apk add git'), output: 'FROM alpine:3.20\nRUN apk add --no-cache git\nRUN <<EOF\napk update\napk update\napk add curl\nEOF\nRUN apk update; rm -rf /var/cache/apk/*; apk add tini\n' }] },
        { range: [5, 0, 5, 7], message: kept('apk add'), fixes: [{ title: title('apk add curl'), output: 'FROM alpine:3.20\nRUN apk update && apk update && apk add git\nRUN <<EOF\napk add --no-cache curl\nEOF\nRUN apk update; rm -rf /var/cache/apk/*; apk add tini\n' }] },
        { range: [7, 41, 7, 48], message: kept('apk add'), fixes: [{ title: title('apk add tini'), output: 'FROM alpine:3.20\nRUN apk update && apk update && apk add git\nRUN <<EOF\napk update\napk update\napk add curl\nEOF\nRUN apk add --no-cache tini\n' }] },
      ],
    },
    {
      name: 'plain add',
      code: 'FROM alpine:3.20\nRUN apk add curl\n',
      findings: [{ range: [1, 4, 1, 11], message: kept('apk add'), fixes: [{ title: title('apk add curl'), output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' }] }],
    },
    {
      name: 'update, add and removal of the cache: the fix leaves just the flag',
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl && rm -rf /var/cache/apk/*\n',
      findings: [{ range: [1, 18, 1, 25], message: byHand('apk add'), fixes: [{ title: title('apk add curl'), output: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n' }] }],
    },
    {
      name: '--update becomes --no-cache; the removal on its own continuation line goes',
      code: 'FROM alpine:3.20\nRUN apk add --update \\\n      curl \\\n    && rm -rf /var/cache/apk/* \\\n    && echo ok\n',
      findings: [
        {
          range: [1, 4, 1, 11],
          message: byHand('apk add'),
          fixes: [{ title: title('apk add curl'), output: 'FROM alpine:3.20\nRUN apk add --no-cache \\\n      curl \\\n    && echo ok\n' }],
        },
      ],
    },
    {
      name: '-U before the action, --virtual keeps its value, other paths of rm stay',
      code: 'FROM alpine:3.20\nRUN apk -U add --virtual .deps gcc && rm -rf /var/cache/apk/* /tmp/*\n',
      findings: [
        {
          range: [1, 4, 1, 14],
          message: byHand('apk add'),
          fixes: [{ title: title('apk add gcc'), output: 'FROM alpine:3.20\nRUN apk --no-cache add --virtual .deps gcc && rm -rf /tmp/*\n' }],
        },
      ],
    },
    {
      name: 'two adds in one RUN: each gets the flag, the shared update stays',
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl && apk add git\n',
      findings: [
        { range: [1, 18, 1, 25], message: kept('apk add'), fixes: [{ title: title('apk add curl'), output: 'FROM alpine:3.20\nRUN apk update && apk add --no-cache curl && apk add git\n' }] },
        { range: [1, 34, 1, 41], message: kept('apk add'), fixes: [{ title: title('apk add git'), output: 'FROM alpine:3.20\nRUN apk update && apk add curl && apk add --no-cache git\n' }] },
      ],
    },
    {
      name: 'a later RUN installs from the index this one fetched: no fix here',
      code: 'FROM alpine:3.20\nRUN apk update && apk add curl\nWORKDIR /app\nRUN apk add git\n',
      findings: [
        { range: [1, 18, 1, 25], message: kept('apk add') },
        { range: [3, 4, 3, 11], message: kept('apk add'), fixes: [{ title: title('apk add git'), output: 'FROM alpine:3.20\nRUN apk update && apk add curl\nWORKDIR /app\nRUN apk add --no-cache git\n' }] },
      ],
    },
    {
      name: 'heredoc script with CRLF and wide characters',
      code: 'FROM alpine:3.20\r\nRUN <<EOF\r\necho "🐳 démarrage"\r\napk update\r\napk add tini\r\nEOF\r\n',
      findings: [
        {
          range: [4, 0, 4, 7],
          message: kept('apk add'),
          fixes: [{ title: title('apk add tini'), output: 'FROM alpine:3.20\r\nRUN <<EOF\r\necho "🐳 démarrage"\r\napk add --no-cache tini\r\nEOF\r\n' }],
        },
      ],
    },
    {
      name: 'exec form: reported without a fix',
      code: 'FROM alpine:3.20\nRUN ["apk", "add", "curl"]\n',
      findings: [{ range: [1, 4, 1, 26], message: kept('apk add') }],
    },
  ],
});
