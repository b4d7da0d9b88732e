import { testRule } from '../../test-support/rule-tester';
import { df103 } from './df103-no-secret-files';

const LAYER = 'copying it puts the secret in an image layer that anyone with the image can read, even if a later step deletes it.';
const envFile = (source: string) => `'${source}' is an environment file, which usually holds secrets; ${LAYER} Pass the variables when the container starts (docker run --env-file, Compose env_file) instead.`;
const keyFile = (source: string, what: string) => `'${source}' ${what}; ${LAYER} Mount it only for the step that needs it (RUN --mount=type=secret or --mount=type=ssh), or at run time.`;
const written = (key: string, target: string) =>
  `This writes a literal '${key}' into '${target}', so the secret stays in the image layer. Pass it as a build secret (RUN --mount=type=secret) or supply it when the container starts.`;

testRule(df103, {
  valid: [
    { name: 'env templates are committed on purpose', code: 'FROM node:24\nCOPY .env.example /app/.env\nCOPY .env.production.sample ./\n' },
    { name: 'public keys and certificates', code: 'FROM jenkins/jenkins:2.530\nCOPY jenkins.io-2026.key /war/jenkins-key.pub\nCOPY ./.pki/ca.pem /usr/local/share/ca-certificates/ca.crt\nCOPY certs/fullchain.pem /etc/nginx/\nCOPY id_ed25519.pub /root/.ssh/authorized_keys\nCOPY .ssh/known_hosts /root/.ssh/known_hosts\n' },
    { name: 'an .npmrc with settings only', code: 'FROM node:24\nCOPY package.json pnpm-lock.yaml .npmrc ./\n', files: { '.npmrc': 'auto-install-peers=true\n//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' } },
    { name: 'an .npmrc that cannot be read', code: 'FROM node:24\nCOPY .npmrc ./\n', noFiles: true },
    { name: 'files from another stage, URLs', code: 'FROM alpine:3.22 AS keys\nRUN ssh-keygen -t ed25519 -f /id_ed25519 -N ""\nFROM alpine:3.22\nCOPY --from=keys /id_ed25519 /etc/host.key\nADD https://download.example.com/Release.key /etc/apt/keyrings/\n' },
    { name: 'metadata files named *.env', code: 'FROM debian:13\nCOPY library-scripts/meta.env /usr/local/etc/vscode-dev-containers\n' },
    { name: 'writes without secrets, references instead of literals', code: "FROM debian:13\nRUN echo 'DEBUG=1' >> /app/.env\nRUN /bin/echo -e '[default]\\naccess_key=$AWS_ACCESS_KEY' > /.s3cfg\nRUN echo \"API_KEY=abc\"\nRUN echo DB_PASSWORD=x > /dev/null\nRUN python3 <<EOF\nDB_PASSWORD = 'only a script variable'\nEOF\n" },
    { name: 'lowercase, escape directive, JSON form', code: '# escape=`\nfrom mcr.microsoft.com/windows/servercore:ltsc2025\ncopy ["config.json", "C:/app/"]\n' },
  ],
  invalid: [
    {
      name: 'an .env among other sources: only that source goes',
      code: 'FROM node:24\nCOPY --chown=node:node package.json .env ./\n',
      findings: [{ range: [1, 36, 1, 40], message: envFile('.env'), fixes: [{ title: "Remove '.env' from this COPY", output: 'FROM node:24\nCOPY --chown=node:node package.json ./\n' }] }],
    },
    {
      name: 'JSON form with non-ASCII, first source, CRLF',
      code: 'FROM node:24\r\nCOPY [".env.production", "präsentation.txt", "/app/"]\r\nCMD ["node"]\r\n',
      findings: [{ range: [1, 6, 1, 23], message: envFile('.env.production'), fixes: [{ title: "Remove '.env.production' from this COPY", output: 'FROM node:24\r\nCOPY ["präsentation.txt", "/app/"]\r\nCMD ["node"]\r\n' }] }],
    },
    {
      name: 'a private key alone: the instruction goes, continuation and comment included',
      code: 'FROM nginx:1.30\nCOPY \\\n# the site key\n  ssl/private/site.pem /etc/nginx/ssl/\nEXPOSE 443\n',
      findings: [
        {
          range: [3, 2, 3, 22],
          message: keyFile('ssl/private/site.pem', 'is a private key'),
          fixes: [{ title: "Remove this COPY of 'ssl/private/site.pem'", output: 'FROM nginx:1.30\nEXPOSE 443\n' }],
        },
      ],
    },
    {
      name: 'a PEM file whose name says nothing',
      code: 'FROM haproxy:3.2\nCOPY site.pem /usr/local/etc/haproxy/\n',
      findings: [{ range: [1, 5, 1, 13], message: keyFile('site.pem', 'is a PEM file that may hold a private key'), fixes: [{ title: "Remove this COPY of 'site.pem'", output: 'FROM haproxy:3.2\n' }] }],
    },
    {
      name: 'SSH keys, AWS and PyPI credentials, lowercase ADD, last line without a break',
      code: 'FROM python:3.14-slim\nCOPY id_rsa /root/.ssh/\nadd .aws /root/.aws\nCOPY .pypirc /root/',
      findings: [
        { range: [1, 5, 1, 11], message: keyFile('id_rsa', 'is a private SSH key'), fixes: [{ title: "Remove this COPY of 'id_rsa'", output: 'FROM python:3.14-slim\nadd .aws /root/.aws\nCOPY .pypirc /root/' }] },
        {
          range: [2, 4, 2, 8],
          message: `'.aws' holds AWS credentials; ${LAYER} Mount it only for the step that needs it (RUN --mount=type=secret,id=aws,target=/root/.aws/credentials) instead.`,
          fixes: [{ title: "Remove this ADD of '.aws'", output: 'FROM python:3.14-slim\nCOPY id_rsa /root/.ssh/\nCOPY .pypirc /root/' }],
        },
        {
          range: [3, 5, 3, 12],
          message: `'.pypirc' is PyPI configuration with upload credentials; ${LAYER} Mount it only for the install step (RUN --mount=type=secret,target=…) instead.`,
          fixes: [{ title: "Remove this COPY of '.pypirc'", output: 'FROM python:3.14-slim\nCOPY id_rsa /root/.ssh/\nadd .aws /root/.aws' }],
        },
      ],
    },
    {
      name: 'an .npmrc with a literal token',
      code: 'FROM node:24\nCOPY .npmrc package.json ./\n',
      files: { '.npmrc': '//registry.npmjs.org/:_authToken=npm_abc123\n' },
      findings: [
        {
          range: [1, 5, 1, 11],
          message: `'.npmrc' is npm configuration, which often holds a registry token; ${LAYER} Mount it only for the install step (RUN --mount=type=secret,target=…) instead.`,
          fixes: [{ title: "Remove '.npmrc' from this COPY", output: 'FROM node:24\nCOPY package.json ./\n' }],
        },
      ],
    },
    {
      name: 'echo into a file: a RUN that only writes the secret can go',
      code: 'FROM node:24\nRUN echo "API_KEY=abc123" >> .env\nRUN printf \'[default]\\naws_secret_access_key=wJalr\\n\' | tee /root/.aws/credentials > /dev/null && aws s3 ls\n',
      findings: [
        { range: [1, 9, 1, 25], message: written('API_KEY', '.env'), fixes: [{ title: 'Remove this RUN', output: 'FROM node:24\nRUN printf \'[default]\\naws_secret_access_key=wJalr\\n\' | tee /root/.aws/credentials > /dev/null && aws s3 ls\n' }] },
        { range: [2, 11, 2, 53], message: written('aws_secret_access_key', '/root/.aws/credentials') },
      ],
    },
    {
      name: 'heredocs written by cat and by COPY, CRLF',
      code: 'FROM python:3.14-slim\r\nRUN cat > /app/.env <<EOF\r\nDB_HOST=db\r\nexport DB_PASSWORD=s3cret\r\nEOF\r\nCOPY <<EOT /app/settings.env\r\nSECRET_KEY="django-insecure-x"\r\nEOT\r\n',
      findings: [
        { range: [3, 7, 3, 25], message: written('DB_PASSWORD', '/app/.env'), fixes: [{ title: 'Remove this RUN', output: 'FROM python:3.14-slim\r\nCOPY <<EOT /app/settings.env\r\nSECRET_KEY="django-insecure-x"\r\nEOT\r\n' }] },
        { range: [6, 0, 6, 30], message: written('SECRET_KEY', '/app/settings.env'), fixes: [{ title: 'Remove this COPY', output: 'FROM python:3.14-slim\r\nRUN cat > /app/.env <<EOF\r\nDB_HOST=db\r\nexport DB_PASSWORD=s3cret\r\nEOF\r\n' }] },
      ],
    },
  ],
});
