import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lint, parse } from '..';
import { testRule } from '../../test-support/rule-tester';
import { df302 } from './df302-trusted-registries';

const DEFAULT = 'docker.io, the default when trustedRegistries is not configured';
const message = (image: string, registry: string, list = DEFAULT) =>
  `'${image}' is pulled from '${registry}', which the trusted registries (${list}) do not cover. Use an image from a trusted registry, or add '${registry}' to trustedRegistries.`;

// The tester turns the rule on without a list, so these cases use the Docker Hub default.
testRule(df302, {
  valid: [
    'FROM node:24\nFROM library/alpine:3.22\nFROM docker.io/library/debian:13\nFROM index.docker.io/bitnami/redis:8\n',
    { name: 'scratch, stage names and variables nobody set', code: 'ARG BASE\nFROM golang:1.27 AS build\nFROM build AS test\nFROM ${BASE}\nFROM scratch\nCOPY --from=build /app /app\nCOPY --from=0 /a /a\n' },
    { name: 'lowercase, platform flag, mounts from stages', code: 'from --platform=$BUILDPLATFORM golang:1.27 as build\nrun --mount=type=bind,from=build,target=/src ls\n' },
  ],
  invalid: [
    {
      name: 'other registries in FROM, COPY --from and RUN --mount from=',
      code: 'ARG REG=ghcr.io\nFROM ${REG}/acme/app:1.2 AS base\nCOPY --from=ghcr.io/astral-sh/uv:0.9 /uv /bin/\nRUN --mount=type=bind,from=gcr.io/distroless/base-debian12,target=/d ls /d\n',
      findings: [
        { range: [1, 5, 1, 24], message: message('ghcr.io/acme/app:1.2', 'ghcr.io') },
        { range: [2, 12, 2, 36], message: message('ghcr.io/astral-sh/uv:0.9', 'ghcr.io') },
        { range: [3, 27, 3, 58], message: message('gcr.io/distroless/base-debian12', 'gcr.io') },
      ],
    },
    {
      name: 'a local registry with a port, CRLF and non-ASCII on the line',
      code: '# Basis: Über-Image\r\nFROM --platform=linux/amd64 localhost:5000/tools/ünï:1 AS tools\r\n',
      findings: [{ range: [1, 28, 1, 54], message: message('localhost:5000/tools/ünï:1', 'localhost:5000') }],
    },
  ],
});

function findings(text: string, trustedRegistries: string[]): string[] {
  const doc = parse(text, 'dockerfile');
  return lint(doc, { fileName: 'Dockerfile', config: { rules: { DF302: 'warning' }, trustedRegistries } })
    .filter((f) => f.ruleId === 'DF302')
    .map((f) => f.message);
}

test('DF302 with a configured list: hosts, wildcards and path prefixes', () => {
  const list = ['registry.example.com', '*.gcr.io', 'ghcr.io/acme/', 'DOCKER.IO'];
  const shown = 'registry.example.com, *.gcr.io, ghcr.io/acme/, DOCKER.IO';
  assert.deepEqual(
    findings('FROM registry.example.com/team/app:1\nFROM eu.gcr.io/p/img:2\nFROM ghcr.io/acme/tool:3\nFROM ghcr.io/acme\nFROM python:3.14\nFROM ghcr.io/acmeco/x:1\nFROM gcr.io/distroless/static\n', list),
    [message('ghcr.io/acmeco/x:1', 'ghcr.io', shown), message('gcr.io/distroless/static', 'gcr.io', shown)],
  );
});

test('DF302 with a list that leaves Docker Hub out', () => {
  assert.deepEqual(findings('FROM alpine:3.22\nFROM registry.example.com/alpine:3.22\n', ['registry.example.com']), [message('alpine:3.22', 'docker.io', 'registry.example.com')]);
});
