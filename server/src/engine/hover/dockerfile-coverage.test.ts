import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DockerfileModel } from '../dockerfile/model';
import { INSTRUCTION_DOCS } from '../dockerfile/instruction-docs';
import type { Position, Range } from '../types';
import { dockerfileHover } from './dockerfile';
import { DIRECTIVE_DOCS, FLAG_DOCS, MOUNT_OPTIONS, MOUNT_TYPES, type MountType } from './dockerfile-flags';

/** Hover at the first occurrence of `needle` (offset `at` into it) in `text`. */
function hoverAt(text: string, needle: string, at = 0, occurrence = 0) {
  const lines = text.split('\n');
  let seen = 0;
  for (let line = 0; line < lines.length; line++) {
    let from = 0;
    for (;;) {
      const character = lines[line].indexOf(needle, from);
      if (character < 0) break;
      if (seen++ === occurrence) {
        const position: Position = { line, character: character + at };
        return dockerfileHover(new DockerfileModel(text), position, {});
      }
      from = character + 1;
    }
  }
  throw new Error(`${needle} not in ${text}`);
}

function r(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

const SAMPLE_ARGS: Record<string, string> = {
  FROM: 'alpine:3.24',
  RUN: 'true',
  CMD: '["true"]',
  LABEL: 'a=b',
  MAINTAINER: 'me',
  EXPOSE: '80',
  ENV: 'A=1',
  ADD: 'a /a',
  COPY: 'a /a',
  ENTRYPOINT: '["true"]',
  VOLUME: '/data',
  USER: 'app',
  WORKDIR: '/app',
  ARG: 'X=1',
  ONBUILD: 'RUN true',
  STOPSIGNAL: 'SIGTERM',
  HEALTHCHECK: 'CMD true',
  SHELL: '["/bin/sh", "-c"]',
};

test('every instruction keyword has a hover over exactly the keyword', () => {
  for (const keyword of Object.keys(INSTRUCTION_DOCS)) {
    const line = `${keyword} ${SAMPLE_ARGS[keyword] ?? 'x'}`;
    const text = keyword === 'FROM' ? `${line}\n` : `FROM alpine:3.24\n${line}\n`;
    const row = keyword === 'FROM' ? 0 : 1;
    const hover = hoverAt(text, line, 1);
    assert.ok(hover, `no hover for ${keyword}`);
    assert.match(hover.contents, new RegExp(`\\*\\*${keyword}\\*\\*`));
    assert.deepEqual(hover.range, r(row, 0, row, keyword.length), keyword);
  }
});

const FLAG_SAMPLES: Record<string, string> = {
  from: 'build', chown: 'app:app', chmod: '0755', checksum: 'sha256:00', platform: 'linux/amd64', network: 'none',
  security: 'sandbox', device: 'nvidia.com/gpu=all', mount: 'type=cache,target=/c', exclude: '*.md',
  interval: '10s', timeout: '3s', 'start-period': '5s', 'start-interval': '1s', retries: '5',
};

function flagLine(keyword: string, flag: string): string {
  const value = FLAG_SAMPLES[flag];
  const written = value === undefined ? `--${flag}` : `--${flag}=${value}`;
  switch (keyword) {
    case 'FROM': return `FROM ${written} alpine:3.24 AS next`;
    case 'RUN': return `RUN ${written} true`;
    case 'HEALTHCHECK': return `HEALTHCHECK ${written} CMD true`;
    default: return `${keyword} ${written} a /a`;
  }
}

test('every flag of every instruction has a hover over the whole flag', () => {
  let count = 0;
  for (const [flag, doc] of Object.entries(FLAG_DOCS)) {
    for (const keyword of doc.instructions) {
      const line = flagLine(keyword, flag);
      const text = `FROM alpine:3.24 AS build\n${line}\n`;
      const hover = hoverAt(text, `--${flag}`, 3);
      assert.ok(hover, `no hover for ${keyword} --${flag}`);
      assert.match(hover.contents, new RegExp(`--${flag}`), `${keyword} --${flag}`);
      const start = line.indexOf('--');
      const end = start + (FLAG_SAMPLES[flag] === undefined ? flag.length + 2 : flag.length + 3 + FLAG_SAMPLES[flag].length);
      assert.deepEqual(hover.range, r(1, start, 1, end), `${keyword} --${flag}`);
      count++;
    }
  }
  assert.ok(count >= 20);
});

test('HEALTHCHECK options state their defaults', () => {
  const defaults: Record<string, string> = { interval: '30s', timeout: '30s', 'start-period': '0s', 'start-interval': '5s', retries: '3' };
  for (const [flag, value] of Object.entries(defaults)) {
    const hover = hoverAt(`FROM alpine:3.24\n${flagLine('HEALTHCHECK', flag)}\n`, `--${flag}`, 2);
    assert.ok(hover?.contents.includes(`Default: \`${value}\``), flag);
  }
});

test('enumerated flag values explain that value, at the value', () => {
  for (const [flag, values] of [['network', ['default', 'none', 'host']], ['security', ['insecure', 'sandbox']]] as const) {
    for (const value of values) {
      const line = `RUN --${flag}=${value} true`;
      const hover = hoverAt(`FROM alpine:3.24\n${line}\n`, `=${value}`, 1);
      assert.ok(hover, `${flag}=${value}`);
      assert.match(hover.contents, new RegExp(`\`${value}\``));
      const start = line.indexOf('=') + 1;
      assert.deepEqual(hover.range, r(1, start, 1, start + value.length));
    }
  }
});

const OPTION_SAMPLES: Record<string, string> = {
  target: '/t', source: 'src', from: 'build', rw: 'true', readonly: 'true', id: 'x', sharing: 'locked', mode: '0700',
  uid: '1000', gid: '1000', size: '64m', required: 'true', env: 'TOKEN',
};

test('every --mount type and every option (and alias) has a hover over the option', () => {
  for (const type of Object.keys(MOUNT_TYPES) as MountType[]) {
    const typeHover = hoverAt(`FROM alpine:3.24 AS build\nRUN --mount=type=${type} true\n`, `type=${type}`, 1);
    assert.ok(typeHover, type);
    assert.ok(typeHover.contents.includes(`type=${type}`), type);
    assert.deepEqual(typeHover.range, r(1, 12, 1, 17 + type.length));
  }
  for (const [option, doc] of Object.entries(MOUNT_OPTIONS)) {
    if (option === 'type') continue;
    for (const type of doc.types) {
      for (const name of [option, ...(doc.aliases ?? [])]) {
        const written = `${name}=${OPTION_SAMPLES[option]}`;
        const line = `RUN --mount=type=${type},${written} true`;
        const hover = hoverAt(`FROM alpine:3.24 AS build\n${line}\n`, `,${name}=`, 1);
        assert.ok(hover, `${type} ${name}`);
        assert.ok(hover.contents.includes(`\`${name}\``), `${type} ${name}: ${hover.contents}`);
        const start = line.indexOf(`,${name}=`) + 1;
        assert.deepEqual(hover.range, r(1, start, 1, start + written.length), `${type} ${name}`);
      }
    }
  }
});

test('a cache target explains the option, not the whole flag', () => {
  const hover = hoverAt('FROM alpine:3.24\nRUN --mount=type=cache,target=/x true\n', 'target', 2);
  assert.ok(hover);
  assert.deepEqual(hover.range, r(1, 23, 1, 32));
  assert.match(hover.contents, /^\*\*`target`\*\*: option of a `cache` mount/);
});

test('sharing values explain themselves', () => {
  for (const value of ['shared', 'private', 'locked']) {
    const hover = hoverAt(`FROM alpine:3.24\nRUN --mount=type=cache,target=/x,sharing=${value} true\n`, `=${value}`, 2);
    assert.ok(hover?.contents.includes(`\`${value}\``), value);
  }
});

test('every parser directive has a hover, and check= parts too', () => {
  for (const name of Object.keys(DIRECTIVE_DOCS)) {
    const value = name === 'syntax' ? 'docker/dockerfile:1' : name === 'escape' ? '`' : 'skip=all';
    const hover = hoverAt(`# ${name}=${value}\nFROM alpine:3.24\n`, name, 1);
    assert.ok(hover, name);
    assert.ok(hover.contents.includes(`Parser directive \`${name}\``), name);
    assert.deepEqual(hover.range, r(0, 0, 0, name.length + value.length + 3));
  }
  const text = '# check=skip=JSONArgsRecommended;error=true\nFROM alpine:3.24\n';
  const skip = hoverAt(text, 'skip=', 1);
  assert.deepEqual(skip?.range, r(0, 8, 0, 32));
  const error = hoverAt(text, 'error=', 1);
  assert.deepEqual(error?.range, r(0, 33, 0, 43));
  assert.match(error.contents, /fails the build/);
});

test('the HEALTHCHECK subcommand and ONBUILD triggers have hovers', () => {
  assert.ok(hoverAt('FROM alpine:3.24\nHEALTHCHECK NONE\n', 'NONE', 1)?.contents.includes('HEALTHCHECK NONE'));
  const trigger = hoverAt('FROM alpine:3.24\nONBUILD COPY --chown=1:1 a /a\n', '--chown', 3);
  assert.ok(trigger?.contents.includes('--chown'));
  const keyword = hoverAt('FROM alpine:3.24\nONBUILD RUN true\n', 'RUN', 1);
  assert.ok(keyword?.contents.includes('**RUN**'));
});

test('a flag an instruction does not take says so', () => {
  const hover = hoverAt('FROM alpine:3.24\nCOPY --checksum=sha256:00 a /a\n', '--checksum', 3);
  assert.ok(hover?.contents.includes('Not accepted by `COPY`'));
  const unknown = hoverAt('FROM alpine:3.24\nCOPY --bogus a /a\n', '--bogus', 3);
  assert.ok(unknown?.contents.includes('not a flag of `COPY`'));
});
