import { testRule } from '../../test-support/rule-tester';
import { df504 } from './df504-undefined-var';

const global = (name: string) => `'${name}' is declared by an ARG before FROM, which only FROM lines see; redeclare it with 'ARG ${name}' in this stage.`;
const platform = (name: string) => `'${name}' is a predefined platform ARG, but inside a stage it is only set after 'ARG ${name}'; declare it in this stage.`;

testRule(df504, {
  valid: [
    'ARG VERSION=1.2.3\nFROM eclipse-temurin:21\nARG VERSION\nCOPY app-$VERSION.jar /app.jar\n',
    { name: 'platform args in FROM need no declaration', code: 'FROM --platform=$BUILDPLATFORM golang:1.27 AS build\nARG TARGETOS TARGETARCH\nENV GOOS=$TARGETOS GOARCH=${TARGETARCH}\n' },
    { name: 'shell commands are expanded by the shell, not by Docker', code: 'FROM node:24\nRUN echo "$HOME $npm_config_cache $(id -u)"\nCMD ["sh", "-c", "echo $PORT"]\nENTRYPOINT exec node $NODE_OPTIONS server.js\nHEALTHCHECK CMD curl -f http://localhost:$PORT/ || exit 1\nONBUILD COPY $SRC /app\n' },
    { name: 'variables the base image may set', code: 'FROM eclipse-temurin:21\nENV PATH=$JAVA_HOME/bin:$PATH\nCOPY app.jar $CATALINA_HOME/webapps/\n' },
    { name: 'defaults, quotes and escapes', code: "FROM scratch\nLABEL a=${UNSET:-x} b='$LITERAL' c=\\$ESCAPED d=${MAYBE:+y}\nENV PATH=$PATH:/bin\n" },
    { name: 'ARG values see earlier names of the same ARG, also across lines', code: 'FROM scratch\nARG OS=linux ARCH=amd64 \\\n# the platform string\n    TRIPLE=${OS}-${ARCH}\nLABEL triple=$TRIPLE\n' },
    { name: 'ENV and ARG carry through the stage lineage', code: 'FROM scratch AS base\nENV APP=/app\nARG MODE=prod\nFROM base\nWORKDIR $APP\nLABEL mode=$MODE\n' },
    { name: 'heredoc bodies are not read', code: 'FROM scratch\nCOPY <<EOF /etc/motd\nHello $USERNAME\nEOF\n' },
    { name: 'RUN flags see the stage scope', code: 'FROM node:24\nARG CACHE_ID=npm\nRUN --mount=type=cache,id=$CACHE_ID,target=/root/.npm npm ci\n' },
    { name: 'escape directive', code: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nARG DIR=C:\\app\nWORKDIR $DIR\nENV LITERAL=`$NOT_A_VAR\n' },
    { name: 'proxies are predefined', code: 'FROM scratch\nLABEL proxy=$HTTP_PROXY other=$no_proxy\n' },
  ],
  invalid: [
    {
      name: 'a slip in FROM',
      code: 'ARG NODE_VERSION=24\nFROM node:${NODE_VERSON}-alpine\n',
      findings: [
        {
          range: [1, 12, 1, 23],
          message: "'NODE_VERSON' is not declared by an ARG before the first FROM, so it expands to an empty string in this FROM. Did you mean 'NODE_VERSION'?",
          fixes: [{ title: "Use 'NODE_VERSION' instead of 'NODE_VERSON'", output: 'ARG NODE_VERSION=24\nFROM node:${NODE_VERSION}-alpine\n' }],
        },
      ],
    },
    {
      name: 'an ARG of a stage is not seen by a later FROM',
      code: 'FROM alpine:3.24\nARG BASE=alpine:3.24\nFROM $BASE\n',
      findings: [{ range: [2, 6, 2, 10], message: "'BASE' is not declared by an ARG before the first FROM, so it expands to an empty string in this FROM. Declare it with an ARG before the first FROM." }],
    },
    {
      name: 'a global ARG used in a stage without redeclaring it',
      code: 'ARG VERSION=1.2.3\nFROM eclipse-temurin:21\nCOPY app-$VERSION.jar /app.jar\n',
      findings: [
        {
          range: [2, 10, 2, 17],
          message: global('VERSION'),
          fixes: [{ title: 'Declare ARG VERSION in this stage', output: 'ARG VERSION=1.2.3\nFROM eclipse-temurin:21\nARG VERSION\nCOPY app-$VERSION.jar /app.jar\n' }],
        },
      ],
    },
    {
      name: 'a platform ARG in a stage, indented lowercase file',
      code: '  from --platform=$BUILDPLATFORM golang:1.27\n  copy --chown=${TARGETARCH} . /src\n',
      findings: [
        {
          range: [1, 17, 1, 27],
          message: platform('TARGETARCH'),
          fixes: [{ title: 'Declare ARG TARGETARCH in this stage', output: '  from --platform=$BUILDPLATFORM golang:1.27\n  arg TARGETARCH\n  copy --chown=${TARGETARCH} . /src\n' }],
        },
      ],
    },
    {
      name: 'a near miss of a declared name on an image, renamed everywhere in the stage',
      code: 'FROM node:24\nARG APP_HOME=/srv/app\nWORKDIR ${APP_HOEM}\nCOPY . $APP_HOEM/\n',
      findings: [
        {
          range: [2, 10, 2, 18],
          message: "'APP_HOEM' is not declared by ARG or ENV here; did you mean 'APP_HOME'?",
          fixes: [{ title: "Use 'APP_HOME' instead of 'APP_HOEM'", output: 'FROM node:24\nARG APP_HOME=/srv/app\nWORKDIR ${APP_HOME}\nCOPY . $APP_HOME/\n' }],
        },
        {
          range: [3, 8, 3, 16],
          message: "'APP_HOEM' is not declared by ARG or ENV here; did you mean 'APP_HOME'?",
          fixes: [{ title: "Use 'APP_HOME' instead of 'APP_HOEM'", output: 'FROM node:24\nARG APP_HOME=/srv/app\nWORKDIR ${APP_HOME}\nCOPY . $APP_HOME/\n' }],
        },
      ],
    },
    {
      name: 'scratch: nothing else can set it; CRLF and non-ASCII',
      code: 'FROM scratch\r\nARG DIR=/données\r\nCOPY bin ${DRI}/\r\nLABEL owner=$OWNER\r\n',
      findings: [
        {
          range: [2, 11, 2, 14],
          message: "'DRI' is not declared by ARG or ENV in this stage, so it expands to an empty string. Did you mean 'DIR'?",
          fixes: [{ title: "Use 'DIR' instead of 'DRI'", output: 'FROM scratch\r\nARG DIR=/données\r\nCOPY bin ${DIR}/\r\nLABEL owner=$OWNER\r\n' }],
        },
        { range: [3, 13, 3, 18], message: "'OWNER' is not declared by ARG or ENV in this stage, so it expands to an empty string." },
      ],
    },
    {
      name: 'ENV reading a name it sets itself',
      code: 'FROM node:24\nENV APP=/app BIN=$APP/bin\n',
      findings: [{ range: [1, 18, 1, 21], message: "'APP' is set by this same ENV, but ENV expands all its values before setting any, so this reads 'APP' as it was before, not the value set here. Set it in an ENV of its own above this one." }],
    },
  ],
});
