import { testRule } from '../../test-support/rule-tester';
import { df209 } from './df209-combine-run';

const message = (second: string) => `'RUN ${second}' directly follows another one-command RUN, and each RUN adds a layer of its own. Chain them with '&&' in one RUN.`;
const title = (second: string) => `Merge RUN instructions: join '${second}' to the RUN before it`;

testRule(df209, {
  valid: [
    'FROM debian:13\nRUN useradd app\nUSER app\nRUN id\n',
    { name: 'a slow install and the step after it are separate cache layers on purpose', code: 'FROM python:3.14-slim\nRUN pip install --no-cache-dir -r requirements.txt\nRUN python manage.py collectstatic --noinput\n' },
    { name: 'a RUN that already chains commands was kept apart on purpose', code: 'FROM debian:13\nRUN mkdir /a && touch /a/b\nRUN echo done\nRUN test -f /a/b || exit 1\n' },
    { name: 'different mounts', code: 'FROM golang:1.27\nRUN --mount=type=cache,target=/root/.cache/go-build go build ./...\nRUN go vet ./...\n' },
    { name: 'exec form may mean there is no shell', code: 'FROM gcr.io/distroless/base-debian12\nRUN ["/busybox", "mkdir", "/data"]\nRUN ["/busybox", "touch", "/data/x"]\n' },
    { name: 'heredocs are scripts of their own', code: 'FROM alpine:3.24\nRUN <<EOF\nset -e\nmkdir /a\nEOF\nRUN touch /a/b\n' },
    { name: 'a builder stage only copied from ships no layers', code: 'FROM golang:1.27 AS build\nRUN go mod download -x\nRUN go build -o /out/app .\nFROM scratch\nCOPY --from=build /out/app /app\nCMD ["/app"]\n' },
    { name: 'ONBUILD RUN is not a RUN of this image', code: 'FROM node:24\nRUN mkdir /app\nONBUILD RUN npm ci\n' },
    { name: 'Windows shells have no &&', code: 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN mkdir C:\\app\nRUN mkdir C:\\data\n' },
    { name: 'a PowerShell SHELL', code: 'FROM debian:13\nSHELL ["pwsh", "-Command"]\nRUN New-Item a\nRUN New-Item b\n' },
  ],
  invalid: [
    {
      name: 'two short RUNs join',
      code: 'FROM debian:13\nRUN groupadd --system app\nRUN useradd --system --gid app app\n',
      findings: [
        {
          range: [2, 0, 2, 3],
          message: message('useradd --system --gid app app'),
          fixes: [{ title: title('useradd --system --gid app app'), output: 'FROM debian:13\nRUN groupadd --system app && \\\n    useradd --system --gid app app\n' }],
        },
      ],
    },
    {
      name: 'a blank line goes, a comment line stays; continuation indentation reused; CRLF and non-ASCII kept',
      code: 'FROM alpine:3.24\r\nRUN echo "grüß" \\\r\n  > /greeting\r\n\r\n# then the file for ü\r\nRUN touch /ü\r\n',
      findings: [
        {
          range: [5, 0, 5, 3],
          message: message('touch /ü'),
          fixes: [{ title: title('touch /ü'), output: 'FROM alpine:3.24\r\nRUN echo "grüß" \\\r\n  > /greeting && \\\r\n# then the file for ü\r\n  touch /ü\r\n' }],
        },
      ],
    },
    {
      name: 'three in a row: each joins the one before; same flags kept once; lowercase',
      code: 'FROM node:24\nrun --mount=type=cache,target=/root/.npm npm install -g pnpm\nrun --mount=type=cache,target=/root/.npm npm install -g turbo\nrun --mount=type=cache,target=/root/.npm npm install -g tsx\n',
      findings: [
        {
          range: [2, 0, 2, 3],
          message: message('npm install -g turbo'),
          fixes: [
            {
              title: title('npm install -g turbo'),
              output: 'FROM node:24\nrun --mount=type=cache,target=/root/.npm npm install -g pnpm && \\\n    npm install -g turbo\nrun --mount=type=cache,target=/root/.npm npm install -g tsx\n',
            },
          ],
        },
        {
          range: [3, 0, 3, 3],
          message: message('npm install -g tsx'),
          fixes: [
            {
              title: title('npm install -g tsx'),
              output: 'FROM node:24\nrun --mount=type=cache,target=/root/.npm npm install -g pnpm\nrun --mount=type=cache,target=/root/.npm npm install -g turbo && \\\n    npm install -g tsx\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a pipeline counts as one command',
      code: 'FROM debian:13\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt\nRUN ln -s /opt/tool/bin/tool /usr/local/bin/tool\n',
      findings: [
        {
          range: [2, 0, 2, 3],
          message: message('ln -s /opt/tool/bin/tool /usr/local/bin/tool'),
          fixes: [
            {
              title: title('ln -s /opt/tool/bin/tool /usr/local/bin/tool'),
              output: 'FROM debian:13\nRUN curl -fsSL https://example.com/tool.tgz | tar -xz -C /opt && \\\n    ln -s /opt/tool/bin/tool /usr/local/bin/tool\n',
            },
          ],
        },
      ],
    },
    {
      name: 'the escape directive sets the continuation character',
      code: '# escape=`\nFROM debian:13\nRUN mkdir /data\nRUN chmod 700 /data\n',
      findings: [
        {
          range: [3, 0, 3, 3],
          message: message('chmod 700 /data'),
          fixes: [{ title: title('chmod 700 /data'), output: '# escape=`\nFROM debian:13\nRUN mkdir /data && `\n    chmod 700 /data\n' }],
        },
      ],
    },
    {
      name: 'no fix when state would leak, or when a comment or a trailing ; would swallow the join',
      code: 'FROM debian:13\nRUN cd /tmp\nRUN touch x\nFROM debian:13\nRUN touch a # the first\nRUN touch b\nFROM debian:13\nRUN touch d;\nRUN touch e\n',
      findings: [
        { range: [2, 0, 2, 3], message: message('touch x') },
        { range: [5, 0, 5, 3], message: message('touch b') },
        { range: [8, 0, 8, 3], message: message('touch e') },
      ],
    },
    {
      name: 'no fix across an ignore comment, which would stop applying inside the joined RUN',
      code: 'FROM debian:13\nRUN touch a\n# hadolint ignore=DL3008\nRUN touch b\n',
      findings: [{ range: [3, 0, 3, 3], message: message('touch b') }],
    },
  ],
});
