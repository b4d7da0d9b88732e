import { testRule } from '../../test-support/rule-tester';
import { df213 } from './df213-copy-chown';

const message = (chown: string, copies: string, owner: string) =>
  `'${chown}' re-owns files ${copies} brought in, which stores each of them again in a new layer. Give the COPY '--chown=${owner}' instead.`;

testRule(df213, {
  valid: [
    'FROM node:24-slim\nWORKDIR /app\nCOPY --chown=node:node . .\nUSER node\nCMD ["node", "server.js"]\n',
    { name: 'a RUN in between writes into the directory (npm ci)', code: 'FROM node:24-slim\nWORKDIR /app\nCOPY package*.json ./\nRUN npm ci\nCOPY . .\nRUN chown -R node:node /app\nCMD ["node", "server.js"]\n' },
    { name: 'an earlier RUN creates files there', code: 'FROM debian:13\nRUN mkdir -p /app/data\nCOPY . /app\nRUN chown -R app:app /app\nCMD ["/app/run"]\n' },
    { name: 'the chown covers only part of what the COPY brought', code: 'FROM debian:13\nCOPY . /app\nRUN chown -R app:app /app/static\nCMD ["/app/run"]\n' },
    { name: 'system directories hold the base image\'s files too', code: 'FROM debian:13\nCOPY conf /etc\nRUN chown -R app:app /etc\nCMD ["/app"]\n' },
    { name: 'no COPY brought files there', code: 'FROM debian:13\nRUN mkdir /data && chown -R app:app /data\nCMD ["/app"]\n' },
    { name: 'not recursive, or options that change what is followed', code: 'FROM debian:13\nCOPY a /app\nRUN chown app:app /app\nRUN chown -RL app:app /app\nCMD ["/app/a"]\n' },
    { name: 'owner and path from variables', code: 'FROM debian:13\nARG USER=app\nCOPY . /app\nRUN chown -R $USER /app\nRUN chown -R app:app $HOME\nCMD ["/app/run"]\n' },
    { name: 'the COPY is in an earlier stage', code: 'FROM debian:13 AS base\nCOPY . /app\nFROM base\nRUN chown -R app:app /app\nCMD ["/app/run"]\n' },
    { name: 'an archive ADD unpacks with the owners stored in it', code: 'FROM debian:13\nADD app.tar.gz /app\nRUN chown -R app:app /app\nCMD ["/app/run"]\n' },
    { name: 'a relative destination with the base image\'s unknown WORKDIR', code: 'FROM debian:13\nCOPY . app\nRUN chown -R app:app /app\nCMD ["/app/run"]\n' },
  ],
  invalid: [
    {
      name: 'the whole RUN goes and the COPY gets --chown',
      code: 'FROM python:3.14-slim\nRUN groupadd -r app && useradd -r -g app app\nWORKDIR /app\nCOPY . .\nRUN chown -R app:app /app\nUSER app\nCMD ["python", "main.py"]\n',
      findings: [
        {
          range: [4, 4, 4, 25],
          message: message('chown -R app:app /app', "'COPY . .'", 'app:app'),
          fixes: [
            {
              title: "Use COPY --chown=app:app and drop 'chown -R … /app'",
              output: 'FROM python:3.14-slim\nRUN groupadd -r app && useradd -r -g app app\nWORKDIR /app\nCOPY --chown=app:app . .\nUSER app\nCMD ["python", "main.py"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a chained chown loses its link; relative path, two COPYs, lowercase; CRLF and non-ASCII',
      code: 'FROM node:24-slim\r\nWORKDIR /srv/ünï\r\ncopy package.json ./\r\ncopy --link src ./src\r\nrun chown -R 1000:1000 . \\\r\n  && chmod +x ./src/start.sh\r\nCMD ["./src/start.sh"]\r\n',
      findings: [
        {
          range: [4, 4, 4, 24],
          message: message('chown -R 1000:1000 .', '2 earlier COPY instructions', '1000:1000'),
          fixes: [
            {
              title: "Use COPY --chown=1000:1000 and drop 'chown -R … /srv/ünï'",
              output: 'FROM node:24-slim\r\nWORKDIR /srv/ünï\r\ncopy --chown=1000:1000 package.json ./\r\ncopy --chown=1000:1000 --link src ./src\r\nrun chmod +x ./src/start.sh\r\nCMD ["./src/start.sh"]\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'COPY --from is rewritten too',
      code: 'FROM golang:1.27 AS build\nRUN go build -o /out/app .\nFROM alpine:3.24\nCOPY --from=build /out /opt/app\nRUN chown --recursive app:app /opt/app\nCMD ["/opt/app/app"]\n',
      findings: [
        {
          range: [4, 4, 4, 38],
          message: message('chown --recursive app:app /opt/app', "'COPY --from=build /out /opt/app'", 'app:app'),
          fixes: [
            {
              title: "Use COPY --chown=app:app and drop 'chown -R … /opt/app'",
              output: 'FROM golang:1.27 AS build\nRUN go build -o /out/app .\nFROM alpine:3.24\nCOPY --chown=app:app --from=build /out /opt/app\nCMD ["/opt/app/app"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'an owner without a group: COPY --chown would set a different group, so no fix',
      code: 'FROM debian:13\nCOPY . /app\nRUN chown -R app /app\nCMD ["/app/run"]\n',
      findings: [{ range: [2, 4, 2, 21], message: message('chown -R app /app', "'COPY . /app'", 'app:<group>') }],
    },
    {
      name: 'the user is created after the COPY: no fix, the COPY could not name it yet',
      code: 'FROM debian:13\nCOPY . /app\nRUN useradd app\nRUN chown -R app:app /app\nCMD ["/app/run"]\n',
      findings: [{ range: [3, 4, 3, 25], message: message('chown -R app:app /app', "'COPY . /app'", 'app:app') }],
    },
    {
      name: 'a chown that is not the first command: no fix',
      code: 'FROM debian:13\nCOPY . /app\nRUN useradd app && chown -R app:app /app\nCMD ["/app/run"]\n',
      findings: [{ range: [2, 19, 2, 40], message: message('chown -R app:app /app', "'COPY . /app'", 'app:app') }],
    },
  ],
});
