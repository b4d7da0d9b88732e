// Every snippet in snippets/ is expanded with its placeholder defaults and linted
// with the engine under the project's default rule severities. A snippet must
// lint clean at info or above, unless ALLOWED below gives a reason.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { lint, parse, type FileAccess, type Finding, type Language } from '../../server/src/engine';
import { DOCKERIGNORE_TEMPLATES, type Ecosystem } from '../../server/src/engine/dockerignore-templates';
import { REPO } from '../support/lsp-client';

interface Snippet {
  prefix: string | string[];
  description: string;
  body: string | string[];
}

function load(file: string): Map<string, Snippet> {
  const raw = JSON.parse(readFileSync(join(REPO, 'snippets', file), 'utf8')) as Record<string, Snippet>;
  return new Map(Object.entries(raw));
}

function prefixes(s: Snippet): string[] {
  return Array.isArray(s.prefix) ? s.prefix : [s.prefix];
}

function bodyText(s: Snippet): string {
  return Array.isArray(s.body) ? s.body.join('\n') : s.body;
}

// --- VS Code snippet syntax, expanded with every placeholder's default -------

const VARIABLES: Record<string, string> = { TM_FILENAME: 'Dockerfile', TM_FILENAME_BASE: 'Dockerfile', TM_DIRECTORY: '/project', WORKSPACE_NAME: 'project' };

/** Expands `text` from `i` until `stop` (a closing `}` of an enclosing placeholder); returns the text and where it ended. */
function expandFrom(text: string, i: number, stop: string | undefined, stops: Set<number>): [string, number] {
  let out = '';
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1]!)) {
      out += text[i + 1];
      i += 2;
    } else if (stop !== undefined && c === stop) {
      return [out, i];
    } else if (c === '$') {
      const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(i));
      if (simple) {
        const name = simple[1]!;
        if (/^\d+$/.test(name)) stops.add(Number(name));
        else out += VARIABLES[name] ?? '';
        i += simple[0].length;
        continue;
      }
      const choice = /^\$\{(\d+)\|((?:[^|\\]|\\.)*)\|\}/.exec(text.slice(i));
      if (choice) {
        stops.add(Number(choice[1]));
        out += (choice[2]!.split(/(?<!\\),/)[0] ?? '').replace(/\\(.)/g, '$1');
        i += choice[0].length;
        continue;
      }
      const open = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)(:|\})/.exec(text.slice(i));
      assert.ok(open, `unreadable snippet syntax at ${JSON.stringify(text.slice(i, i + 20))}`);
      const name = open[1]!;
      i += open[0].length;
      let value = '';
      if (open[2] === ':') {
        const [inner, end] = expandFrom(text, i, '}', stops);
        assert.equal(text[end], '}', `unclosed placeholder \${${name}:…`);
        value = inner;
        i = end + 1;
      }
      if (/^\d+$/.test(name)) {
        stops.add(Number(name));
        out += value;
      } else {
        out += VARIABLES[name] ?? value;
      }
    } else {
      out += c;
      i++;
    }
  }
  assert.equal(stop, undefined, 'snippet ends inside a placeholder');
  return [out, i];
}

export function expandSnippet(body: string): { text: string; tabStops: number[] } {
  const stops = new Set<number>();
  const [text] = expandFrom(body, 0, undefined, stops);
  return { text, tabStops: [...stops].sort((a, b) => a - b) };
}

// --- How each snippet is linted -------------------------------------------

function files(map: Record<string, string>): FileAccess {
  const has = (p: string): boolean => Object.prototype.hasOwnProperty.call(map, p) || Object.keys(map).some((k) => k.startsWith(`${p.replace(/\/$/, '')}/`));
  return { exists: has, read: (p) => map[p] };
}

const DOCKERFILE_FILES = files({
  '.dockerignore': DOCKERIGNORE_TEMPLATES.node.join('\n'),
  'package.json': '{}',
  'package-lock.json': '{}',
  'pnpm-lock.yaml': '',
  'requirements.txt': '',
  'go.mod': 'module example.com/app\n',
  'go.sum': '',
});

const COMPOSE_FILES = files({
  Dockerfile: 'FROM scratch\n',
  '.env': 'POSTGRES_PASSWORD=x\n',
  '.env.local': '',
  'secrets/db_password.txt': 'x',
  'src/index.js': '',
});

/** Each .dockerignore template is linted beside the manifest of its ecosystem (DI101 reads them). */
const IGNORE_FILES: Record<string, FileAccess> = {
  'di-node': files({ Dockerfile: 'FROM node:22-alpine\n', 'package.json': '{}' }),
  'di-python': files({ Dockerfile: 'FROM python:3.12-slim\n', 'requirements.txt': '' }),
  'di-go': files({ Dockerfile: 'FROM golang:1.23\n', 'go.mod': 'module example.com/app\n' }),
  'di-general': files({ Dockerfile: 'FROM alpine:3.20\n' }),
};

/** Dockerfile fragments: the lines around them that make a minimal Dockerfile. */
const DOCKERFILE_WRAPPERS: Record<string, { before: string[]; after: string[] }> = {
  'df-user-debian': { before: ['FROM debian:12-slim'], after: [] },
  'df-user-alpine': { before: ['FROM alpine:3.20'], after: [] },
  'df-healthcheck-curl': { before: ['FROM debian:12-slim'], after: ['USER nobody'] },
  'df-healthcheck-wget': { before: ['FROM alpine:3.20'], after: ['USER nobody'] },
  'df-healthcheck-nc': { before: ['FROM alpine:3.20'], after: ['USER nobody'] },
  'df-healthcheck-python': { before: ['FROM python:3.12-slim'], after: ['USER nobody'] },
  'df-apt-install': { before: ['FROM debian:12-slim'], after: ['USER nobody'] },
  'df-apk-add': { before: ['FROM alpine:3.20'], after: ['USER nobody'] },
  'df-arg-env-version': { before: ['FROM alpine:3.20'], after: ['USER nobody'] },
  'df-cache-npm': { before: ['FROM node:22-alpine', 'WORKDIR /app', 'COPY package.json package-lock.json ./'], after: ['USER node'] },
  'df-cache-pip': { before: ['FROM python:3.12-slim', 'WORKDIR /app', 'COPY requirements.txt .'], after: ['USER nobody'] },
  'df-secret-mount': { before: ['FROM alpine:3.20', 'WORKDIR /app', 'COPY scripts/ scripts/'], after: ['USER nobody'] },
  'df-dumb-init': { before: ['FROM node:22-alpine', 'WORKDIR /app'], after: ['USER node'] },
  'df-layer-order': { before: ['FROM node:22-alpine'], after: ['USER node', 'CMD ["node", "server.js"]'] },
};

/** Compose fragments: what the rest of the file must define for them (service fragments go under `services:`). */
const COMPOSE_CONTEXT: Record<string, { services?: string[]; topLevel?: string[] }> = {
  'dc-depends-healthy': {
    services: ['  db:', '    image: postgres:16-alpine', '    healthcheck:', '      test: ["CMD-SHELL", "pg_isready"]'],
  },
  'dc-postgres': { topLevel: ['volumes:', '  db-data:'] },
  'dc-redis': { topLevel: ['volumes:', '  redis-data:'] },
  'dc-mysql': { topLevel: ['volumes:', '  mysql-data:'] },
  'dc-external-network': { services: ['  app:', '    image: example/app:1.0.0', '    networks:', '      - proxy'] },
  'dc-network-aliases': { topLevel: ['networks:', '  backend:'] },
  'dc-named-volume': { services: ['  app:', '    image: example/app:1.0.0', '    volumes:', '      - data:/data'] },
};

/**
 * Findings at info or above a snippet may keep, one line of reason each, as
 * `prefix: ruleId`. Keep this minimal: prefer snippets that lint clean.
 */
const ALLOWED: Record<string, string> = {};

type Kind = 'file' | 'fragment' | 'service' | 'top-level';

function composeKind(body: string): Kind {
  if (/^ {2}\S/.test(body)) return 'service';
  if (/^(services:|#)/.test(body)) return 'file';
  return 'top-level';
}

function composeFile(prefix: string, fragment: string, kind: Kind): string {
  const context = COMPOSE_CONTEXT[prefix] ?? {};
  if (kind === 'file') return fragment;
  const lines = ['services:'];
  if (kind === 'service') lines.push(fragment.replace(/\n+$/, ''));
  lines.push(...(context.services ?? []));
  lines.push(...(context.topLevel ?? []));
  if (kind === 'top-level') lines.push(fragment.replace(/\n+$/, ''));
  return `${lines.join('\n')}\n`;
}

function dockerfileFile(prefix: string, fragment: string): string {
  if (/^(# syntax=|FROM\b|#[^\n]*\nFROM\b)/.test(fragment)) return fragment;
  const wrapper = DOCKERFILE_WRAPPERS[prefix];
  assert.ok(wrapper, `${prefix} is a fragment: give it a minimal Dockerfile in DOCKERFILE_WRAPPERS`);
  return `${[...wrapper.before, fragment.replace(/\n+$/, ''), ...wrapper.after].join('\n')}\n`;
}

function findings(text: string, language: Language, fileName: string, fa: FileAccess): Finding[] {
  const errors: string[] = [];
  const out = lint(parse(text, language), { fileName, files: fa }, { onRuleError: (id, e) => errors.push(`${id}: ${String(e)}`) });
  assert.deepEqual(errors, [], 'no rule throws');
  return out.filter((f) => f.severity !== 'hint');
}

function unexpected(prefix: string, found: Finding[], text: string): string[] {
  return found
    .filter((f) => ALLOWED[`${prefix}: ${f.ruleId}`] === undefined)
    .map((f) => `${f.ruleId} (${f.severity}) line ${f.range.start.line + 1} "${text.split('\n')[f.range.start.line]}": ${f.message}`);
}

// --- Tests ---------------------------------------------------------------------

const SETS: { file: string; language: Language; fileName: string; leading: string }[] = [
  { file: 'dockerfile.json', language: 'dockerfile', fileName: 'Dockerfile', leading: 'df-' },
  { file: 'compose.json', language: 'dockercompose', fileName: 'compose.yaml', leading: 'dc-' },
  { file: 'dockerignore.json', language: 'dockerignore', fileName: '.dockerignore', leading: 'di-' },
];

/** Every pattern PATTERNS.md lists, by the prefix that offers it. */
const REQUIRED = [
  'df-multistage-python', 'df-python-venv', 'df-node-nginx', 'df-node-alpine-pnpm', 'df-node-three-stage', 'df-nextjs-standalone',
  'df-go-scratch', 'df-go-distroless', 'df-user-debian', 'df-user-alpine', 'df-healthcheck-curl', 'df-healthcheck-wget',
  'df-healthcheck-nc', 'df-healthcheck-python', 'df-apt-install', 'df-apk-add', 'df-arg-env-version', 'df-cache-npm',
  'df-cache-pip', 'df-secret-mount', 'df-dumb-init', 'df-layer-order',
  'dc-dev-stack', 'dc-depends-healthy', 'dc-postgres', 'dc-redis', 'dc-mysql', 'dc-secrets', 'dc-network-isolation',
  'dc-external-network', 'dc-network-aliases', 'dc-named-volume', 'dc-bind-mount', 'dc-tmpfs', 'dc-read-only', 'dc-cap-drop',
  'dc-production', 'dc-override', 'dc-env-files',
  'di-node', 'di-python', 'di-go', 'di-general',
];

const usedAllowances = new Set<string>();

test('every pattern PATTERNS.md lists has a snippet, and prefixes are unique', () => {
  const all = SETS.flatMap((s) => [...load(s.file).values()].flatMap(prefixes));
  assert.deepEqual(REQUIRED.filter((p) => !all.includes(p)), [], 'patterns without a snippet');
  assert.deepEqual(all.filter((p, i) => all.indexOf(p) !== i), [], 'duplicate prefixes');
});

for (const set of SETS) {
  describe(`snippets/${set.file}`, () => {
    for (const [name, snippet] of load(set.file)) {
      const [prefix] = prefixes(snippet) as [string];
      test(`${prefix} (${name})`, () => {
        assert.ok(prefix.startsWith(set.leading), `the first prefix starts with ${set.leading}`);
        assert.ok(snippet.description.length >= 20, 'has a description');
        const { text, tabStops } = expandSnippet(bodyText(snippet));
        assert.ok(tabStops.length > 0, 'has at least one tab stop');
        let file: string;
        if (set.language === 'dockerfile') file = dockerfileFile(prefix, text);
        else if (set.language === 'dockercompose') file = composeFile(prefix, text, composeKind(text));
        else file = text;
        const fa = set.language === 'dockercompose' ? COMPOSE_FILES : set.language === 'dockerignore' ? IGNORE_FILES[prefix] : DOCKERFILE_FILES;
        assert.ok(fa, `${prefix}: no project files to lint it beside`);
        const found = findings(file, set.language, set.fileName, fa);
        for (const f of found) if (ALLOWED[`${prefix}: ${f.ruleId}`] !== undefined) usedAllowances.add(`${prefix}: ${f.ruleId}`);
        assert.deepEqual(unexpected(prefix, found, file), [], `findings in the expanded snippet:\n${file}`);
      });
    }
  });
}

test('every ALLOWED entry is still needed', () => {
  assert.deepEqual(Object.keys(ALLOWED).filter((k) => !usedAllowances.has(k)), []);
});

test('compose snippets pass the Compose-spec schema (DC401) when merged into a file', () => {
  for (const [name, snippet] of load('compose.json')) {
    const [prefix] = prefixes(snippet) as [string];
    const text = expandSnippet(bodyText(snippet)).text;
    const file = composeFile(prefix, text, composeKind(text));
    const schema = lint(parse(file, 'dockercompose'), { fileName: 'compose.yaml', files: COMPOSE_FILES, config: { rules: { DC401: 'error' } } }).filter((f) => f.ruleId === 'DC401');
    assert.deepEqual(schema.map((f) => f.message), [], `${name}:\n${file}`);
  }
});

test('.dockerignore snippets hold exactly the lines of the engine templates', () => {
  const snippets = load('dockerignore.json');
  for (const ecosystem of Object.keys(DOCKERIGNORE_TEMPLATES) as Ecosystem[]) {
    const snippet = [...snippets.values()].find((s) => prefixes(s).includes(`di-${ecosystem}`));
    assert.ok(snippet, `di-${ecosystem} exists`);
    const lines = expandSnippet(bodyText(snippet)).text.split('\n');
    assert.equal(lines.pop(), '', 'ends with the final tab stop on its own line');
    assert.deepEqual(lines, DOCKERIGNORE_TEMPLATES[ecosystem]);
  }
});

test('the snippet expander reads VS Code snippet syntax', () => {
  assert.deepEqual(expandSnippet('a $1 ${2:b ${3:c}} ${4|x,y|} \\$HOME \\${X} $TM_FILENAME ${UNKNOWN:d} $0'), {
    text: 'a  b c x $HOME ${X} Dockerfile d ',
    tabStops: [0, 1, 2, 3, 4],
  });
});
