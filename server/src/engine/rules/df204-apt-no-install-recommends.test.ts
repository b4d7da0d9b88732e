import { testRule } from '../../test-support/rule-tester';
import { df204 } from './df204-apt-no-install-recommends';

const message = (label: string) => `'${label}' also installs the packages they recommend. Add '--no-install-recommends' and name any recommended package you need.`;
const title = (command: string) => `Insert --no-install-recommends into '${command}'`;
const clean = ' && rm -rf /var/lib/apt/lists/*';

testRule(df204, {
  valid: [
    `FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl${clean}\n`,
    { name: 'flag before the action', code: `FROM debian:12\nRUN apt-get update && apt-get --no-install-recommends install -y curl${clean}\n` },
    { name: '-o with the option set to false', code: `FROM debian:12\nRUN apt-get update && apt-get install -y -o APT::Install-Recommends=false curl${clean}\n` },
    { name: '-o attached, with 0', code: `FROM debian:12\nRUN apt-get update && apt-get -oAPT::Install-Recommends=0 install -y curl${clean}\n` },
    {
      name: 'apt configured earlier in the stage',
      code: `FROM debian:12\nRUN echo 'APT::Install-Recommends "false";' > /etc/apt/apt.conf.d/99no-recommends\nRUN apt-get update && apt-get install -y curl${clean}\n`,
    },
    {
      name: 'apt configured by a heredoc COPY in the stage it builds on',
      code: `FROM debian:12 AS base\nCOPY <<EOF /etc/apt/apt.conf.d/99no-recommends\nAPT::Install-Recommends "0";\nEOF\nFROM base\nRUN apt-get update && apt-get install -y curl${clean}\n`,
    },
    { name: 'a configuration file copied in', code: `FROM debian:12\nCOPY apt.conf /etc/apt/apt.conf.d/90local\nRUN apt-get update && apt-get install -y curl${clean}\n` },
    { name: 'dry run installs nothing', code: 'FROM debian:12\nRUN if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then echo yes; fi\n' },
    { name: 'upgrading an installed package only', code: `FROM debian:12\nRUN apt-get update && apt-get install --only-upgrade -y libexpat1${clean}\n` },
    {
      name: 'a build stage does not ship what it installs',
      code: 'FROM debian:12 AS build\nRUN apt-get update && apt-get install -y build-essential\nRUN make\nFROM gcr.io/distroless/cc\nCOPY --from=build /src/app /app\n',
    },
    { name: 'heredoc with the flag, lowercase keywords', code: `from debian:12\nrun <<EOF\napt-get update\napt-get install -y --no-install-recommends curl${clean}\nEOF\n` },
  ],
  invalid: [
    {
      name: 'one line',
      code: `FROM debian:12\nRUN apt-get update && apt-get install -y curl${clean}\n`,
      findings: [
        {
          range: [1, 22, 1, 37],
          message: message('apt-get install'),
          fixes: [{ title: title('apt-get install curl'), output: `FROM debian:12\nRUN apt-get update && apt-get install --no-install-recommends -y curl${clean}\n` }],
        },
      ],
    },
    {
      name: 'options before the action: the flag goes after it; -o for another option does not count',
      code: `FROM debian:12\nRUN apt-get update && apt-get -y -o Dpkg::Options::=--force-confold install curl${clean}\n`,
      findings: [
        {
          range: [1, 22, 1, 75],
          message: message('apt-get install'),
          fixes: [{ title: title('apt-get install curl'), output: `FROM debian:12\nRUN apt-get update && apt-get -y -o Dpkg::Options::=--force-confold install --no-install-recommends curl${clean}\n` }],
        },
      ],
    },
    {
      name: 'each install of a RUN, CRLF and wide characters',
      code: 'FROM ubuntu:24.04\r\nRUN apt update \\\r\n # 🐳 outils\r\n && apt install -y curl \\\r\n && sudo apt install -y git \\\r\n && rm -rf /var/lib/apt/lists/*\r\n',
      findings: [
        {
          range: [3, 4, 3, 15],
          message: message('apt install'),
          fixes: [{ title: title('apt install curl'), output: 'FROM ubuntu:24.04\r\nRUN apt update \\\r\n # 🐳 outils\r\n && apt install --no-install-recommends -y curl \\\r\n && sudo apt install -y git \\\r\n && rm -rf /var/lib/apt/lists/*\r\n' }],
        },
        {
          range: [4, 9, 4, 20],
          message: message('apt install'),
          fixes: [{ title: title('apt install git'), output: 'FROM ubuntu:24.04\r\nRUN apt update \\\r\n # 🐳 outils\r\n && apt install -y curl \\\r\n && sudo apt install --no-install-recommends -y git \\\r\n && rm -rf /var/lib/apt/lists/*\r\n' }],
        },
      ],
    },
    {
      name: 'exec form without a shell: reported, no fix',
      code: 'FROM debian:12\nRUN ["apt-get", "install", "-y", "curl"]\n',
      findings: [{ range: [1, 4, 1, 40], message: message('apt-get install') }],
    },
    {
      name: 'nested sh -c',
      code: `FROM debian:12\nRUN sh -c 'apt-get update && apt-get install -y curl${clean}'\n`,
      findings: [
        {
          range: [1, 29, 1, 44],
          message: message('apt-get install'),
          fixes: [{ title: title('apt-get install curl'), output: `FROM debian:12\nRUN sh -c 'apt-get update && apt-get install --no-install-recommends -y curl${clean}'\n` }],
        },
      ],
    },
  ],
});
