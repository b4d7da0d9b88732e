import { testRule } from '../../test-support/rule-tester';
import { df503 } from './df503-absolute-workdir';

const relative = (path: string) => `WORKDIR '${path}' is relative and no absolute WORKDIR comes before it, so where it lands depends on the working directory the stage starts with. Write the absolute path.`;
const lostCd = (written: string, advice: string) => `'${written}' is the last command of this RUN, so the directory change ends with it and later instructions do not see it; ${advice} to change directory for them.`;

testRule(df503, {
  valid: [
    'FROM node:24\nWORKDIR /app\nCOPY . .\n',
    { name: 'relative after an absolute one, also through the parent stage', code: 'FROM golang:1.27 AS base\nWORKDIR /src\nFROM base\nWORKDIR cmd/server\nRUN go build\n' },
    { name: 'variables and Windows paths', code: 'FROM node:24\nWORKDIR $HOME\nWORKDIR ${APP_DIR:-/app}/web\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n' },
    { name: 'cd followed by the commands that need it', code: 'FROM debian:13\nRUN cd /usr/src/app \\\n# build it\n && make \\\n && make install\nRUN (cd /tmp && tar -xzf x.tgz)\n' },
    { name: 'cd inside a nested shell or exec form', code: "FROM debian:13\nRUN sh -c 'make && cd /tmp'\nRUN [\"sh\", \"-c\", \"cd /tmp\"]\n" },
    { name: 'a heredoc that uses its cd', code: 'FROM debian:13\nRUN <<EOF\ncd /srv\nmake\nEOF\n' },
    { name: 'escape directive', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\src\nRUN cd C:\\src `\n  && dir\n' },
  ],
  invalid: [
    {
      name: 'relative first WORKDIR on an image',
      code: 'FROM node:24\nWORKDIR app\nCOPY . .\n',
      findings: [{ range: [1, 8, 1, 11], message: relative('app'), fixes: [{ title: 'Make it absolute: /app', output: 'FROM node:24\nWORKDIR /app\nCOPY . .\n' }] }],
    },
    {
      name: 'scratch resolves against /, and an earlier relative one is folded in',
      code: 'FROM scratch\nWORKDIR app\nWORKDIR ./bin/../lib/\n',
      findings: [
        { range: [1, 8, 1, 11], message: relative('app'), fixes: [{ title: 'Make it absolute: /app', output: 'FROM scratch\nWORKDIR /app\nWORKDIR ./bin/../lib/\n' }] },
        { range: [2, 8, 2, 21], message: relative('./bin/../lib/'), fixes: [{ title: 'Make it absolute: /app/lib/', output: 'FROM scratch\nWORKDIR app\nWORKDIR /app/lib/\n' }] },
      ],
    },
    {
      name: 'quoted path with non-ASCII, lowercase, CRLF',
      code: 'from python:3.14\r\nworkdir "données app"\r\n',
      findings: [{ range: [1, 8, 1, 21], message: relative('données app'), fixes: [{ title: 'Make it absolute: "/données app"', output: 'from python:3.14\r\nworkdir "/données app"\r\n' }] }],
    },
    {
      name: 'relative in a child stage of a stage with only relative ones',
      code: 'FROM alpine:3.24 AS a\nWORKDIR x\nFROM a\nWORKDIR y\n',
      findings: [
        { range: [1, 8, 1, 9], message: relative('x'), fixes: [{ title: 'Make it absolute: /x', output: 'FROM alpine:3.24 AS a\nWORKDIR /x\nFROM a\nWORKDIR y\n' }] },
        { range: [3, 8, 3, 9], message: relative('y'), fixes: [{ title: 'Make it absolute: /x/y', output: 'FROM alpine:3.24 AS a\nWORKDIR x\nFROM a\nWORKDIR /x/y\n' }] },
      ],
    },
    {
      name: 'tilde is not expanded',
      code: 'FROM alpine:3.24\nWORKDIR ~/app\n',
      findings: [{ range: [1, 8, 1, 13], message: "WORKDIR '~/app' is relative: Docker does not expand '~', so this makes a directory named '~'. Write the absolute path, for example with $HOME." }],
    },
    {
      name: 'cd at the end of a chain, alone, and in a heredoc',
      code: 'FROM node:24\nWORKDIR /app\nRUN npm ci && cd /tmp\nRUN cd\nRUN <<EOF\nnpm run build\ncd dist\nEOF\n',
      findings: [
        { range: [2, 14, 2, 21], message: lostCd('cd /tmp', "use 'WORKDIR /tmp'") },
        { range: [3, 4, 3, 6], message: lostCd('cd', 'use WORKDIR') },
        { range: [6, 0, 6, 7], message: lostCd('cd dist', "use 'WORKDIR dist'") },
      ],
    },
  ],
});
