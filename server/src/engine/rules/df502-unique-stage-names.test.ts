import { testRule } from '../../test-support/rule-tester';
import { df502 } from './df502-unique-stage-names';

testRule(df502, {
  valid: [
    'FROM golang:1.27 AS build\nRUN go build -o /app\nFROM alpine:3.24 AS final\nCOPY --from=build /app /app\n',
    { name: 'unnamed stages and names that merely contain a reserved word', code: 'FROM alpine:3.24\nFROM alpine:3.24\nFROM alpine:3.24 AS scratch-pad\nFROM alpine:3.24 AS build-context\n' },
    { name: 'lowercase keywords', code: 'from alpine:3.24 as base\nfrom base as test\n' },
  ],
  invalid: [
    {
      name: 'the same name twice, compared without case',
      code: 'FROM node:24 AS build\nRUN npm ci\nFROM node:24-alpine AS Build\nRUN npm run build\n',
      findings: [{ range: [2, 23, 2, 28], message: "Stage name 'Build' is already used on line 1; give each stage its own name." }],
    },
    {
      name: 'reserved names, CRLF and non-ASCII',
      code: '# étape\r\nFROM alpine:3.24 AS scratch\r\nFROM alpine:3.24 as context\r\n',
      findings: [
        { range: [1, 20, 1, 27], message: "'scratch' is a reserved name and cannot name a stage; choose another name." },
        { range: [2, 20, 2, 27], message: "'context' is a reserved name and cannot name a stage; choose another name." },
      ],
    },
    {
      name: 'three stages with one name: both repeats reported against the first',
      code: 'FROM alpine:3.24 AS x\nFROM alpine:3.24 AS x\nFROM alpine:3.24 AS x\n',
      findings: [
        { range: [1, 20, 1, 21], message: "Stage name 'x' is already used on line 1; give each stage its own name." },
        { range: [2, 20, 2, 21], message: "Stage name 'x' is already used on line 1; give each stage its own name." },
      ],
    },
  ],
});
