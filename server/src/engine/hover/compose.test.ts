import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ComposeModel } from '../compose/model';
import type { FileAccess, Position } from '../types';
import { composeHover } from './compose';
import type { HoverResult } from './types';

const TEXT = [
  'services:', //                                      0
  '  web:', //                                         1
  '    image: "nginx:${TAG:-1.27}-alpine"', //          2
  '    depends_on:', //                                3
  '      db:', //                                      4
  '        condition: service_healthy', //             5
  '      cache:', //                                   6
  '        condition: service_healthy', //             7
  '    networks: [front, default, nowhere]', //        8
  '    volumes:', //                                   9
  '      - data:/data', //                             10
  '      - ./src:/src', //                             11
  '      - type: volume', //                           12
  '        source: data', //                           13
  '        target: /more', //                          14
  '    secrets:', //                                   15
  '      - source: pw', //                             16
  '    configs: [conf]', //                            17
  '    environment:', //                               18
  '      LEVEL: $LEVEL', //                            19
  '      MODE: ${MODE}', //                            20
  '  db:', //                                          21
  '    image: postgres:16-alpine', //                  22
  '    healthcheck:', //                               23
  '      test: ["CMD", "pg_isready"]', //              24
  '      interval: 10s', //                            25
  '    depends_on: [cache]', //                        26
  '  cache:', //                                       27
  '    image: redis', //                               28
  'networks:', //                                      29
  '  front:', //                                       30
  '    driver: bridge', //                             31
  'volumes:', //                                       32
  '  data:', //                                        33
  'secrets:', //                                       34
  '  pw:', //                                          35
  '    external: true', //                            36
].join('\n');

function files(env: string | undefined): FileAccess {
  return { exists: (p) => p === '.env' && env !== undefined, read: (p) => (p === '.env' ? env : undefined) };
}

const model = new ComposeModel(TEXT);
function hover(line: number, character: number, env?: string): HoverResult | undefined {
  const position: Position = { line, character };
  return composeHover(model, position, { files: files(env) });
}
function span(result: HoverResult | undefined): string {
  assert.ok(result);
  const { start, end } = result.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

test('a depends_on target shows its image and healthcheck (long and short form)', () => {
  const db = hover(4, 7);
  assert.equal(span(db), '4:6-4:8');
  assert.equal(db?.contents, '**db** — service\n\n- Image: `postgres:16-alpine`\n- Healthcheck: `["CMD", "pg_isready"]` every 10s.\n\n`web` waits for `service_healthy`.');
  const cache = hover(6, 7);
  assert.match(cache?.contents ?? '', /Image: `redis`/);
  assert.match(cache?.contents ?? '', /Healthcheck: none/);
  assert.match(cache?.contents ?? '', /never becomes healthy/);
  const short = hover(26, 18);
  assert.equal(span(short), '26:17-26:22');
  assert.match(short?.contents ?? '', /^\*\*cache\*\* — service/);
});

test('${VAR:-default} shows the .env value, else the default', () => {
  const withEnv = hover(2, 20, 'TAG=1.30\n');
  assert.equal(span(withEnv), '2:18-2:30');
  assert.match(withEnv?.contents ?? '', /`TAG` = `1\.30` \(from \.env\)/);
  const without = hover(2, 20);
  assert.match(without?.contents ?? '', /`TAG` = `1\.27` \(default\)/);
  assert.match(without?.contents ?? '', /`TAG` is not set in \.env; the default `1\.27` applies/);
  const empty = hover(2, 20, 'TAG=\n');
  assert.match(empty?.contents ?? '', /is empty in \.env; the default `1\.27` applies/);
});

test('$VAR and ${VAR} without default: value or not set', () => {
  const bare = hover(19, 14, 'LEVEL=debug');
  assert.equal(span(bare), '19:13-19:19');
  assert.match(bare?.contents ?? '', /`LEVEL` = `debug` \(from \.env\)/);
  const unset = hover(20, 14);
  assert.equal(span(unset), '20:12-20:19');
  assert.match(unset?.contents ?? '', /`MODE` is not set in \.env/);
});

test('a quoted scalar with escapes falls back to the whole scalar', () => {
  const text = 'services:\n  a:\n    command: "echo \\t ${X:-1}"\n';
  const m = new ComposeModel(text);
  const result = composeHover(m, { line: 2, character: 22 }, {});
  assert.equal(span(result), '2:13-2:30');
  assert.match(result?.contents ?? '', /`X` = `1` \(default\)/);
});

test('named networks, volumes, secrets and configs show their definition', () => {
  const front = hover(8, 16);
  assert.equal(span(front), '8:15-8:20');
  assert.equal(front?.contents, '**front** — network\n\nDefined in `networks`:\n\n```yaml\n  front:\n    driver: bridge\n```');
  assert.match(hover(8, 23)?.contents ?? '', /default network/);
  assert.match(hover(8, 33)?.contents ?? '', /Not defined in the top-level `networks` section/);
  const data = hover(10, 9);
  assert.equal(span(data), '10:8-10:12');
  assert.match(data?.contents ?? '', /^\*\*data\*\* — volume\n\nDefined in `volumes`:\n\n```yaml\n {2}data:\n```/);
  assert.equal(hover(11, 9), undefined, 'a bind mount path is no named volume');
  assert.match(hover(13, 17)?.contents ?? '', /^\*\*data\*\* — volume/);
  assert.match(hover(16, 17)?.contents ?? '', /^\*\*pw\*\* — secret\n\nExternal/);
  assert.match(hover(17, 15)?.contents ?? '', /^\*\*conf\*\* — config\n\nNot defined/);
});

test('image values show family, variant, tag movement and the recommended line', () => {
  const pg = hover(22, 13);
  assert.equal(span(pg), '22:11-22:29');
  assert.match(pg?.contents ?? '', /^\*\*`postgres:16-alpine`\*\*: PostgreSQL on Alpine/);
  assert.match(pg?.contents ?? '', /Size class: Alpine/);
  assert.match(pg?.contents ?? '', /follows the `16` line/);
  assert.match(pg?.contents ?? '', /official-images table of 2026-08-21/);
  assert.match(hover(28, 12)?.contents ?? '', /Tag: none, so `latest`: \*\*floats\*\*/);
  const interpolated = hover(2, 13, 'TAG=1.30');
  assert.match(interpolated?.contents ?? '', /^\*\*`nginx:1\.30-alpine`\*\*: nginx on Alpine/);
  assert.match(interpolated?.contents ?? '', /Written as `nginx:\$\{TAG:-1\.27\}-alpine`; resolves to `nginx:1\.30-alpine`/);
  assert.match(interpolated?.contents ?? '', /`1\.30` line/);
});

test('keys and service names under the cursor', () => {
  assert.match(hover(2, 5)?.contents ?? '', /^\*\*image\*\* — service\n\n/);
  assert.equal(span(hover(2, 5)), '2:4-2:9');
  assert.match(hover(25, 7)?.contents ?? '', /^\*\*interval\*\* — healthcheck/);
  assert.match(hover(5, 9)?.contents ?? '', /^\*\*condition\*\* — depends_on entry/);
  assert.match(hover(21, 3)?.contents ?? '', /^\*\*db\*\* — service/);
  assert.equal(hover(1, 0), undefined);
});

test('in a later document: keys, and a name another document defines', () => {
  const text = 'services:\n  web:\n    image: nginx:1.27\nnetworks:\n  front: {}\n---\nservices:\n  worker:\n    networks: [front]\n    healthcheck:\n      interval: 5s\n';
  const m = new ComposeModel(text);
  const at = (line: number, character: number) => composeHover(m, { line, character }, {});
  assert.match(at(10, 7)?.contents ?? '', /^\*\*interval\*\* — healthcheck/);
  assert.equal(span(at(10, 7)), '10:6-10:14');
  assert.equal(at(8, 17)?.contents, '**front** — network\n\nDefined in `networks`:\n\n```yaml\n  front: {}\n```');
  assert.match(at(7, 3)?.contents ?? '', /^\*\*worker\*\* — service/);
});

test('a service defined across documents: the later document overrides, the others fill in', () => {
  const text = 'services:\n  db:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n---\nservices:\n  db:\n    image: postgres:18\n  worker:\n    image: busybox:1.36\n    depends_on: [db]\n';
  const hover = composeHover(new ComposeModel(text), { line: 11, character: 18 }, {});
  assert.equal(hover?.contents, '**db** — service\n\n- Image: `postgres:18`\n- Healthcheck: `["CMD", "pg_isready"]`.\n\n`worker` waits for `service_started`.');
});

test('a service whose health comes through extends in another document is healthy, as DC202 counts it', () => {
  const text =
    'services:\n  base:\n    image: postgres:18\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n  db:\n    extends: base\n  app:\n    image: example/app:1\n    depends_on:\n      db:\n        condition: service_healthy\n---\nservices:\n  db:\n    image: postgres:17\n';
  const hover = composeHover(new ComposeModel(text), { line: 10, character: 7 }, {});
  assert.equal(hover?.contents, '**db** — service\n\n- Image: `postgres:17`\n- Healthcheck: yes, from its Dockerfile or the service it extends.\n\n`app` waits for `service_healthy`.');
});

