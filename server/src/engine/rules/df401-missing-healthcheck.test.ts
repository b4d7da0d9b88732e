import { testRule } from '../../test-support/rule-tester';
import { df401 } from './df401-missing-healthcheck';

const message = (ports: string) =>
  `The image exposes '${ports}' but has no HEALTHCHECK, so Docker cannot tell a hung service from a healthy one. Add a HEALTHCHECK that probes the service.`;
const OPTIONS = '--interval=30s --timeout=5s --start-period=10s --retries=3';

testRule(df401, {
  valid: [
    'FROM nginx:1.30\nEXPOSE 80\nHEALTHCHECK CMD curl -fsS http://127.0.0.1/ || exit 1\n',
    { name: 'HEALTHCHECK NONE is a decision', code: 'FROM redis:8.10\nEXPOSE 6379\nHEALTHCHECK NONE\n' },
    { name: 'no EXPOSE: not a service', code: 'FROM alpine:3.24\nCMD ["/bin/job"]\n' },
    { name: 'EXPOSE only in a build stage', code: 'FROM node:24 AS dev\nEXPOSE 3000\nFROM node:24-slim\nCMD ["node", "server.js"]\n' },
    { name: 'HEALTHCHECK inherited from an earlier stage', code: 'FROM alpine:3.24 AS base\nHEALTHCHECK CMD true\nFROM base\nEXPOSE 8080\n' },
    { name: 'base image from an unknown variable may have its own', code: 'ARG BASE\nFROM ${BASE}\nEXPOSE 8080\n' },
  ],
  invalid: [
    {
      name: 'python image: urllib probe on the HTTP port, inserted before CMD',
      code: 'FROM python:3.14-slim\nCOPY . /app\nEXPOSE 8000\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n',
      findings: [
        {
          range: [2, 0, 2, 11],
          message: message('8000'),
          fixes: [
            {
              title: 'Add HEALTHCHECK: probe port 8000 with python',
              output: `FROM python:3.14-slim\nCOPY . /app\nEXPOSE 8000\nHEALTHCHECK ${OPTIONS} CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/', timeout=4)"\nCMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'node image: http probe; ENTRYPOINT is the insertion point; CRLF',
      code: 'FROM node:24-slim\r\nEXPOSE 3000/tcp\r\nENTRYPOINT ["node", "server.js"]\r\n',
      findings: [
        {
          range: [1, 0, 1, 15],
          message: message('3000/tcp'),
          fixes: [
            {
              title: 'Add HEALTHCHECK: probe port 3000 with node',
              output: `FROM node:24-slim\r\nEXPOSE 3000/tcp\r\nHEALTHCHECK ${OPTIONS} CMD node -e "require('http').get('http://127.0.0.1:3000/', (r) => process.exit(r.statusCode < 400 ? 0 : 1)).on('error', () => process.exit(1))"\r\nENTRYPOINT ["node", "server.js"]\r\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'alpine: BusyBox wget for HTTP; the port from a variable; appended when there is no CMD',
      code: 'FROM alpine:3.24\nENV PORT=8080\nCOPY app /app\nEXPOSE $PORT\n',
      findings: [
        {
          range: [3, 0, 3, 12],
          message: message('$PORT'),
          fixes: [
            {
              title: 'Add HEALTHCHECK: probe port 8080 with wget',
              output: `FROM alpine:3.24\nENV PORT=8080\nCOPY app /app\nEXPOSE $PORT\nHEALTHCHECK ${OPTIONS} CMD wget -q --spider http://127.0.0.1:8080/ || exit 1\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'curl installed and kept; a non-HTTP port alongside an HTTP one',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nEXPOSE 9229 80\nCMD ["/usr/local/bin/server"]\n',
      findings: [
        {
          range: [2, 0, 2, 14],
          message: message('9229 80'),
          fixes: [
            {
              title: 'Add HEALTHCHECK: probe port 80 with curl',
              output: `FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nEXPOSE 9229 80\nHEALTHCHECK ${OPTIONS} CMD curl -fsS -o /dev/null http://127.0.0.1:80/ || exit 1\nCMD ["/usr/local/bin/server"]\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'a single non-HTTP port on alpine: nc -z; lowercase keywords; non-ASCII kept',
      code: 'from redis:8.10-alpine\nlabel note="größe"\nexpose 6379\ncmd ["redis-server"]\n',
      findings: [
        {
          range: [2, 0, 2, 11],
          message: message('6379'),
          fixes: [
            {
              title: 'Add HEALTHCHECK: probe port 6379 with nc',
              output: `from redis:8.10-alpine\nlabel note="größe"\nexpose 6379\nhealthcheck ${OPTIONS} CMD nc -z 127.0.0.1 6379 || exit 1\ncmd ["redis-server"]\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'no known probe: curl was removed again, several non-HTTP ports, UDP, scratch',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && curl -o /x https://example.com/x && apt-get purge -y curl\nEXPOSE 8080\nCMD ["/x"]\nFROM alpine:3.24\nEXPOSE 4369 5672\nCMD ["rabbitmq-server"]\n',
      findings: [{ range: [5, 0, 5, 16], message: message('4369 5672') }],
    },
    {
      name: 'curl purged in the same RUN gives no probe',
      code: 'FROM debian:13\nRUN apt-get update && apt-get install -y curl && curl -o /x https://example.com/x && apt-get purge -y curl\nEXPOSE 8080\nCMD ["/x"]\n',
      findings: [{ range: [2, 0, 2, 11], message: message('8080') }],
    },
    {
      name: 'scratch has no tools; UDP ports cannot be probed with these tools',
      code: 'FROM scratch\nCOPY app /app\nEXPOSE 53/udp 8080\nCMD ["/app"]\n',
      findings: [{ range: [2, 0, 2, 18], message: message('53/udp 8080') }],
    },
  ],
});
