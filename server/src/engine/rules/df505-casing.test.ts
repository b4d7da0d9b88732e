import { testRule } from '../../test-support/rule-tester';
import { df505 } from './df505-casing';

testRule(df505, {
  valid: [
    'FROM golang:1.27 AS build\nRUN go build -o /app\nFROM alpine:3.24\nCOPY --from=build /app /app\n',
    { name: 'all lowercase', code: 'from golang:1.27 as build\nrun go build -o /app\nfrom alpine:3.24\ncopy --from=build /app /app\n' },
    { name: 'heredoc bodies and arguments are not keywords', code: 'FROM alpine:3.24\nRUN <<EOF\nrun this\nFrom that\nEOF\nLABEL from=As\n' },
    { name: 'escape directive and continuation with a comment', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS base\nRUN dir `\n# listing\n  c:\\\n' },
    { name: 'image names may have capitals; only stage names are lowercased', code: 'FROM MyRegistry.example.com/Team/app:1 AS base\n' },
  ],
  invalid: [
    {
      name: 'one lowercase instruction among uppercase ones',
      code: 'FROM alpine:3.24\nrun echo hi\nCOPY a b\n',
      findings: [
        {
          range: [1, 0, 1, 3],
          message: "Instruction 'run' is not uppercase like most instructions in this file; write 'RUN'.",
          fixes: [{ title: "Write 'RUN'", output: 'FROM alpine:3.24\nRUN echo hi\nCOPY a b\n' }],
        },
      ],
    },
    {
      name: 'lowercase majority: mixed keyword, uppercase FROM with its AS, and a mismatched AS',
      code: 'from alpine:3.24 AS base\nrun echo\nRun echo\nFROM base AS final\n',
      findings: [
        {
          range: [0, 17, 0, 19],
          message: "'AS' does not match the casing of 'from'; write 'as'.",
          fixes: [{ title: "Write 'as'", output: 'from alpine:3.24 as base\nrun echo\nRun echo\nFROM base AS final\n' }],
        },
        {
          range: [2, 0, 2, 3],
          message: "Instruction 'Run' mixes upper and lower case; write 'run' like the rest of the file.",
          fixes: [{ title: "Write 'run'", output: 'from alpine:3.24 AS base\nrun echo\nrun echo\nFROM base AS final\n' }],
        },
        {
          range: [3, 0, 3, 4],
          message: "Instruction 'FROM' is not lowercase like most instructions in this file; write 'from'.",
          fixes: [{ title: "Write 'from'", output: 'from alpine:3.24 AS base\nrun echo\nRun echo\nfrom base as final\n' }],
        },
      ],
    },
    {
      name: 'lowercase as after FROM, CRLF and non-ASCII',
      code: 'FROM alpine:3.24 as base\r\nLABEL description="déjà vu"\r\n',
      findings: [
        {
          range: [0, 17, 0, 19],
          message: "'as' does not match the casing of 'FROM'; write 'AS'.",
          fixes: [{ title: "Write 'AS'", output: 'FROM alpine:3.24 AS base\r\nLABEL description="déjà vu"\r\n' }],
        },
      ],
    },
    {
      name: 'a stage name with capitals, renamed everywhere it is used',
      code: 'FROM golang:1.27 AS Builder\nRUN go build\nFROM Builder AS test\nFROM alpine:3.24\nCOPY --from=BUILDER /app /app\nRUN --mount=type=bind,from=Builder,target=/b ls /b\n',
      findings: [
        {
          range: [0, 20, 0, 27],
          message: "Stage name 'Builder' has uppercase letters; BuildKit lowercases stage names, so write 'builder' here and where it is used.",
          fixes: [
            {
              title: "Write 'builder'",
              output: 'FROM golang:1.27 AS builder\nRUN go build\nFROM builder AS test\nFROM alpine:3.24\nCOPY --from=builder /app /app\nRUN --mount=type=bind,from=builder,target=/b ls /b\n',
            },
          ],
        },
      ],
    },
  ],
});
