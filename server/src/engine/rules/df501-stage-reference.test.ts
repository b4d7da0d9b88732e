import { testRule } from '../../test-support/rule-tester';
import { df501 } from './df501-stage-reference';

const NOT_OFFICIAL = (name: string) => `No stage is named '${name}', and it is not an official image; name a stage or a full image reference.`;

testRule(df501, {
  valid: [
    'FROM golang:1.27 AS build\nRUN go build -o /app\nFROM alpine:3.24\nCOPY --from=build /app /app\nRUN --mount=type=bind,from=build,source=/app,target=/mnt ls /mnt\n',
    { name: 'numeric index of an earlier stage', code: 'FROM golang:1.27\nRUN go build -o /app\nFROM alpine:3.24\nCOPY --from=0 /app /app\n' },
    {
      name: 'images, not stages',
      code: 'FROM alpine:3.24\nCOPY --from=nginx:1.30 /etc/nginx/nginx.conf /etc/\nCOPY --from=busybox /bin/busybox /bin/\nCOPY --from=composer /usr/bin/composer /usr/bin/\nCOPY --from=ghcr.io/astral-sh/uv:0.9 /uv /bin/\nCOPY --from=tonistiigi/xx / /\n',
    },
    { name: 'variables are resolved at build time', code: 'ARG SRC=build\nFROM alpine:3.24\nCOPY --from=${SRC} /app /app\nFROM ${BASE_IMAGE}\n' },
    { name: 'a bare FROM name far from every stage is a local or Hub image', code: 'FROM golang:1.27 AS build\nFROM mycompany-runtime\nCOPY --from=build /app /app\n' },
    { name: 'names compare without case', code: 'FROM node:24 AS Build\nFROM alpine:3.24\nCOPY --from=BUILD /app /app\n' },
    { name: 'ARG-substituted FROM naming an earlier stage, lowercase keywords', code: 'ARG VARIANT=dev\nfrom alpine:3.24 as dev\nfrom ${VARIANT} as final\ncopy --from=dev /etc/os-release /\n' },
    { name: 'scratch', code: 'FROM scratch\nCOPY app /\n' },
    { name: 'FROM an image named like its own stage', code: 'FROM nginx:1.30 AS nginx\nFROM golang AS golang\n' },
    { name: 'COPY --from a stage further down is fine with BuildKit', code: 'FROM alpine:3.24 AS app\nCOPY --from=build /app /app\nCOPY --from=2 /app /app2\nFROM golang:1.27 AS build\nRUN go build -o /app\nFROM scratch\n' },
    { name: 'heredoc and continuation', code: 'FROM golang:1.27 AS build\nFROM alpine:3.24\nCOPY --from=build \\\n# the binary\n  /app /app\nRUN <<EOF\necho --from=nowhere\nEOF\n' },
  ],
  invalid: [
    {
      name: 'typo in COPY --from',
      code: 'FROM golang:1.27 AS builder\nRUN go build -o /app\nFROM alpine:3.24\nCOPY --from=buidler /app /app\n',
      findings: [
        {
          range: [3, 12, 3, 19],
          message: "No stage is named 'buidler'; did you mean 'builder'?",
          fixes: [{ title: "Use stage 'builder' instead of 'buidler'", output: 'FROM golang:1.27 AS builder\nRUN go build -o /app\nFROM alpine:3.24\nCOPY --from=builder /app /app\n' }],
        },
      ],
    },
    {
      name: 'FROM naming a stage defined further down',
      code: 'FROM alpine:3.24 AS base\nFROM builder AS app\nFROM golang:1.27 AS builder\n',
      findings: [
        {
          range: [1, 5, 1, 12],
          message: "Stage 'builder' is defined further down, on line 3, and FROM only sees stages above it, so this pulls an image named 'builder' instead.",
          fixes: [{ title: "Use stage 'base' instead of 'builder'", output: 'FROM alpine:3.24 AS base\nFROM base AS app\nFROM golang:1.27 AS builder\n' }],
        },
      ],
    },
    {
      name: 'a stage mounting itself',
      code: 'FROM golang:1.27 AS build\nRUN --mount=type=bind,from=build,target=/src go build ./...\n',
      findings: [{ range: [1, 27, 1, 32], message: "Stage 'build' is the stage this instruction is in; a stage cannot copy or mount from itself." }],
    },
    {
      name: 'a cycle through a later stage',
      code: 'FROM alpine:3.24 AS base\nFROM base AS app\nCOPY --from=test /report /report\nFROM app AS test\nRUN make test\n',
      findings: [
        {
          range: [2, 12, 2, 16],
          message: "Stage 'test' itself builds on this stage, so using it here makes a cycle that BuildKit rejects.",
          fixes: [{ title: "Use stage 'base' instead of 'test'", output: 'FROM alpine:3.24 AS base\nFROM base AS app\nCOPY --from=base /report /report\nFROM app AS test\nRUN make test\n' }],
        },
      ],
    },
    {
      name: 'numeric index of the current stage, and one past the end',
      code: 'FROM golang:1.27 AS build\nFROM alpine:3.24\nCOPY --from=1 /app /app\nCOPY --from=7 /app /app\n',
      findings: [
        {
          range: [2, 12, 2, 13],
          message: 'Stage 1 is the stage this instruction is in; a stage cannot copy or mount from itself.',
          fixes: [{ title: "Use stage 'build' instead of '1'", output: 'FROM golang:1.27 AS build\nFROM alpine:3.24\nCOPY --from=build /app /app\nCOPY --from=7 /app /app\n' }],
        },
        {
          range: [3, 12, 3, 13],
          message: 'There is no stage with index 7; stages are numbered from 0 to 1.',
          fixes: [{ title: "Use stage 'build' instead of '7'", output: 'FROM golang:1.27 AS build\nFROM alpine:3.24\nCOPY --from=1 /app /app\nCOPY --from=build /app /app\n' }],
        },
      ],
    },
    {
      name: 'an unknown bare name: every usable stage offered, closest first',
      code: 'FROM golang:1.27 AS build\nFROM node:24 AS assets\nFROM alpine:3.24\nCOPY --from=compiler /app /app\n',
      findings: [
        {
          range: [3, 12, 3, 20],
          message: NOT_OFFICIAL('compiler'),
          fixes: [
            { title: "Use stage 'build' instead of 'compiler'", output: 'FROM golang:1.27 AS build\nFROM node:24 AS assets\nFROM alpine:3.24\nCOPY --from=build /app /app\n' },
            { title: "Use stage 'assets' instead of 'compiler'", output: 'FROM golang:1.27 AS build\nFROM node:24 AS assets\nFROM alpine:3.24\nCOPY --from=assets /app /app\n' },
          ],
        },
      ],
    },
    {
      name: 'part of a longer stage name',
      code: 'FROM alpine:3.24 AS license-set\nRUN make licenses\nFROM scratch AS license-update\nCOPY --from=set /out /\n',
      findings: [
        {
          range: [3, 12, 3, 15],
          message: "No stage is named 'set'; did you mean 'license-set'?",
          fixes: [{ title: "Use stage 'license-set' instead of 'set'", output: 'FROM alpine:3.24 AS license-set\nRUN make licenses\nFROM scratch AS license-update\nCOPY --from=license-set /out /\n' }],
        },
      ],
    },
    {
      name: 'FROM with a slip of the stage name',
      code: 'FROM node:24 AS deps\nRUN npm ci\nFROM dep AS build\n',
      findings: [
        {
          range: [2, 5, 2, 8],
          message: "No stage named 'dep' is defined above; did you mean 'deps'?",
          fixes: [{ title: "Use stage 'deps' instead of 'dep'", output: 'FROM node:24 AS deps\nRUN npm ci\nFROM deps AS build\n' }],
        },
      ],
    },
    {
      name: 'CRLF, non-ASCII and other flags kept',
      code: '# café ☕\r\nFROM golang:1.27 AS builder\r\nFROM alpine:3.24\r\nCOPY --chown=1000 --from=buildr /app /app\r\n',
      findings: [
        {
          range: [3, 25, 3, 31],
          message: "No stage is named 'buildr'; did you mean 'builder'?",
          fixes: [{ title: "Use stage 'builder' instead of 'buildr'", output: '# café ☕\r\nFROM golang:1.27 AS builder\r\nFROM alpine:3.24\r\nCOPY --chown=1000 --from=builder /app /app\r\n' }],
        },
      ],
    },
  ],
});
