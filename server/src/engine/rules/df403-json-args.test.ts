import { testRule } from '../../test-support/rule-tester';
import { df403 } from './df403-json-args';

const convertible = (written: string, program: string, json: string) =>
  `'${written}' is in shell form: Docker starts it through a shell, which can keep stop signals from reaching '${program}'. Write it in JSON form: ${json}.`;
const needsShell = (written: string) =>
  `'${written}' is in shell form: Docker starts it through a shell, which can keep stop signals from reaching the program. Write it in JSON form, or begin it with 'exec' where it needs the shell.`;

testRule(df403, {
  valid: [
    'FROM node:24\nCMD ["node", "server.js"]\n',
    { name: 'JSON form across a continuation line with a comment line', code: 'FROM prom/prometheus:v3.5.0\nCMD [ "--config.file=/etc/prometheus/prometheus.yml", \\\n# storage\n       "--storage.tsdb.path=/prometheus" ]\n' },
    { name: 'exec replaces the shell', code: 'FROM python:3.14-slim\nCMD exec gunicorn --bind "0.0.0.0:$PORT" app:app\n' },
    { name: 'Windows images run cmd, not sh', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nCMD powershell -Command Start-Sleep 3600\n' },
    { name: 'ONBUILD CMD is for the child image', code: 'FROM node:24\nONBUILD CMD npm start\nCMD ["node"]\n' },
    { name: 'empty JSON array', code: 'FROM alpine:3.24\nENTRYPOINT []\n' },
    { name: 'lowercase keyword, JSON form', code: 'FROM alpine:3.24\nentrypoint ["/bin/app"]\n' },
  ],
  invalid: [
    {
      name: 'a plain command converts',
      code: 'FROM node:24\nCMD npm start\n',
      findings: [
        {
          range: [1, 4, 1, 13],
          message: convertible('CMD npm start', 'npm', 'CMD ["npm", "start"]'),
          fixes: [{ title: 'Convert to JSON form: CMD ["npm", "start"]', output: 'FROM node:24\nCMD ["npm", "start"]\n' }],
        },
      ],
    },
    {
      name: 'quotes are removed the way the shell would; continuation joined; CRLF and non-ASCII kept',
      code: 'FROM nginx:1.30\r\nCMD nginx -g \'daemon off;\' \\\r\n    -c "/etc/nginx/ünï.conf"\r\n',
      findings: [
        {
          range: [1, 4, 2, 28],
          message: convertible("CMD nginx -g 'daemon off;'", 'nginx', 'CMD ["nginx", "-g", "daemon off;", "-c", "/etc/nginx/ünï.conf"]'),
          fixes: [
            {
              title: 'Convert to JSON form: CMD ["nginx", "-g", "daemon off;", "-c", "/etc/nginx/ünï.conf"]',
              output: 'FROM nginx:1.30\r\nCMD ["nginx", "-g", "daemon off;", "-c", "/etc/nginx/ünï.conf"]\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'shell syntax needs the shell: variables, chains, globs, redirections, builtins, a comment',
      code: 'FROM python:3.14-slim\nCMD gunicorn -b 0.0.0.0:$PORT app:app\nFROM alpine:3.24\nCMD cd /app && ./run\nFROM alpine:3.24\nCMD ls *.log\nFROM alpine:3.24\nCMD ./run > /tmp/log\nFROM alpine:3.24\nCMD source ./env\nFROM alpine:3.24\nCMD ./run \\\n# keep this note\n  --fast\n',
      findings: [
        { range: [1, 4, 1, 37], message: needsShell('CMD gunicorn -b 0.0.0.0:$PORT app:app') },
        { range: [3, 4, 3, 20], message: needsShell('CMD cd /app && ./run') },
        { range: [5, 4, 5, 12], message: needsShell('CMD ls *.log') },
        { range: [7, 4, 7, 20], message: needsShell('CMD ./run > /tmp/log') },
        { range: [9, 4, 9, 16], message: needsShell('CMD source ./env') },
        { range: [11, 4, 13, 8], message: needsShell('CMD ./run') },
      ],
    },
    {
      name: 'an ENTRYPOINT with a CMD in the stage would start receiving it as arguments: no fix',
      code: 'FROM alpine:3.24\nENTRYPOINT /usr/bin/app --serve\nCMD ["--debug"]\n',
      findings: [{ range: [1, 11, 1, 31], message: needsShell('ENTRYPOINT /usr/bin/app --serve') }],
    },
    {
      name: 'an ENTRYPOINT alone converts',
      code: 'FROM alpine:3.24\nENTRYPOINT /usr/bin/app --serve\n',
      findings: [
        {
          range: [1, 11, 1, 31],
          message: convertible('ENTRYPOINT /usr/bin/app --serve', '/usr/bin/app', 'ENTRYPOINT ["/usr/bin/app", "--serve"]'),
          fixes: [{ title: 'Convert to JSON form: ENTRYPOINT ["/usr/bin/app", "--serve"]', output: 'FROM alpine:3.24\nENTRYPOINT ["/usr/bin/app", "--serve"]\n' }],
        },
      ],
    },
    {
      name: 'a SHELL instruction changes the quoting rules: no fix',
      code: 'FROM debian:13\nSHELL ["/bin/bash", "-c"]\nCMD ./start.sh\n',
      findings: [{ range: [2, 4, 2, 14], message: needsShell('CMD ./start.sh') }],
    },
    {
      name: 'JSON with single quotes is run by the shell as text',
      code: "FROM node:24\nCMD ['node', 'server.js']\n",
      findings: [
        {
          range: [1, 4, 1, 25],
          message: "'CMD ['node', 'server.js']' is not a JSON array of strings (JSON needs double quotes), so Docker runs the text through a shell, brackets included. Write a JSON array of double-quoted strings.",
          fixes: [{ title: 'Convert to JSON form: CMD ["node", "server.js"]', output: 'FROM node:24\nCMD ["node", "server.js"]\n' }],
        },
      ],
    },
    {
      name: 'broken JSON without a clear repair',
      code: 'FROM node:24\nCMD ["node", server.js]\n',
      findings: [
        {
          range: [1, 4, 1, 23],
          message: `'CMD ["node", server.js]' is not a JSON array of strings, so Docker runs the text through a shell, brackets included. Write a JSON array of double-quoted strings.`,
        },
      ],
    },
  ],
});
