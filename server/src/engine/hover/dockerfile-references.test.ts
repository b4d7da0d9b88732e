import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DockerfileModel } from '../dockerfile/model';
import { TAG_TABLE_DATE } from '../image-tags';
import type { Range } from '../types';
import { dockerfileHover } from './dockerfile';

const r = (sl: number, sc: number, el: number, ec: number): Range => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

const FILE = [
  'ARG NODE=24', //                                                       0
  'FROM --platform=$BUILDPLATFORM node:${NODE}-alpine AS build', //       1
  'ENV APP=/srv', //                                                      2
  'ARG NODE', //                                                          3
  'RUN echo $APP ${NODE} $TARGETARCH $UNSET', //                          4
  'FROM build AS test', //                                                5
  'RUN echo ${APP:-x}', //                                                6
  'FROM python:3.14-slim', //                                             7
  'COPY --from=build /a /b', //                                           8
  'COPY --from=nginx:1.31-alpine /c /d', //                               9
  'RUN echo $NODE', //                                                    10
  'FROM node', //                                                         11
  'FROM node:24.19.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', // 12
  'FROM scratch', //                                                      13
].join('\n');

const model = new DockerfileModel(FILE);
const at = (line: number, character: number) => dockerfileHover(model, { line, character }, {});

test('a base image shows family, variant size, tag movement and slimmer variants at the image range', () => {
  const hover = at(1, 46);
  assert.ok(hover);
  assert.deepEqual(hover.range, r(1, 31, 1, 50));
  assert.match(hover.contents, /Node\.js on Alpine/);
  assert.match(hover.contents, /about 5 MB/);
  assert.match(hover.contents, /follows the `24` line/);
  assert.ok(hover.contents.includes(TAG_TABLE_DATE));

  const slim = at(7, 8);
  assert.ok(slim);
  assert.deepEqual(slim.range, r(7, 5, 7, 21));
  assert.match(slim.contents, /Python on Debian/);
  assert.match(slim.contents, /30–80 MB/);
  assert.match(slim.contents, /Slimmer variants: .*python:3\.14-alpine/);

  const latest = at(11, 6);
  assert.match(latest?.contents ?? '', /\*\*floats\*\*/);
  assert.match(latest?.contents ?? '', /several hundred MB/);
  assert.match(at(12, 8)?.contents ?? '', /pinned by digest/);
  assert.match(at(13, 7)?.contents ?? '', /0 MB/);
});

test('stage references show the stage FROM line', () => {
  const parent = at(5, 7);
  assert.ok(parent);
  assert.deepEqual(parent.range, r(5, 5, 5, 10));
  assert.ok(parent.contents.includes('FROM --platform=$BUILDPLATFORM node:${NODE}-alpine AS build'));

  const copy = at(8, 13);
  assert.ok(copy);
  assert.deepEqual(copy.range, r(8, 12, 8, 17));
  assert.ok(copy.contents.includes('FROM --platform=$BUILDPLATFORM node:${NODE}-alpine AS build'));

  const image = at(9, 14);
  assert.ok(image);
  assert.deepEqual(image.range, r(9, 12, 9, 29));
  assert.match(image.contents, /an image, not a stage/);

  const name = at(1, 55);
  assert.ok(name);
  assert.deepEqual(name.range, r(1, 54, 1, 59));
  assert.match(name.contents, /line 6: `FROM build`/);
  assert.match(name.contents, /line 9: `COPY --from`/);
});

test('variables show where they are declared and the value in scope', () => {
  const global = at(1, 40 - 3);
  assert.ok(global);
  assert.deepEqual(global.range, r(1, 36, 1, 43));
  assert.match(global.contents, /global `ARG`/);
  assert.match(global.contents, /Value here: `24`/);

  const env = at(4, 11);
  assert.ok(env);
  assert.deepEqual(env.range, r(4, 9, 4, 13));
  assert.match(env.contents, /`ENV` in this stage \(line 3/);
  assert.match(env.contents, /Value here: `\/srv`/);

  const redeclared = at(4, 16);
  assert.ok(redeclared);
  assert.deepEqual(redeclared.range, r(4, 14, 4, 21));
  assert.match(redeclared.contents, /`ARG` in this stage \(line 4/);
  assert.match(redeclared.contents, /Value here: `24`/);

  assert.match(at(4, 25)?.contents ?? '', /only set after `ARG TARGETARCH`/);
  assert.match(at(4, 36)?.contents ?? '', /Not declared/);
  assert.match(at(1, 20)?.contents ?? '', /Predefined build argument/);

  const inherited = at(6, 12);
  assert.ok(inherited);
  assert.deepEqual(inherited.range, r(6, 9, 6, 18));
  assert.match(inherited.contents, /stage `build`, which this stage builds on/);
  assert.match(inherited.contents, /If unset or empty, `x`/);

  assert.match(at(10, 11)?.contents ?? '', /global ARGs only reach `FROM` lines/);
});
