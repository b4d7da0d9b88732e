import { testRule } from '../../test-support/rule-tester';
import { df102 } from './df102-no-secrets-in-env-arg';

const envLiteral = (name: string) =>
  `'${name}' is set to a literal value, so the secret is stored in the image for anyone who pulls it to read. Supply it when the container starts (docker run -e, Compose secrets) instead.`;
const argLiteral = (name: string) =>
  `'${name}' has a literal default, so the secret is written in the Dockerfile and recorded in the image history. Remove the value and pass it as a build secret (RUN --mount=type=secret) instead.`;
const buildArg = (name: string) =>
  `Build argument '${name}' looks like a secret, and build arguments are recorded in the image history and build provenance. Pass it as a build secret (RUN --mount=type=secret) instead.`;
const copied = (name: string, arg: string) =>
  `'${name}' copies build argument '${arg}' into the image's environment, where anyone who pulls the image can read it. Use a build secret in the RUN that needs it, or supply the value when the container starts.`;

testRule(df102, {
  valid: [
    { name: 'docker-library GPG key fingerprints are public', code: 'FROM debian:13\nENV GPG_KEY 7169605F62C751356D054A26A821E680E5FA6305\nENV PYTHON_GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D\nENV GPG_KEYS 39B641343D8C104B2B146DC3F9C39DC0B9698544\n' },
    { name: 'names that point at a secret or describe one', code: 'FROM postgres:18\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db_password \\\n    OAUTH_TOKEN_URL=https://auth.example.com/token \\\n    SECRETS_DIR=/run/secrets PASSWORD_MIN_LENGTH=12\n' },
    { name: 'words that only contain a secret word', code: 'FROM python:3.14-slim\nENV TOKENIZERS_PARALLELISM=false PUBLIC_KEY=ssh-ed25519 MONKEY_PATCH=1\n' },
    { name: 'switches and empty placeholders', code: 'FROM mysql:9\nENV MYSQL_ALLOW_EMPTY_PASSWORD=yes MYSQL_RANDOM_ROOT_PASSWORD=1 WEAVE_TOKEN=none DB_PASSWORD=""\nARG SKIP_PASSWORD_CHECK=true\n' },
    { name: 'a build secret mount is the right way', code: 'FROM node:24\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\n' },
    { name: 'a global ARG without a value only feeds FROM', code: 'ARG REGISTRY_TOKEN\nFROM alpine:3.22\nRUN echo hi\n' },
    { name: 'ENV from a variable that is not a build argument', code: 'FROM alpine:3.22\nENV BASE=x\nENV API_TOKEN=${BASE}\n' },
    { name: 'lowercase instructions, escape directive, exec form', code: '# escape=`\nfrom mcr.microsoft.com/windows/servercore:ltsc2025\nenv GPG_KEY=ABCD `\n    TOKEN_URL=https://x/y\nrun ["cmd", "/c", "echo", "hi"]\n' },
    { name: 'half-typed instructions', code: 'FROM alpine:3.22\nENV\nARG\nENV DB_PASSWORD\n' },
  ],
  invalid: [
    {
      name: 'literal ENV after non-ASCII on the line, CRLF',
      code: 'FROM alpine:3.22\r\nENV NOTE=🐳 API_KEY=abc123\r\nENV ÜBER=1 \\\r\n    DB_PASSWORD=hunter2\r\n',
      findings: [
        { range: [1, 12, 1, 19], message: envLiteral('API_KEY') },
        { range: [3, 4, 3, 15], message: envLiteral('DB_PASSWORD') },
      ],
    },
    {
      name: 'legacy ENV form and lowercase name',
      code: 'FROM mcr.microsoft.com/mssql/server:2022-latest\nENV sa_password g0rd0n1!\n',
      findings: [{ range: [1, 4, 1, 15], message: envLiteral('sa_password') }],
    },
    {
      name: 'a value-less ARG used by RUNs becomes a secret mount',
      code: 'FROM node:24\nWORKDIR /app\n# token for the private registry\nARG NPM_TOKEN\nCOPY package.json package-lock.json ./\nRUN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc \\\n# install, then forget the token\n && npm ci && rm .npmrc\nRUN ["sh", "-c", "npm publish --token $NPM_TOKEN"]\n',
      findings: [
        {
          range: [3, 4, 3, 13],
          message: buildArg('NPM_TOKEN'),
          fixes: [
            {
              title: "Pass 'NPM_TOKEN' as a build secret: add --mount=type=secret,id=npm_token,env=NPM_TOKEN to the 2 RUNs that use it and remove the ARG",
              output:
                'FROM node:24\nWORKDIR /app\n# token for the private registry\nCOPY package.json package-lock.json ./\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN echo "//registry.npmjs.org/:_authToken=${NPM_TOKEN}" > .npmrc \\\n# install, then forget the token\n && npm ci && rm .npmrc\nRUN --mount=type=secret,id=npm_token,env=NPM_TOKEN ["sh", "-c", "npm publish --token $NPM_TOKEN"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'camelCase name, other mounts kept, heredoc, CRLF',
      code: 'FROM golang:1.27\r\nARG githubToken=\r\nRUN --mount=type=cache,target=/go/pkg/mod <<EOF\r\ngit config --global url."https://${githubToken}@github.com/".insteadOf "https://github.com/"\r\ngo mod download\r\nEOF\r\n',
      findings: [
        {
          range: [1, 4, 1, 15],
          message: buildArg('githubToken'),
          fixes: [
            {
              title: "Pass 'githubToken' as a build secret: add --mount=type=secret,id=githubtoken,env=githubToken to the RUN that uses it and remove the ARG",
              output: 'FROM golang:1.27\r\nRUN --mount=type=secret,id=githubtoken,env=githubToken --mount=type=cache,target=/go/pkg/mod <<EOF\r\ngit config --global url."https://${githubToken}@github.com/".insteadOf "https://github.com/"\r\ngo mod download\r\nEOF\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'an ARG copied into ENV: both reported, no mount fix',
      code: 'FROM node:24 AS build\nARG SENTRY_AUTH_TOKEN\nENV SENTRY_AUTH_TOKEN=$SENTRY_AUTH_TOKEN\nRUN npm run build\n',
      findings: [
        { range: [1, 4, 1, 21], message: buildArg('SENTRY_AUTH_TOKEN') },
        { range: [2, 4, 2, 21], message: copied('SENTRY_AUTH_TOKEN', 'SENTRY_AUTH_TOKEN') },
      ],
    },
    {
      name: 'literal defaults, before and after FROM; an ARG no RUN names gets no fix',
      code: 'ARG API_KEY=abc123\nFROM alpine:3.22\nARG DB_PASSWORD=changeme\nARG CLIENT_SECRET\nRUN ./configure\n',
      findings: [
        { range: [0, 4, 0, 11], message: argLiteral('API_KEY') },
        { range: [2, 4, 2, 15], message: argLiteral('DB_PASSWORD') },
        { range: [3, 4, 3, 17], message: buildArg('CLIENT_SECRET') },
      ],
    },
  ],
});
