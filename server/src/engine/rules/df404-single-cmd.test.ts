import { testRule } from '../../test-support/rule-tester';
import { df404 } from './df404-single-cmd';

const message = (written: string, kind: string, last: string) =>
  `'${written}' is overridden by the stage's last ${kind}, '${last}', so it never takes effect. Remove it, or fold what it meant into the last one.`;

testRule(df404, {
  valid: [
    'FROM node:24\nCMD ["node", "server.js"]\n',
    { name: 'one CMD and one ENTRYPOINT', code: 'FROM debian:13\nENTRYPOINT ["tini", "--"]\nCMD ["app"]\n' },
    { name: 'one CMD per stage', code: 'FROM golang:1.27 AS build\nCMD ["go", "test"]\nFROM scratch\nCMD ["/app"]\n' },
    { name: 'ONBUILD CMD belongs to the child image', code: 'FROM node:24\nONBUILD CMD ["npm", "start"]\nCMD ["node"]\n' },
    { name: 'a CMD inside a RUN heredoc is text', code: 'FROM alpine:3.24\nRUN <<EOF\necho CMD\nEOF\nCMD ["sh"]\n' },
  ],
  invalid: [
    {
      name: 'two CMDs: the first is removed with its line',
      code: 'FROM node:24\nCMD ["npm", "run", "dev"]\nCOPY . .\nCMD ["node", "server.js"]\n',
      findings: [
        {
          range: [1, 0, 1, 25],
          message: message('CMD ["npm", "run", "dev"]', 'CMD', 'CMD ["node", "server.js"]'),
          fixes: [{ title: `Remove 'CMD ["npm", "run", "dev"]' (the last CMD wins)`, output: 'FROM node:24\nCOPY . .\nCMD ["node", "server.js"]\n' }],
        },
      ],
    },
    {
      name: 'three ENTRYPOINTs in lowercase, one with continuation lines and a comment inside; CRLF kept',
      code: 'FROM alpine:3.24\r\nentrypoint ["a"]\r\nentrypoint ["b", \\\r\n# why\r\n  "c"]\r\nentrypoint ["d"]\r\n',
      findings: [
        {
          range: [1, 0, 1, 16],
          message: message('entrypoint ["a"]', 'ENTRYPOINT', 'entrypoint ["d"]'),
          fixes: [{ title: `Remove 'entrypoint ["a"]' (the last ENTRYPOINT wins)`, output: 'FROM alpine:3.24\r\nentrypoint ["b", \\\r\n# why\r\n  "c"]\r\nentrypoint ["d"]\r\n' }],
        },
        {
          range: [2, 0, 4, 6],
          message: message('entrypoint ["b",', 'ENTRYPOINT', 'entrypoint ["d"]'),
          fixes: [{ title: `Remove 'entrypoint ["b",' (the last ENTRYPOINT wins)`, output: 'FROM alpine:3.24\r\nentrypoint ["a"]\r\nentrypoint ["d"]\r\n' }],
        },
      ],
    },
    {
      name: 'the last line of the file without a line break',
      code: 'FROM python:3.14-slim\nCMD ["python", "app.py"]\nCMD ["gunicorn", "app:app"]',
      findings: [
        {
          range: [1, 0, 1, 24],
          message: message('CMD ["python", "app.py"]', 'CMD', 'CMD ["gunicorn", "app:app"]'),
          fixes: [{ title: `Remove 'CMD ["python", "app.py"]' (the last CMD wins)`, output: 'FROM python:3.14-slim\nCMD ["gunicorn", "app:app"]' }],
        },
      ],
    },
    {
      name: 'duplicates counted per stage; non-ASCII text kept',
      code: 'FROM alpine:3.24 AS a\nCMD ["echo", "é"]\nFROM alpine:3.24\nCMD ["echo", "ü"]\nCMD ["echo", "ß"]\n',
      findings: [
        {
          range: [3, 0, 3, 17],
          message: message('CMD ["echo", "ü"]', 'CMD', 'CMD ["echo", "ß"]'),
          fixes: [{ title: `Remove 'CMD ["echo", "ü"]' (the last CMD wins)`, output: 'FROM alpine:3.24 AS a\nCMD ["echo", "é"]\nFROM alpine:3.24\nCMD ["echo", "ß"]\n' }],
        },
      ],
    },
  ],
});
