import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits, ignoreActions, lint, parse, type Language } from '.';

/** The rules these tests exercise; others may fire on the same text and are not the point here. */
const WATCHED = new Set(['DF101', 'DF301', 'DC301', 'DC302']);

function ids(text: string, language: Language = 'dockerfile'): string[] {
  return lint(parse(text, language), { fileName: language === 'dockerfile' ? 'Dockerfile' : 'compose.yaml' })
    .filter((f) => WATCHED.has(f.ruleId))
    .map((f) => `${f.ruleId}@${f.range.start.line}`);
}

const APP = 'CMD ["app"]\n';

describe('Dockerfile ignore comments', () => {
  test('nothing suppressed without comments', () => {
    assert.deepEqual(ids(`FROM node\n${APP}`), ['DF101@0', 'DF301@0']);
  });
  test('our own: next instruction, and file-wide', () => {
    assert.deepEqual(ids(`# dockerpatterns ignore=DF301\nFROM node\n${APP}`), ['DF101@1']);
    assert.deepEqual(ids(`FROM node\n# dockerpatterns ignore-file=DF101, DF301\n${APP}`), []);
  });
  test('hadolint codes map through the peer column', () => {
    assert.deepEqual(ids(`# hadolint ignore=DL3006,DL3007\nFROM node\n${APP}`), ['DF101@1']);
    assert.deepEqual(ids(`# hadolint global ignore=DL3002\nFROM node\n${APP}`), ['DF301@1']);
    assert.deepEqual(ids(`FROM node AS a\n# hadolint stage ignore=DL3006\nRUN true\nFROM python AS b\n${APP}`), ['DF101@3', 'DF301@0', 'DF301@3'].sort((a, b) => Number(a.split('@')[1]) - Number(b.split('@')[1]) || a.localeCompare(b)));
  });
  test('BuildKit check=skip at the top is file-wide, above an instruction only for it', () => {
    assert.deepEqual(ids(`# check=skip=DL3002\nFROM node\n${APP}`), ['DF301@1']);
    assert.deepEqual(ids(`FROM alpine:3.24 AS a\n# check=skip=DL3006\nFROM python\n${APP}`), ['DF101@2']);
  });
  test('an ignore comment does not reach past the next instruction', () => {
    assert.deepEqual(ids(`# dockerpatterns ignore=DF301\nFROM alpine:3.24\nFROM node\n${APP}`), ['DF101@2', 'DF301@2']);
  });
});

describe('Compose ignore comments', () => {
  const compose = 'version: "3"\nservices:\n  a:\n    image: redis\n';
  test('line above, file-wide and dclint forms', () => {
    assert.deepEqual(ids(compose, 'dockercompose'), ['DC302@0', 'DC301@3']);
    assert.deepEqual(ids(`# dockerpatterns ignore=DC302\n${compose}`, 'dockercompose'), ['DC301@4']);
    assert.deepEqual(ids(`${compose}# dockerpatterns ignore-file=DC301\n`, 'dockercompose'), ['DC302@0']);
    assert.deepEqual(ids('version: "3" # dclint disable-line\nservices:\n  a:\n    image: redis\n', 'dockercompose'), ['DC301@3']);
    assert.deepEqual(ids(`# dclint disable-file no-version-field\n${compose}`, 'dockercompose'), ['DC301@4']);
    assert.deepEqual(ids(`# dclint disable-file\n${compose}`, 'dockercompose'), []);
  });
});

describe('Ignore actions', () => {
  function act(text: string, language: Language, rule: string, which: 'line' | 'file'): string {
    const doc = parse(text, language);
    const finding = lint(doc, { fileName: 'x' }).find((f) => f.ruleId === rule);
    assert.ok(finding, `${rule} is reported`);
    const fix = ignoreActions(doc, finding).find((f) => f.title === `Ignore ${rule} for this ${which}`);
    assert.ok(fix);
    const out = applyEdits(text, fix.edits);
    assert.ok(!lint(parse(out, language), { fileName: 'x' }).some((f) => f.ruleId === rule), `${rule} is gone`);
    return out;
  }

  test('for this line: a comment above the instruction, or an existing one extended', () => {
    assert.equal(act(`FROM node\n${APP}`, 'dockerfile', 'DF301', 'line'), `# dockerpatterns ignore=DF301\nFROM node\n${APP}`);
    assert.equal(act(`# dockerpatterns ignore=DF101\nFROM node\n${APP}`, 'dockerfile', 'DF301', 'line'), `# dockerpatterns ignore=DF101,DF301\nFROM node\n${APP}`);
    assert.equal(act('services:\r\n  a:\r\n    image: redis\r\n', 'dockercompose', 'DC301', 'line'), 'services:\r\n  a:\r\n    # dockerpatterns ignore=DC301\r\n    image: redis\r\n');
  });

  test('for this file: after the parser directives, or an existing one extended', () => {
    assert.equal(act(`# syntax=docker/dockerfile:1\nFROM node\n${APP}`, 'dockerfile', 'DF101', 'file'), `# syntax=docker/dockerfile:1\n# dockerpatterns ignore-file=DF101\nFROM node\n${APP}`);
    assert.equal(act(`FROM node\n# dockerpatterns ignore-file=DF101\n${APP}`, 'dockerfile', 'DF301', 'file'), `FROM node\n# dockerpatterns ignore-file=DF101,DF301\n${APP}`);
    assert.equal(act('version: "3"\n', 'dockercompose', 'DC302', 'file'), '# dockerpatterns ignore-file=DC302\nversion: "3"\n');
  });
});
