import assert from 'node:assert/strict';
import { test } from 'node:test';
import { shellCommands } from './commands';
import { DockerfileModel } from './model';
import { asPackageCommand, operands } from './package-managers';
import { packageInstalls, removedLater } from './packages';

/** What the reader makes of each command of a one-`RUN` Dockerfile: `ecosystem action | label | operands`. */
function read(script: string): string[] {
  const model = new DockerfileModel(`FROM debian:13\nRUN ${script}\n`);
  return shellCommands(model, model.stages[0].instructions[0]).flatMap((c) => {
    const pc = asPackageCommand(c);
    return pc ? [`${pc.ecosystem} ${pc.action ?? '?'} | ${pc.label} | ${operands(pc).join(' ')}`] : [];
  });
}

test('every package manager is read by one table: tool, action with aliases resolved, label, operands', () => {
  assert.deepEqual(read('apt-get -o Acquire::Retries=3 install -y -t bookworm-backports curl=8.* && apt update'), [
    'apt install | apt-get install | curl=8.*',
    'apt update | apt update | ',
  ]);
  assert.deepEqual(read('aptitude install -y --without-recommends vim; apk add --virtual .build gcc musl-dev'), [
    'aptitude install | aptitude install | vim',
    'apk add | apk add | gcc musl-dev',
  ]);
  assert.deepEqual(read('yum -y install httpd && microdnf erase -x foo bar && dnf in -y gcc && dnf rm gcc && yum localinstall ./app.rpm && dnf up -y && zypper in -r main nginx && zypper rm nginx'), [
    'dnf install | yum install | httpd',
    'dnf remove | microdnf erase | bar',
    'dnf install | dnf in | gcc',
    'dnf remove | dnf rm | gcc',
    'dnf install | yum localinstall | ./app.rpm',
    'dnf upgrade | dnf up | ',
    'zypper install | zypper in | nginx',
    'zypper remove | zypper rm | nginx',
  ]);
  assert.deepEqual(read('python3 -m pip install --no-cache-dir -r req.txt flask && uv pip install -p 3.12 --override o.txt httpx'), [
    'pip install | python3 -m pip install | flask',
    'uv install | uv pip install | httpx',
  ]);
  assert.deepEqual(read('npm i --tag next left-pad && gem i -v 7.1 rails && go -C src build -o /app .'), [
    'npm install | npm i | left-pad',
    'gem install | gem i | rails',
    'go build | go build | .',
  ]);
});

test('words after -- are operands, whatever they look like; python without -m pip and unknown actions', () => {
  assert.deepEqual(read('pip install --user -- -weird-name requests'), ['pip install | pip install | -weird-name requests']);
  assert.deepEqual(read('python3 setup.py install && apt-get frobnicate x'), ['apt ? | apt-get | frobnicate x']);
});

test('system installs and removals: apk --virtual groups, apt autoremove after apt-mark, dnf erase', () => {
  const model = new DockerfileModel(
    'FROM alpine:3.22\nRUN apk add --virtual=.deps gcc && apk add -t .more make && apk del .deps\n' +
      'RUN apt-mark auto gcc && yum install -y cmake && yum erase -y cmake && apt-get purge -y --auto-remove\n',
  );
  const [first, second] = model.stages[0].instructions;
  const installs = packageInstalls(model, first);
  assert.deepEqual(installs.map((i) => [i.manager, i.virtual, i.packages.map((p) => p.name)]), [
    ['apk', '.deps', ['gcc']],
    ['apk', '.more', ['make']],
  ]);
  assert.deepEqual(installs.map((i) => removedLater(model, i, i.packages[0].name)), [true, false]);
  const [cmake] = packageInstalls(model, second);
  assert.deepEqual([cmake.manager, cmake.packages.map((p) => p.name), removedLater(model, cmake, 'cmake')], ['dnf', ['cmake'], true]);
});
