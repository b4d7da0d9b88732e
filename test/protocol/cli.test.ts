import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { REPO } from '../support/lsp-client';

const BIN = join(REPO, 'bin', 'docker-patterns.js');

function run(args: string[], cwd = REPO) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('docker-patterns CLI', () => {
  let folder: string;

  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'dp-cli-'));
    writeFileSync(join(folder, 'Dockerfile'), 'FROM node:24-alpine\nUSER node\nCMD ["node", "a.js"]\n');
    mkdirSync(join(folder, 'svc'));
    writeFileSync(join(folder, 'svc', 'api.Dockerfile'), 'FROM python:slim\nUSER app\nCMD ["app"]\n');
    writeFileSync(join(folder, 'svc', 'docker-compose.yml'), 'version: "3"\r\nservices:\r\n  db:\r\n    image: postgres:18\r\n');
    writeFileSync(join(folder, 'svc', 'notes.yaml'), 'services: [a]\n');
    mkdirSync(join(folder, 'node_modules', 'x'), { recursive: true });
    writeFileSync(join(folder, 'node_modules', 'x', 'Dockerfile'), 'FROM node\n');
  });

  after(() => rmSync(folder, { recursive: true, force: true }));

  test('--format json prints the documented shape with 1-based positions', () => {
    const r = run(['lint', '--format', 'json', folder]);
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [
      { filePath: join(folder, 'Dockerfile'), messages: [] },
      {
        filePath: join(folder, 'svc', 'api.Dockerfile'),
        messages: [
          {
            ruleId: 'DF301',
            severity: 'warning',
            message: "'python:slim' names a variant but no version, so it moves with every release. Pin a version (or a digest) so builds are repeatable.",
            line: 1,
            column: 6,
            endLine: 1,
            endColumn: 17,
          },
        ],
      },
      {
        filePath: join(folder, 'svc', 'docker-compose.yml'),
        messages: [
          {
            ruleId: 'DC302',
            severity: 'warning',
            message: "The top-level 'version' is obsolete: Compose ignores it and warns on every run. Remove it.",
            line: 1,
            column: 1,
            endLine: 1,
            endColumn: 8,
          },
        ],
      },
    ]);
  });

  test('exit code follows --fail-on', () => {
    assert.equal(run(['lint', '--fail-on', 'error', folder]).code, 0);
    assert.equal(run(['lint', '--fail-on', 'none', folder]).code, 0);
    assert.equal(run(['lint', join(folder, 'Dockerfile')]).code, 0);
  });

  test('usage and I/O errors exit 2', () => {
    assert.equal(run(['lint', '--format', 'xml', folder]).code, 2);
    assert.equal(run(['frobnicate']).code, 2);
    assert.equal(run(['lint', '--bogus']).code, 2);
    const missing = run(['lint', join(folder, 'missing')]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /missing/);
  });

  test('stylish output names file, position, severity, message and rule', () => {
    const r = run(['lint', join(folder, 'svc', 'api.Dockerfile')]);
    assert.equal(
      r.stdout,
      `${join(folder, 'svc', 'api.Dockerfile')}\n  1:6  warning  'python:slim' names a variant but no version, so it moves with every release. Pin a version (or a digest) so builds are repeatable.  DF301\n\n1 problem (0 error, 1 warning, 0 info, 0 hint) in 1 file.\n`,
    );
  });

  test('sarif output is SARIF 2.1.0 with rules and regions', () => {
    const log = JSON.parse(run(['lint', '--format', 'sarif', join(folder, 'svc', 'api.Dockerfile')]).stdout) as {
      version: string;
      runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: object } }[] }[] }[];
    };
    assert.equal(log.version, '2.1.0');
    assert.equal(log.runs[0].tool.driver.name, 'docker-patterns');
    assert.ok(log.runs[0].tool.driver.rules.some((r) => r.id === 'DF301'));
    assert.deepEqual(
      log.runs[0].results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.region]),
      [['DF301', 'warning', { startLine: 1, startColumn: 6, endLine: 1, endColumn: 17 }]],
    );
  });

  test('--fix applies only meaning-preserving fixes and keeps CRLF', () => {
    const copy = mkdtempSync(join(tmpdir(), 'dp-fix-'));
    try {
      writeFileSync(join(copy, 'compose.yaml'), 'version: "3"\r\nservices:\r\n  db:\r\n    image: postgres\r\n');
      const r = run(['lint', '--fix', '--format', 'json', copy]);
      assert.equal(readFileSync(join(copy, 'compose.yaml'), 'utf8'), 'services:\r\n  db:\r\n    image: postgres\r\n');
      assert.deepEqual((JSON.parse(r.stdout) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId), ['DC301']);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  test('project config files set severities: ours over hadolint\'s', () => {
    const project = mkdtempSync(join(tmpdir(), 'dp-config-'));
    try {
      mkdirSync(join(project, 'app'));
      writeFileSync(join(project, 'app', 'Dockerfile'), 'FROM node\nCMD ["node", "a.js"]\n');
      writeFileSync(join(project, '.hadolint.yaml'), 'ignored: [DL3002]\noverride:\n  error: [DL3006]\n');
      const ids = () =>
        (JSON.parse(run(['lint', '--format', 'json', project]).stdout) as { messages: { ruleId: string; severity: string }[] }[])[0].messages
          .filter((m) => m.ruleId === 'DF101' || m.ruleId === 'DF301')
          .map((m) => `${m.ruleId}:${m.severity}`);
      assert.deepEqual(ids(), ['DF301:error']);
      writeFileSync(join(project, 'app', '.docker-patterns.yaml'), 'rules:\n  DF301: info\n  DF101: warning\n');
      assert.deepEqual(ids(), ['DF101:warning', 'DF301:info']);
      writeFileSync(join(project, 'app', '.docker-patterns.yaml'), 'rules: [\n');
      const broken = run(['lint', project]);
      assert.match(broken.stderr, /ignoring config .*\.docker-patterns\.yaml/);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  test('rules --format json lists every rule', () => {
    const rules = JSON.parse(run(['rules', '--format', 'json']).stdout) as { id: string; name: string; severity: string; languages: string[]; fixable: boolean }[];
    assert.deepEqual(rules.find((r) => r.id === 'DF101'), { id: 'DF101', name: 'no-root-user', severity: 'warning', languages: ['dockerfile'], fixable: true });
    assert.deepEqual(rules.map((r) => r.id), [...rules.map((r) => r.id)].sort());
  });
});
