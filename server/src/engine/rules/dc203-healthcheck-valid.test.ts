import { testRule } from '../../test-support/rule-tester';
import { dc203 } from './dc203-healthcheck-valid';

const convert = (command: string) => `Convert to CMD-SHELL: run '${command}' through a shell`;
const operator = (op: string, program: string) => `With CMD, no shell runs, so '${op}' reaches '${program}' as a plain argument instead of acting as a shell operator. Use CMD-SHELL.`;
const noType = (first: string) =>
  `Docker ignores a healthcheck whose test list starts with '${first}' rather than CMD, CMD-SHELL or NONE. Put "CMD" first to run the command directly, or "CMD-SHELL" to run it through a shell.`;

testRule(dc203, {
  valid: [
    {
      name: 'a later document that changes only the interval keeps the test of the one before',
      code: 'services:\n  db:\n    image: postgres:18\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n---\nservices:\n  db:\n    healthcheck:\n      interval: 5s\n',
    },
    'services:\n  db:\n    image: postgres:18\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres || exit 1"]\n      interval: 10s\n      timeout: 1m30s\n      start_period: 0\n      start_interval: 500ms\n      retries: 5\n',
    {
      name: 'string form, exec form, NONE, disabled, days and weeks, interpolation',
      code: "services:\n  a:\n    healthcheck:\n      test: curl -f http://localhost || exit 1\n  b:\n    healthcheck:\n      test:\n        - CMD\n        - wget\n        - --spider\n        - http://localhost:${PORT:-80}/health\n      interval: ${HC_INTERVAL:-30s}\n      retries: \"${HC_RETRIES:-3}\"\n  c:\n    healthcheck:\n      test: [NONE]\n  d:\n    healthcheck:\n      disable: true\n      test: [curl, localhost]\n  e:\n    healthcheck:\n      test: ['CMD', 'redis-cli', 'ping']\n      interval: 1d\n      timeout: \"1.5m\"\n      retries: '3'\n",
    },
    {
      name: 'a shell asked for explicitly, and shell-like text that is an argument',
      code: 'services:\n  a:\n    healthcheck:\n      test: ["CMD", "/bin/sh", "-c", "curl -f localhost || exit 1"]\n  b:\n    healthcheck:\n      test: ["CMD", "ruby", "-e", "require \'socket\'; TCPSocket.new(\'localhost\', 25).close"]\n  c:\n    healthcheck:\n      test: ["CMD", "grep", "-qE", "ready|up", "/tmp/state"]\n  d:\n    healthcheck:\n      test: ["CMD", "pg_isready", "-U", "${POSTGRES_USER}"]\n',
    },
    {
      name: 'healthcheck in an x- anchor, merged into a service',
      code: 'x-health: &health\n  interval: 5s\n  timeout: 3s\nservices:\n  api:\n    image: example/api:1\n    healthcheck:\n      <<: *health\n      test: ["CMD", "/healthz"]\n',
    },
  ],
  invalid: [
    {
      name: 'a whole command line in one CMD argument: only the type changes',
      code: 'services:\n  web:\n    healthcheck:\n      test: ["CMD", "curl -f http://localhost/ || exit 1"] # probe\n',
      findings: [
        {
          range: [3, 20, 3, 57],
          message: "With CMD, Docker runs no shell and looks for a program named 'curl -f http://localhost/ || exit 1', spaces and all. Use CMD-SHELL to run it as a shell command.",
          fixes: [{ title: convert('curl -f http://localhost/ || exit 1'), output: 'services:\n  web:\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f http://localhost/ || exit 1"] # probe\n' }],
        },
      ],
    },
    {
      name: 'operators as separate arguments, with an argument that needs quoting; CRLF',
      code: 'services:\r\n  web:\r\n    healthcheck:\r\n      test: [CMD, curl, -H, "Accept: text/plain", http://localhost, "||", exit, "1"]\r\n',
      findings: [
        {
          range: [3, 68, 3, 72],
          message: operator('||', 'curl'),
          fixes: [{ title: convert("curl -H 'Accept: text/plain' http://localhost || exit 1"), output: 'services:\r\n  web:\r\n    healthcheck:\r\n      test: ["CMD-SHELL", "curl -H \'Accept: text/plain\' http://localhost || exit 1"]\r\n' }],
        },
      ],
    },
    {
      name: 'block list with an escaped variable',
      code: 'services:\n  db:\n    image: postgres:18\n    healthcheck:\n      test:\n        - CMD\n        - pg_isready\n        - -U\n        - $$POSTGRES_USER\n      interval: 5s\n',
      findings: [
        {
          range: [8, 10, 8, 25],
          message: "With CMD, no shell runs, so '$$POSTGRES_USER' reaches 'pg_isready' as the literal text '$POSTGRES_USER' instead of a variable's value. Use CMD-SHELL.",
          fixes: [
            {
              title: convert('pg_isready -U $$POSTGRES_USER'),
              output: 'services:\n  db:\n    image: postgres:18\n    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U $$POSTGRES_USER"]\n      interval: 5s\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a comment inside the list keeps the fix away',
      code: 'services:\n  web:\n    healthcheck:\n      test:\n        - CMD\n        # the probe\n        - curl\n        - localhost\n        - "|"\n        - grep\n        - ok\n',
      findings: [{ range: [8, 10, 8, 13], message: operator('|', 'curl') }],
    },
    {
      name: 'no test type: CMD is added in front',
      code: "services:\n  web:\n    healthcheck:\n      test: ['wget', '--spider', 'http://localhost:8080/']\n  api:\n    healthcheck:\n      test:\n        - /bin/healthcheck # built in\n",
      findings: [
        { range: [3, 13, 3, 19], message: noType('wget'), fixes: [{ title: "Add CMD: run 'wget' directly", output: "services:\n  web:\n    healthcheck:\n      test: ['CMD', 'wget', '--spider', 'http://localhost:8080/']\n  api:\n    healthcheck:\n      test:\n        - /bin/healthcheck # built in\n" }] },
        { range: [7, 10, 7, 26], message: noType('/bin/healthcheck'), fixes: [{ title: "Add CMD: run '/bin/healthcheck' directly", output: "services:\n  web:\n    healthcheck:\n      test: ['wget', '--spider', 'http://localhost:8080/']\n  api:\n    healthcheck:\n      test:\n        - CMD\n        - /bin/healthcheck # built in\n" }] },
      ],
    },
    {
      name: 'no test type and shell syntax: CMD-SHELL',
      code: 'services:\n  web:\n    healthcheck:\n      test: ["curl -f localhost || exit 1"]\n  api:\n    healthcheck:\n      test: [curl, -f, localhost, "&&", echo, ok]\n',
      findings: [
        { range: [3, 13, 3, 42], message: noType('curl -f localhost || exit 1'), fixes: [{ title: convert('curl -f localhost || exit 1'), output: 'services:\n  web:\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f localhost || exit 1"]\n  api:\n    healthcheck:\n      test: [curl, -f, localhost, "&&", echo, ok]\n' }] },
        { range: [6, 13, 6, 17], message: noType('curl'), fixes: [{ title: convert('curl -f localhost && echo ok'), output: 'services:\n  web:\n    healthcheck:\n      test: ["curl -f localhost || exit 1"]\n  api:\n    healthcheck:\n      test: ["CMD-SHELL", "curl -f localhost && echo ok"]\n' }] },
      ],
    },
    {
      name: 'type in lower case; NONE as a string; a test that is a mapping',
      code: 'services:\n  a:\n    healthcheck:\n      test: ["cmd-shell", "true"]\n  b:\n    healthcheck:\n      test: NONE\n  c:\n    healthcheck:\n      test: {cmd: true}\n',
      findings: [
        {
          range: [3, 13, 3, 24],
          message: "Docker reads the test type case-sensitively and ignores a healthcheck whose list starts with 'cmd-shell'. Write 'CMD-SHELL'.",
          fixes: [{ title: "Write 'CMD-SHELL' in capitals", output: 'services:\n  a:\n    healthcheck:\n      test: ["CMD-SHELL", "true"]\n  b:\n    healthcheck:\n      test: NONE\n  c:\n    healthcheck:\n      test: {cmd: true}\n' }],
        },
        {
          range: [6, 12, 6, 16],
          message: "A string test is run by a shell, so 'NONE' runs as a command instead of turning the healthcheck off. Write [\"NONE\"] or 'disable: true'.",
          fixes: [{ title: 'Turn the healthcheck off: write ["NONE"]', output: 'services:\n  a:\n    healthcheck:\n      test: ["cmd-shell", "true"]\n  b:\n    healthcheck:\n      test: ["NONE"]\n  c:\n    healthcheck:\n      test: {cmd: true}\n' }],
        },
        { range: [9, 12, 9, 23], message: 'The healthcheck test must be a string, run by a shell, or a list that starts with CMD, CMD-SHELL or NONE.' },
      ],
    },
    {
      name: 'durations without a unit, unreadable, too short; retries not whole; shared through an alias',
      code: 'x-hc: &hc\n  test: ["CMD", "true"]\n  interval: 30\n  timeout: "2.5"\n  start_period: 1min\n  start_interval: 500us\n  retries: 2.5\nservices:\n  a:\n    healthcheck: *hc\n  b:\n    healthcheck: *hc\n',
      findings: [
        {
          range: [2, 12, 2, 14],
          message: "The healthcheck interval '30' has no unit, which Compose rejects. Give it one, as in '30s'.",
          fixes: [{ title: "Add unit: write '30s'", output: 'x-hc: &hc\n  test: ["CMD", "true"]\n  interval: 30s\n  timeout: "2.5"\n  start_period: 1min\n  start_interval: 500us\n  retries: 2.5\nservices:\n  a:\n    healthcheck: *hc\n  b:\n    healthcheck: *hc\n' }],
        },
        {
          range: [3, 11, 3, 16],
          message: "The healthcheck timeout '2.5' has no unit, which Compose rejects. Give it one, as in '2.5s'.",
          fixes: [{ title: "Add unit: write '2.5s'", output: 'x-hc: &hc\n  test: ["CMD", "true"]\n  interval: 30\n  timeout: "2.5s"\n  start_period: 1min\n  start_interval: 500us\n  retries: 2.5\nservices:\n  a:\n    healthcheck: *hc\n  b:\n    healthcheck: *hc\n' }],
        },
        { range: [4, 16, 4, 20], message: "The healthcheck start_period '1min' is not a duration Compose can read. Write a number with a unit (ms, s, m, h, d), as in '1m30s'." },
        { range: [5, 18, 5, 23], message: "The healthcheck start_interval '500us' is below Docker's minimum of 1ms. Use 0 for the default, or at least 1ms." },
        { range: [6, 11, 6, 14], message: "The healthcheck retries '2.5' is not a whole number: it counts the failed checks in a row before the container turns unhealthy." },
      ],
    },
    {
      name: 'non-ASCII before a bad duration',
      code: 'services:\n  café:\n    healthcheck: { test: ["CMD", "true"], interval: 10 } # ☕\n',
      findings: [
        {
          range: [2, 52, 2, 54],
          message: "The healthcheck interval '10' has no unit, which Compose rejects. Give it one, as in '10s'.",
          fixes: [{ title: "Add unit: write '10s'", output: 'services:\n  café:\n    healthcheck: { test: ["CMD", "true"], interval: 10s } # ☕\n' }],
        },
      ],
    },
  ],
});
