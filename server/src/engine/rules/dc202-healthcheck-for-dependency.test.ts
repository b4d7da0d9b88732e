import { testRule } from '../../test-support/rule-tester';
import { dc202 } from './dc202-healthcheck-for-dependency';

const waits = (from: string, to: string, why: string) => `'${from}' waits for '${to}' to be healthy, but ${why}, so Compose cannot start '${from}'. Give '${to}' a healthcheck, or wait with 'service_started'.`;
const healthy = (target: string) => `services:\n  web:\n    image: example/web:1\n    depends_on:\n      ${target}:\n        condition: service_healthy\n`;

testRule(dc202, {
  valid: [
    { name: 'a healthcheck in the Compose file', code: `${healthy('db')}  db:\n    image: postgres:18\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n` },
    { name: 'an image of unknown make may define one', code: `${healthy('api')}  api:\n    image: ghcr.io/example/api:1.4\n` },
    { name: 'an official image from another registry is of unknown make too', code: `${healthy('db')}  db:\n    image: registry.example.com/library/postgres:18\n` },
    {
      name: "a HEALTHCHECK in the Dockerfile's final stage",
      code: `${healthy('api')}  api:\n    build:\n      context: ./api\n`,
      files: { 'api/Dockerfile': 'FROM python:3.13-slim\nHEALTHCHECK CMD python -c "print(1)"\nCMD ["python", "app.py"]\n' },
    },
    {
      name: 'the target stage inherits a HEALTHCHECK from an earlier stage',
      code: `${healthy('api')}  api:\n    build:\n      context: .\n      dockerfile: docker/api.Dockerfile\n      target: dev\n`,
      files: { 'docker/api.Dockerfile': 'FROM node:24 AS base\nHEALTHCHECK CMD node healthcheck.js\nFROM base AS dev\nFROM nginx:1.29 AS prod\n' },
    },
    { name: 'a Dockerfile that cannot be read', code: `${healthy('api')}  api:\n    build: ./api\n` },
    {
      name: 'a Dockerfile built on an image of unknown make',
      code: `${healthy('api')}  api:\n    build: .\n`,
      files: { Dockerfile: 'ARG BASE=ghcr.io/example/base:1\nFROM ${BASE}\n' },
    },
    { name: 'dockerfile_inline with a HEALTHCHECK', code: `${healthy('api')}  api:\n    build:\n      context: .\n      dockerfile_inline: |\n        FROM alpine:3.22\n        HEALTHCHECK CMD true\n` },
    { name: 'the override file adds the healthcheck', code: `${healthy('db')}  db:\n    image: postgres:18\n`, files: { 'compose.override.yaml': 'services:\n  db:\n    healthcheck:\n      test: pg_isready\n' } },
    { name: 'a later document of the file adds the healthcheck', code: `${healthy('db')}  db:\n    image: postgres:18\n---\nservices:\n  db:\n    healthcheck:\n      test: pg_isready\n` },
    {
      name: 'inherited through extends, in this file and from another',
      code: `${healthy('db')}      cache:\n        condition: service_healthy\n  base:\n    image: postgres:18\n    healthcheck:\n      test: pg_isready\n  db:\n    extends: base\n  cache:\n    extends: { file: cache.yaml, service: redis }\n`,
      files: { 'cache.yaml': 'services:\n  redis:\n    image: redis:8\n    healthcheck:\n      test: [CMD, redis-cli, ping]\n' },
    },
    { name: 'an undefined target is DC402’s business', code: healthy('db') },
    { name: 'service_started and the short form are DC201’s business', code: 'services:\n  web:\n    depends_on: [db]\n  api:\n    depends_on:\n      db: { condition: service_started }\n  db:\n    image: postgres:18\n' },
    { name: 'a service with neither image nor build: its base is elsewhere', code: `${healthy('db')}  db:\n    environment: { A: b }\n` },
  ],
  invalid: [
    {
      name: 'postgres with no healthcheck: the fix adds a probe with its user and database',
      code: `${healthy('db')}  db:\n    image: postgres:18-alpine\n    environment:\n      POSTGRES_USER: shop\n      POSTGRES_DB: orders\n`,
      findings: [
        {
          range: [5, 19, 5, 34],
          message: waits('web', 'db', "'db' sets no healthcheck and its image 'postgres:18-alpine' defines none"),
          fixes: [
            {
              title: "Add healthcheck: probe 'db' with 'pg_isready -U shop -d orders'",
              output: `${healthy('db')}  db:\n    image: postgres:18-alpine\n    environment:\n      POSTGRES_USER: shop\n      POSTGRES_DB: orders\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U shop -d orders"]\n      interval: 5s\n      timeout: 5s\n      retries: 5\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'CRLF, non-ASCII, flow-style depends_on, 4-space indentation, no final line break',
      code: 'services:\r\n    café:\r\n        depends_on: {cache: {condition: "service_healthy"}}\r\n    cache: # Redis für Sitzungen\r\n        image: redis:8',
      findings: [
        {
          range: [2, 40, 2, 57],
          message: waits('café', 'cache', "'cache' sets no healthcheck and its image 'redis:8' defines none"),
          fixes: [
            {
              title: "Add healthcheck: probe 'cache' with 'redis-cli ping'",
              output: 'services:\r\n    café:\r\n        depends_on: {cache: {condition: "service_healthy"}}\r\n    cache: # Redis für Sitzungen\r\n        image: redis:8\r\n        healthcheck:\r\n            test: ["CMD-SHELL", "redis-cli ping"]\r\n            interval: 5s\r\n            timeout: 5s\r\n            retries: 5',
            },
          ],
        },
      ],
    },
    {
      name: 'healthchecks turned off in the Compose file',
      code: `${healthy('db')}      cache:\n        condition: service_healthy\n  db:\n    image: postgres:18\n    healthcheck:\n      disable: true\n  cache:\n    image: example/cache:1\n    healthcheck:\n      test: ["NONE"]\n`,
      findings: [
        { range: [5, 19, 5, 34], message: waits('web', 'db', "'db' turns its healthcheck off") },
        { range: [7, 19, 7, 34], message: waits('web', 'cache', "'cache' turns its healthcheck off") },
      ],
    },
    {
      name: 'Dockerfiles: HEALTHCHECK NONE, a base image with none, a target stage on redis',
      code: `services:
  web:
    image: example/web:1
    depends_on:
      api:
        condition: service_healthy
      worker:
        condition: service_healthy
      cache:
        condition: service_healthy
  api:
    build: api
  worker:
    build:
      context: .
      dockerfile: worker.Dockerfile
  cache:
    build:
      context: cache
      target: runtime
`,
      files: {
        'api/Dockerfile': 'FROM example/base:1\nHEALTHCHECK --interval=5s NONE\n',
        'worker.Dockerfile': 'FROM python:3.13-slim AS build\nRUN pip install app\nFROM build\nCMD ["app"]\n',
        'cache/Dockerfile': 'FROM redis:8 AS runtime\nCOPY redis.conf /etc/redis.conf\nFROM runtime AS debug\nHEALTHCHECK CMD redis-cli ping\n',
      },
      findings: [
        { range: [5, 19, 5, 34], message: waits('web', 'api', "'api/Dockerfile' turns the healthcheck off with 'HEALTHCHECK NONE'") },
        { range: [7, 19, 7, 34], message: waits('web', 'worker', "'worker' sets no healthcheck and neither 'worker.Dockerfile' nor its base image defines one") },
        {
          range: [9, 19, 9, 34],
          message: waits('web', 'cache', "'cache' sets no healthcheck and neither 'cache/Dockerfile' nor its base image defines one"),
          fixes: [
            {
              title: "Add healthcheck: probe 'cache' with 'redis-cli ping'",
              output: `services:
  web:
    image: example/web:1
    depends_on:
      api:
        condition: service_healthy
      worker:
        condition: service_healthy
      cache:
        condition: service_healthy
  api:
    build: api
  worker:
    build:
      context: .
      dockerfile: worker.Dockerfile
  cache:
    build:
      context: cache
      target: runtime
    healthcheck:
      test: ["CMD-SHELL", "redis-cli ping"]
      interval: 5s
      timeout: 5s
      retries: 5
`,
            },
          ],
        },
      ],
    },
    {
      name: 'healthcheck options without a test keep the image’s (none): no second healthcheck key is offered',
      code: `${healthy('proxy')}  proxy:\n    image: nginx:1.29\n    healthcheck:\n      interval: 10s\n`,
      findings: [{ range: [5, 19, 5, 34], message: waits('web', 'proxy', "'proxy' sets no healthcheck and its image 'nginx:1.29' defines none") }],
    },
    {
      name: 'a wait merged into two services from one anchor is reported once',
      code: 'x-wait: &wait\n  depends_on:\n    mq:\n      condition: service_healthy\nservices:\n  a:\n    <<: *wait\n    image: example/a:1\n  b:\n    <<: *wait\n    image: example/b:1\n  mq:\n    image: rabbitmq:4-management\n',
      findings: [
        {
          range: [3, 17, 3, 32],
          message: waits('a', 'mq', "'mq' sets no healthcheck and its image 'rabbitmq:4-management' defines none"),
          fixes: [
            {
              title: "Add healthcheck: probe 'mq' with 'rabbitmq-diagnostics -q ping'",
              output: 'x-wait: &wait\n  depends_on:\n    mq:\n      condition: service_healthy\nservices:\n  a:\n    <<: *wait\n    image: example/a:1\n  b:\n    <<: *wait\n    image: example/b:1\n  mq:\n    image: rabbitmq:4-management\n    healthcheck:\n      test: ["CMD-SHELL", "rabbitmq-diagnostics -q ping"]\n      interval: 5s\n      timeout: 5s\n      retries: 5\n',
            },
          ],
        },
      ],
    },
  ],
});
