import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { checkEveryFix, checkIncremental, corpus, editedVersions, globalArgVersions, mutatedSample, randomText, safeLint, serviceGraphVersions, stageGraphVersions, tokenSoup } from './properties';

describe('the engine never throws and never runs away', () => {
  const samples = corpus();

  test('random text in every language', () => {
    fc.assert(
      fc.property(randomText, ([text, language]) => {
        safeLint(text, language);
      }),
      { numRuns: 400, seed: 20261124 },
    );
  });

  test('Dockerfile-ish and YAML-ish token soup', () => {
    fc.assert(
      fc.property(tokenSoup, ([text, language]) => {
        safeLint(text, language);
      }),
      { numRuns: 400, seed: 7 },
    );
  });

  test('mutated real files', () => {
    fc.assert(
      fc.property(mutatedSample(samples), (sample) => {
        safeLint(sample.text, sample.language);
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  test('every fix offered on mutated real files', () => {
    fc.assert(
      fc.property(mutatedSample(samples), (sample) => {
        checkEveryFix(sample);
      }),
      { numRuns: 60, seed: 11 },
    );
  });

  test('a Dockerfile linted with its previous version gives what a fresh lint gives', () => {
    fc.assert(
      fc.property(editedVersions(samples, 'dockerfile'), ({ versions }) => {
        checkIncremental(versions, 'dockerfile');
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  test('small multi-stage Dockerfiles whose lines are replaced: findings follow changes in other stages', () => {
    fc.assert(
      fc.property(stageGraphVersions, ({ versions }) => {
        checkIncremental(versions, 'dockerfile');
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  test('small Dockerfiles whose global ARGs change and whose stages move: findings follow', () => {
    fc.assert(
      fc.property(globalArgVersions, ({ versions }) => {
        checkIncremental(versions, 'dockerfile');
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  test('small Compose files whose lines are replaced: the tree and findings follow changes in other services', () => {
    fc.assert(
      fc.property(serviceGraphVersions, ({ versions }) => {
        checkIncremental(versions, 'dockercompose');
      }),
      { numRuns: 300, seed: 6 },
    );
  });

  test('a Compose file parsed with its previous version gives the tree and findings a fresh parse gives', () => {
    fc.assert(
      fc.property(editedVersions(samples, 'dockercompose'), ({ versions }) => {
        checkIncremental(versions, 'dockercompose');
      }),
      { numRuns: 150, seed: 5 },
    );
  });

  test('YAML alias bombs, a 1 MB line, deep nesting', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    safeLint(`${bomb.join('\n')}\nservices:\n  web:\n    <<: *j\n    image: *j\n`, 'dockercompose');
    safeLint(`services:\n  a: &a\n    image: nginx:1.30\n    <<: *a\n`, 'dockercompose');
    // dockerfile-ast alone needs about two seconds for a megabyte-long instruction.
    const long = 'a'.repeat(1_000_000);
    safeLint(`FROM node:${long}\nRUN echo ${long} | grep ${long}\n`, 'dockerfile', 15_000);
    safeLint(`services:\n  web:\n    image: "${long}"\n    command: ${long}\n`, 'dockercompose', 15_000);
    safeLint(`${long}\n!${long}\n`, 'dockerignore', 15_000);
    safeLint('x: '.concat('['.repeat(5_000), ']'.repeat(5_000)), 'dockercompose');
    safeLint('RUN '.concat('$('.repeat(5_000)), 'dockerfile');
  });
});

describe('every offered fix on every corpus file', () => {
  test('edits never overlap, leave no RUN with an operator missing its command, re-lint cleanly, and are idempotent', () => {
    const applied = corpus().reduce((n, sample) => n + checkEveryFix(sample), 0);
    assert.ok(applied > 100, `fixes were exercised (${applied})`);
  });
});
