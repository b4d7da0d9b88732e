import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasCacheMount, mounts, shellCommands } from './commands';
import { DockerfileModel } from './model';

function commandsOf(text: string): string[][] {
  const model = new DockerfileModel(text);
  return model.stages.flatMap((s) => s.instructions).flatMap((i) => shellCommands(model, i).map((c) => c.words));
}

test('shell form, exec form with sh -c, and nested sh -c', () => {
  assert.deepEqual(commandsOf('FROM a\nRUN apt-get update && sh -c "apt-get install -y curl"\n'), [
    ['apt-get', 'update'],
    ['sh', '-c', 'apt-get install -y curl'],
    ['apt-get', 'install', '-y', 'curl'],
  ]);
  assert.deepEqual(commandsOf('FROM a\nRUN ["/bin/sh", "-c", "npm ci && npm test"]\n'), [
    ['npm', 'ci'],
    ['npm', 'test'],
  ]);
  assert.deepEqual(commandsOf('FROM a\nRUN ["npm", "ci"]\n'), [['npm', 'ci']]);
});

test('heredoc bodies are scripts only when fed to a shell', () => {
  assert.deepEqual(commandsOf('FROM a\nRUN <<EOF\napt-get update\napt-get install -y curl\nEOF\n'), [
    [],
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', 'curl'],
  ]);
  assert.deepEqual(commandsOf('FROM a\nRUN python3 <<PY\nimport os\nPY\n'), [['python3']]);
  assert.deepEqual(commandsOf('FROM a\nRUN <<A cat > /f && <<B sh\nnpm ci\nA\necho b\nB\n'), [['cat'], ['sh'], ['echo', 'b']]);
});

test('word offsets point into the document', () => {
  const text = 'FROM a\nRUN echo hi && sh -c \'apk add curl\'\n';
  const model = new DockerfileModel(text);
  const [, , apk] = shellCommands(model, model.stages[0].instructions[0]);
  assert.deepEqual(apk.words, ['apk', 'add', 'curl']);
  const first = apk.command.words[0];
  assert.equal(text.slice(apk.base! + first.start, apk.base! + first.end), 'apk');
});

test('mount options and cache mounts', () => {
  const model = new DockerfileModel('FROM a\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=secret,id=npm,env=TOKEN true\n');
  const run = model.stages[0].instructions[0];
  assert.deepEqual(mounts(run).map((m) => [m.type, m.target, m.id]), [
    ['cache', '/var/cache/apt', undefined],
    ['secret', undefined, 'npm'],
  ]);
  assert.equal(hasCacheMount(run, '/var/cache/apt'), true);
  assert.equal(hasCacheMount(run, '/var/cache'), true);
  assert.equal(hasCacheMount(run, '/root/.npm'), false);
});
