import { testRule } from '../../test-support/rule-tester';
import { df105 } from './df105-no-sudo';

const AS_ROOT = "This RUN already runs as root, so 'sudo' adds nothing but a dependency on the sudo package. Drop it.";
const UNKNOWN = "'sudo' in a RUN: Docker runs RUN as the stage's USER, so either it is root already and sudo is not needed, or use USER root for the commands that need it and switch back after them.";
const asUser = (user: string) => `The stage runs as '${user}' here, and 'sudo' is how this RUN becomes root. Switch with USER root before the commands that need it and back to USER ${user} after them.`;

testRule(df105, {
  valid: [
    'FROM debian:13\nRUN apt-get update && apt-get install -y --no-install-recommends sudo && rm -rf /var/lib/apt/lists/*\n',
    { name: 'sudo -u drops privileges', code: 'FROM node:24\nRUN sudo -u node npm config set prefix /home/node/.npm-global\n' },
    { name: 'sudo only when not root', code: 'FROM mcr.microsoft.com/devcontainers/base:debian\nRUN if [ "$(id -u)" -ne 0 ]; then \\\n      sudo bash -c "$SCRIPT"; \\\n    else bash -c "$SCRIPT"; fi\n' },
    { name: 'the word in arguments or in a heredoc for a file', code: 'FROM debian:13\nRUN echo "%sudo ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/nopasswd && usermod -aG sudo dev\nRUN cat > /usr/local/bin/x <<EOF\nsudo true\nEOF\n' },
    { name: 'half-typed and empty RUNs', code: 'FROM debian:13\nRUN\nRUN ["sudo"\nRUN <<EOF\nEOF\n' },
  ],
  invalid: [
    {
      name: 'as root: sudo and its options go, the rest of the line stays',
      code: 'FROM ubuntu:24.04\nRUN sudo -E apt-get update && DEBIAN_FRONTEND=noninteractive sudo -- \\\n# comment line kept\n    apt-get install -y curl\n',
      findings: [
        {
          range: [1, 4, 1, 8],
          message: AS_ROOT,
          fixes: [{ title: "Drop sudo from 'apt-get update'", output: 'FROM ubuntu:24.04\nRUN apt-get update && DEBIAN_FRONTEND=noninteractive sudo -- \\\n# comment line kept\n    apt-get install -y curl\n' }],
        },
        {
          range: [1, 61, 1, 65],
          message: AS_ROOT,
          fixes: [{ title: "Drop sudo from 'apt-get install'", output: 'FROM ubuntu:24.04\nRUN sudo -E apt-get update && DEBIAN_FRONTEND=noninteractive \\\n# comment line kept\n    apt-get install -y curl\n' }],
        },
      ],
    },
    {
      name: 'USER root set explicitly; a login shell option cannot simply go; heredoc script; CRLF and non-ASCII',
      code: 'FROM registry.example.com/base:1\r\nUSER root\r\nRUN sudo -i make install # café\r\nRUN <<EOF\r\necho ünïcode && sudo rm -rf /tmp/x\r\nEOF\r\n',
      findings: [
        { range: [2, 4, 2, 8], message: AS_ROOT },
        { range: [4, 16, 4, 20], message: AS_ROOT, fixes: [{ title: "Drop sudo from 'rm -rf'", output: 'FROM registry.example.com/base:1\r\nUSER root\r\nRUN sudo -i make install # café\r\nRUN <<EOF\r\necho ünïcode && rm -rf /tmp/x\r\nEOF\r\n' }] },
      ],
    },
    {
      name: 'a non-root USER from an ARG: switch to root around the RUN',
      code: 'FROM debian:13\nARG USERNAME=dev\nRUN useradd -m $USERNAME\nUSER ${USERNAME}\nRUN sudo apt-get update && sudo apt-get install -y git\nRUN sudo apt-get install -y vim && make\n',
      findings: [
        {
          range: [4, 4, 4, 8],
          message: asUser('dev'),
          fixes: [
            {
              title: 'Run this RUN as root with USER root, then switch back to USER dev',
              output: 'FROM debian:13\nARG USERNAME=dev\nRUN useradd -m $USERNAME\nUSER ${USERNAME}\nUSER root\nRUN apt-get update && apt-get install -y git\nUSER dev\nRUN sudo apt-get install -y vim && make\n',
            },
          ],
        },
        {
          range: [4, 27, 4, 31],
          message: asUser('dev'),
          fixes: [
            {
              title: 'Run this RUN as root with USER root, then switch back to USER dev',
              output: 'FROM debian:13\nARG USERNAME=dev\nRUN useradd -m $USERNAME\nUSER ${USERNAME}\nUSER root\nRUN apt-get update && apt-get install -y git\nUSER dev\nRUN sudo apt-get install -y vim && make\n',
            },
          ],
        },
        { range: [5, 4, 5, 8], message: asUser('dev') },
      ],
    },
    {
      name: 'a base image with an unknown user; the user carries into a child stage; exec form',
      code: 'FROM mcr.microsoft.com/devcontainers/universal:2 AS dev\nRUN curl -fsSL https://clickhouse.com/ | sh && sudo ./clickhouse install\nFROM dev\nRUN ["sudo", "apt-get", "update"]\n',
      findings: [
        {
          range: [1, 47, 1, 51],
          message: UNKNOWN,
          fixes: [{ title: "Drop sudo from './clickhouse install' (when the stage already runs as root)", output: 'FROM mcr.microsoft.com/devcontainers/universal:2 AS dev\nRUN curl -fsSL https://clickhouse.com/ | sh && ./clickhouse install\nFROM dev\nRUN ["sudo", "apt-get", "update"]\n' }],
        },
        { range: [3, 5, 3, 11], message: UNKNOWN },
      ],
    },
    {
      name: 'an official image that starts as a non-root user; lowercase',
      code: 'from sonarqube:25-community\nrun sudo apt-get update\n',
      findings: [{ range: [1, 4, 1, 8], message: UNKNOWN, fixes: [{ title: "Drop sudo from 'apt-get update' (when the stage already runs as root)", output: 'from sonarqube:25-community\nrun apt-get update\n' }] }],
    },
  ],
});
