import { testRule } from '../../test-support/rule-tester';
import { df208 } from './df208-npm-cache';

const cache = (label: string) => `'${label}' leaves npm's download cache (~/.npm) in the image. End the same RUN with 'npm cache clean --force', or give it a cache mount.`;
const deprecated = (flag: string) => `'${flag}' is deprecated since npm 7 and only warns now. Use '--omit=dev' to leave out development dependencies.`;
const clean = (command: string) => `Append npm cache clean: end the RUN of '${command}' with 'npm cache clean --force'`;
const omit = (flag: string, command: string) => `Use --omit=dev: replace '${flag}' in '${command}'`;

testRule(df208, {
  valid: [
    'FROM node:22-alpine\nWORKDIR /app\nRUN npm ci --omit=dev && npm cache clean --force\n',
    { name: 'cache mount', code: 'FROM node:22-alpine\nRUN --mount=type=cache,target=/root/.npm npm ci\n' },
    { name: 'cache mount for the node user', code: 'FROM node:22-alpine\nUSER node\nRUN --mount=type=cache,target=/home/node/.npm,uid=1000,gid=1000 npm ci\n' },
    { name: 'npm_config_cache on a mount', code: 'FROM node:22-alpine\nENV npm_config_cache=/tmp/npm-cache\nRUN --mount=type=cache,target=/tmp/npm-cache npm install\n' },
    { name: 'removing ~/.npm', code: 'FROM node:22-alpine\nRUN npm install -g pnpm && rm -rf ~/.npm\n' },
    {
      name: 'a build stage only copied from',
      code: 'FROM node:22 AS build\nWORKDIR /app\nRUN npm ci && npm run build\nFROM nginx:1.27-alpine\nCOPY --from=build /app/dist /usr/share/nginx/html\n',
    },
    { name: 'npm 6 on Node 14 still means what --only=production says', code: 'FROM node:14 AS build\nRUN npm ci --only=production\nFROM scratch\nCOPY --from=build /app /app\n' },
    { name: 'heredoc that cleans, lowercase keywords', code: 'from node:22\nrun <<EOF\nnpm ci\nnpm cache clean --force\nEOF\n' },
    { name: 'exec form running a shell that cleans', code: 'FROM node:22\nRUN ["sh", "-c", "npm ci && npm cache clean --force"]\n' },
    { name: 'other npm commands', code: 'FROM node:22\nRUN npm run build && npm test\n' },
  ],
  invalid: [
    {
      name: 'npm ci in the final stage',
      code: 'FROM node:22-alpine\nWORKDIR /app\nRUN npm ci\n',
      findings: [{ range: [2, 4, 2, 10], message: cache('npm ci'), fixes: [{ title: clean('npm ci'), output: 'FROM node:22-alpine\nWORKDIR /app\nRUN npm ci && npm cache clean --force\n' }] }],
    },
    {
      name: 'deprecated --only=production: two findings, two fixes',
      code: 'FROM node:20-slim\nRUN npm ci --only=production\n',
      findings: [
        { range: [1, 4, 1, 10], message: cache('npm ci'), fixes: [{ title: clean('npm ci'), output: 'FROM node:20-slim\nRUN npm ci --only=production && npm cache clean --force\n' }] },
        { range: [1, 11, 1, 28], message: deprecated('--only=production'), fixes: [{ title: omit('--only=production', 'npm ci'), output: 'FROM node:20-slim\nRUN npm ci --omit=dev\n' }] },
      ],
    },
    {
      name: 'deprecated flag in a build stage, value apart; the cache does not matter there',
      code: 'FROM node:lts AS deps\nRUN npm install --only prod\nFROM node:lts-slim\nCOPY --from=deps /node_modules /app/node_modules\n',
      findings: [{ range: [1, 16, 1, 27], message: deprecated('--only prod'), fixes: [{ title: omit('--only prod', 'npm install'), output: 'FROM node:lts AS deps\nRUN npm install --omit=dev\nFROM node:lts-slim\nCOPY --from=deps /node_modules /app/node_modules\n' }] }],
    },
    {
      name: 'continuation lines with leading &&, CRLF, wide characters',
      code: 'FROM node:22\r\nRUN echo "📦 dépendances" \\\r\n  && npm install -g pnpm \\\r\n  && pnpm --version\r\n',
      findings: [
        {
          range: [2, 5, 2, 16],
          message: cache('npm install'),
          fixes: [{ title: clean('npm install pnpm'), output: 'FROM node:22\r\nRUN echo "📦 dépendances" \\\r\n  && npm install -g pnpm \\\r\n  && pnpm --version \\\r\n  && npm cache clean --force\r\n' }],
        },
      ],
    },
    {
      name: 'the clean comes before a second install',
      code: 'FROM node:22\nRUN npm ci && npm cache clean --force && npm i -g serve\n',
      findings: [
        {
          range: [1, 41, 1, 46],
          message: cache('npm i'),
          fixes: [{ title: clean('npm i serve'), output: 'FROM node:22\nRUN npm ci && npm cache clean --force && npm i -g serve && npm cache clean --force\n' }],
        },
      ],
    },
    {
      name: 'exec form: reported without fixes',
      code: 'FROM node:22\nRUN ["npm", "ci", "--production"]\n',
      findings: [
        { range: [1, 4, 1, 33], message: deprecated('--production') },
        { range: [1, 4, 1, 33], message: cache('npm ci') },
      ],
    },
  ],
});
