import { testRule } from '../../test-support/rule-tester';
import { df205 } from './df205-apt-update-alone';

const message = (label: string) =>
  `'${label}' runs in a RUN that installs nothing after it, so its cached layer can hand stale lists to a later install. Run it in the same RUN as the install.`;
const install = 'apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*';

testRule(df205, {
  valid: [
    `FROM debian:12\nRUN apt-get update && ${install}\n`,
    { name: 'a script after the update may install', code: 'FROM debian:12\nCOPY setup.sh /tmp/\nRUN apt-get update && /tmp/setup.sh && rm -rf /var/lib/apt/lists/*\n' },
    {
      name: 'heredoc, lowercase keywords',
      code: 'from debian:12\nrun <<EOF\nset -e\napt-get update\napt-get install -y --no-install-recommends curl\nrm -rf /var/lib/apt/lists/*\nEOF\n',
    },
    {
      name: 'an update inside a helper function that the RUN calls before installing',
      code: 'FROM debian:12\nRUN set -eux; \\\n\t_update() { \\\n\t\tapt-get -o Acquire::GzipIndexes=false update; \\\n\t}; \\\n\t_update; \\\n\tapt-get install -y --no-install-recommends curl; \\\n\trm -rf /var/lib/apt/lists/*\n',
    },
    { name: 'apt 3 installs with --update', code: 'FROM debian:trixie\nRUN apt-get install --update -y --no-install-recommends curl && apt-get dist-clean\n' },
    { name: 'exec form running a shell', code: `FROM debian:12\nRUN ["bash", "-c", "apt-get update && ${install}"]\n` },
    { name: 'other tools that read the lists', code: 'FROM debian:12\nRUN apt-get update && apt-cache policy curl && rm -rf /var/lib/apt/lists/*\n' },
  ],
  invalid: [
    {
      name: 'merged into the next RUN that installs, past an ENV',
      code: `FROM debian:12\nRUN apt-get update\nENV DEBIAN_FRONTEND=noninteractive\nRUN ${install}\n`,
      findings: [
        {
          range: [1, 4, 1, 18],
          message: message('apt-get update'),
          fixes: [
            {
              title: "Merge into the next RUN: run 'apt-get update' there, before 'apt-get install'",
              output: `FROM debian:12\nENV DEBIAN_FRONTEND=noninteractive\nRUN apt-get update && ${install}\n`,
            },
          ],
        },
      ],
    },
    {
      name: 'the update goes right before the install, after set -eux; CRLF and wide characters',
      code: 'FROM debian:12\r\n# Mise à jour 🐳\r\nRUN apt-get -qq update\r\nRUN set -eux; \\\r\n\tapt-get install -y --no-install-recommends curl; \\\r\n\trm -rf /var/lib/apt/lists/*\r\n',
      findings: [
        {
          range: [2, 4, 2, 22],
          message: message('apt-get update'),
          fixes: [
            {
              title: "Merge into the next RUN: run 'apt-get -qq update' there, before 'apt-get install'",
              output: 'FROM debian:12\r\n# Mise à jour 🐳\r\nRUN set -eux; \\\r\n\tapt-get -qq update && apt-get install -y --no-install-recommends curl; \\\r\n\trm -rf /var/lib/apt/lists/*\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'the next RUN updates by itself: the lone one goes',
      code: `FROM debian:12\nRUN apt update\nRUN apt update && ${install}\n`,
      findings: [
        {
          range: [1, 4, 1, 14],
          message: message('apt update'),
          fixes: [{ title: "Merge into the next RUN: it runs 'apt update' itself, so remove this one", output: `FROM debian:12\nRUN apt update && ${install}\n` }],
        },
      ],
    },
    {
      name: 'another RUN in between may change the sources: no fix',
      code: `FROM debian:12\nRUN apt-get update\nRUN echo 'deb http://deb.debian.org/debian bookworm-backports main' > /etc/apt/sources.list.d/backports.list\nRUN ${install}\n`,
      findings: [{ range: [1, 4, 1, 18], message: message('apt-get update') }],
    },
    {
      name: 'a COPY in between: no fix',
      code: `FROM debian:12\nRUN apt-get update\nCOPY sources.list /etc/apt/sources.list\nRUN ${install}\n`,
      findings: [{ range: [1, 4, 1, 18], message: message('apt-get update') }],
    },
    {
      name: 'update followed only by commands that install nothing: no fix, the RUN does more than update',
      code: 'FROM debian:12\nRUN apt-get update && echo updated\n',
      findings: [{ range: [1, 4, 1, 18], message: message('apt-get update') }],
    },
    {
      name: 'nothing installs later in the stage',
      code: 'FROM debian:12 AS base\nRUN apt-get update\nFROM base\nRUN apt-get install -y curl\n',
      findings: [{ range: [1, 4, 1, 18], message: message('apt-get update') }],
    },
  ],
});
