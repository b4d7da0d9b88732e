import { testRule } from '../../test-support/rule-tester';
import { df508 } from './df508-syntax';

testRule(df508, {
  valid: [
    '# syntax=docker/dockerfile:1\nARG BASE=alpine:3.24\nFROM --platform=$BUILDPLATFORM ${BASE} AS build\nCOPY --from=build --chown=1000:1000 --chmod=755 --link --parents --exclude=*.md --exclude=*.txt . /src\nADD --checksum=sha256:abc --keep-git-dir=true --unpack=false https://example.com/x.tgz /x\nRUN --mount=type=cache,target=/root/.cache --mount=type=secret,id=npm --network=none --security=insecure --device=gpu echo hi\n',
    { name: 'heredocs: bodies are not instructions', code: 'FROM alpine:3.24\nRUN <<EOF1 <<EOF2\nhello world\nEOF1\nbaz qux\nEOF2\nCOPY <<"EOF" /etc/motd\nsome text $X\nEOF\nRUN python3 <<EOF\nimport os\nEOF\n' },
    { name: 'legacy ENV and LABEL forms, JSON COPY, ONBUILD', code: 'FROM alpine:3.24\nENV SCUBA 1 DUBA 3\nLABEL maintainer docker <docker@docker.io>\nCOPY ["a b", "/dest/"]\nONBUILD RUN echo test\nCMD []\n' },
    { name: 'escape directive, lowercase and comment lines inside a continuation', code: '# escape=`\nfrom mcr.microsoft.com/windows/servercore:ltsc2022\nrun dir `\n# listing`\n  c:\\\nshell ["powershell", "-Command"]\n' },
    { name: 'HEALTHCHECK flags are DF402\'s', code: 'FROM alpine:3.24\nHEALTHCHECK --intervl=5s CMD true\n' },
  ],
  invalid: [
    {
      name: 'unknown instruction with a suggestion',
      code: 'FORM alpine:3.24\nFROM alpine:3.24\nCOPPY a b\nWRONG DOCKERFILE\n',
      findings: [
        { range: [0, 0, 0, 4], message: "Unknown instruction 'FORM'. Did you mean 'FROM'?" },
        { range: [2, 0, 2, 5], message: "Unknown instruction 'COPPY'. Did you mean 'COPY'?" },
        { range: [3, 0, 3, 5], message: "Unknown instruction 'WRONG'." },
      ],
    },
    {
      name: 'instructions before the first FROM',
      code: 'ARG VERSION=1\nRUN echo hi\nFROM alpine:3.24\n',
      findings: [{ range: [1, 0, 1, 3], message: 'RUN comes before the first FROM; only ARG may stand there.' }],
    },
    {
      name: 'missing arguments',
      code: 'FROM alpine:3.24\nRUN\nCOPY onlyone\nCOPY ["one"]\nworkdir\nRUN --mount=type=cache,target=/x\n',
      findings: [
        { range: [1, 0, 1, 3], message: 'RUN has no arguments.' },
        { range: [2, 0, 2, 4], message: 'COPY needs at least one source and a destination.' },
        { range: [3, 0, 3, 4], message: 'COPY needs at least one source and a destination.' },
        { range: [4, 0, 4, 7], message: 'WORKDIR has no arguments.' },
        { range: [5, 0, 5, 3], message: 'RUN has no arguments.' },
      ],
    },
    {
      name: 'FROM with extra words or a bad stage name',
      code: 'FROM alpine:3.24 builder\nFROM alpine:3.24 AS 1st\nFROM alpine:3.24 AS b extra\n',
      findings: [
        { range: [0, 17, 0, 24], message: "FROM takes an image, optionally followed by 'AS <name>'; remove or fix the extra words." },
        { range: [1, 20, 1, 23], message: "Stage name '1st' is not valid: it must start with a letter and use only letters, digits, '-', '_' and '.'." },
        { range: [2, 17, 2, 27], message: "FROM takes an image, optionally followed by 'AS <name>'; remove or fix the extra words." },
      ],
    },
    {
      name: 'bad flags, CRLF and non-ASCII',
      code: 'FROM alpine:3.24\r\nCOPY --form=x café /a\r\nCOPY --from a b\r\nCOPY --link=maybe --chown=1 --chown=2 a b\r\nRUN --mont=type=cache ls\r\nADD --from=x a b\r\n',
      findings: [
        { range: [1, 5, 1, 11], message: "Unknown flag '--form' for COPY. Did you mean '--from'?" },
        { range: [2, 5, 2, 11], message: "Flag '--from' needs a value: write '--from=<value>'." },
        { range: [3, 5, 3, 17], message: "Flag '--link' takes no value, or 'true' / 'false'; 'maybe' is neither." },
        { range: [3, 28, 3, 35], message: "Flag '--chown' is given more than once; keep one." },
        { range: [4, 4, 4, 10], message: "Unknown flag '--mont' for RUN. Did you mean '--mount'?" },
        { range: [5, 4, 5, 10], message: "ADD has no '--from' flag; use COPY --from to copy from another stage or image." },
      ],
    },
    {
      name: 'an unknown flag far from every known one',
      code: 'FROM --plattform=linux/amd64 alpine:3.24\nRUN --privileged ls\n',
      findings: [
        { range: [0, 5, 0, 16], message: "Unknown flag '--plattform' for FROM. Did you mean '--platform'?" },
        { range: [1, 4, 1, 16], message: "Unknown flag '--privileged' for RUN. RUN accepts --mount, --network, --security, --device." },
      ],
    },
    {
      name: 'ENV and LABEL without values, SHELL not in JSON, forbidden ONBUILD triggers',
      code: 'FROM alpine:3.24\nENV A=1 B\nLABEL x\nSHELL /bin/bash -c\nONBUILD FROM alpine:3.24\nONBUILD ONBUILD RUN x\n',
      findings: [
        { range: [1, 8, 1, 9], message: "ENV 'B' has no value; write 'B=<value>'." },
        { range: [2, 6, 2, 7], message: "LABEL 'x' has no value; write 'x=<value>'." },
        { range: [3, 6, 3, 18], message: 'SHELL needs the JSON array form, for example ["/bin/bash", "-c"].' },
        { range: [4, 8, 4, 12], message: 'FROM cannot be an ONBUILD trigger.' },
        { range: [5, 8, 5, 15], message: 'ONBUILD cannot be an ONBUILD trigger.' },
      ],
    },
  ],
});
