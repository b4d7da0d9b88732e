import { testRule } from '../../test-support/rule-tester';
import { df402 } from './df402-healthcheck-options';

const unknown = (name: string, use: string) => `'--${name}' is not a HEALTHCHECK option, and Docker refuses the build. Use ${use}.`;
const noUnit = (name: string, value: string) => `'--${name}=${value}' has no unit, and Docker refuses a duration without one. Write '${value}s' (or use ms, m, h).`;
const ALL_OPTIONS = 'one of --interval, --timeout, --start-period, --start-interval, --retries';

testRule(df402, {
  valid: [
    'FROM nginx:1.30\nHEALTHCHECK --interval=30s --timeout=5s --start-period=1m30s --start-interval=500ms --retries=3 CMD curl -f http://localhost/ || exit 1\n',
    { name: 'zero needs no unit and means the default', code: 'FROM alpine:3.24\nHEALTHCHECK --interval=0 --timeout=+0 --retries=0 CMD true\n' },
    { name: 'empty values mean the default', code: 'FROM alpine:3.24\nHEALTHCHECK --interval= CMD true\n' },
    { name: 'NONE ignores options', code: 'FROM alpine:3.24\nHEALTHCHECK NONE\n' },
    { name: 'options of the probe command are not HEALTHCHECK options', code: 'FROM alpine:3.24\nHEALTHCHECK CMD wget --spider --timeout=3 http://localhost/\n' },
    { name: 'one HEALTHCHECK per stage', code: 'FROM alpine:3.24 AS a\nHEALTHCHECK CMD true\nFROM alpine:3.24\nHEALTHCHECK NONE\n' },
    { name: 'exec form, continuation and a comment line, lowercase keyword', code: 'FROM alpine:3.24\nhealthcheck --interval=1h \\\n# probe\n  CMD ["/bin/probe", "--fast"]\n' },
    { name: 'fractional and µ units', code: 'FROM alpine:3.24\nHEALTHCHECK --interval=1.5s --timeout=2000µs --start-period=.5m CMD true\n' },
    { name: 'ONBUILD HEALTHCHECK is the child image\'s', code: 'FROM alpine:3.24\nHEALTHCHECK CMD true\nONBUILD HEALTHCHECK CMD false\n' },
  ],
  invalid: [
    {
      name: 'a bare number gets seconds',
      code: 'FROM alpine:3.24\nHEALTHCHECK --interval=30 --timeout=5s CMD true\n',
      findings: [
        {
          range: [1, 23, 1, 25],
          message: noUnit('interval', '30'),
          fixes: [{ title: 'Add the unit: --interval=30s', output: 'FROM alpine:3.24\nHEALTHCHECK --interval=30s --timeout=5s CMD true\n' }],
        },
      ],
    },
    {
      name: 'every duration option, across a continuation line, CRLF kept',
      code: 'FROM alpine:3.24\r\nHEALTHCHECK --timeout=10 \\\r\n  --start-period=1.5 CMD true\r\n',
      findings: [
        {
          range: [1, 22, 1, 24],
          message: noUnit('timeout', '10'),
          fixes: [{ title: 'Add the unit: --timeout=10s', output: 'FROM alpine:3.24\r\nHEALTHCHECK --timeout=10s \\\r\n  --start-period=1.5 CMD true\r\n' }],
        },
        {
          range: [2, 17, 2, 20],
          message: noUnit('start-period', '1.5'),
          fixes: [{ title: 'Add the unit: --start-period=1.5s', output: 'FROM alpine:3.24\r\nHEALTHCHECK --timeout=10 \\\r\n  --start-period=1.5s CMD true\r\n' }],
        },
      ],
    },
    {
      name: 'unknown options: misspellings are renamed, others listed',
      code: 'FROM alpine:3.24\nHEALTHCHECK --Interval=5s --start_period=5s --retry=2 --verbose CMD true\n',
      findings: [
        {
          range: [1, 12, 1, 25],
          message: unknown('Interval', "'--interval'"),
          fixes: [{ title: 'Rename to --interval', output: 'FROM alpine:3.24\nHEALTHCHECK --interval=5s --start_period=5s --retry=2 --verbose CMD true\n' }],
        },
        {
          range: [1, 26, 1, 43],
          message: unknown('start_period', "'--start-period'"),
          fixes: [{ title: 'Rename to --start-period', output: 'FROM alpine:3.24\nHEALTHCHECK --Interval=5s --start-period=5s --retry=2 --verbose CMD true\n' }],
        },
        {
          range: [1, 44, 1, 53],
          message: unknown('retry', "'--retries'"),
          fixes: [{ title: 'Rename to --retries', output: 'FROM alpine:3.24\nHEALTHCHECK --Interval=5s --start_period=5s --retries=2 --verbose CMD true\n' }],
        },
        { range: [1, 54, 1, 63], message: unknown('verbose', ALL_OPTIONS) },
      ],
    },
    {
      name: 'a misspelling is not renamed onto an option that is already there',
      code: 'FROM alpine:3.24\nHEALTHCHECK --TIMEOUT=5s --timeout=3s CMD true\n',
      findings: [{ range: [1, 12, 1, 24], message: unknown('TIMEOUT', "'--timeout'") }],
    },
    {
      name: 'retries must be a non-negative whole number',
      code: 'FROM alpine:3.24\nHEALTHCHECK --retries=3.5 CMD true\nFROM alpine:3.24\nHEALTHCHECK --retries=-1 CMD true\n',
      findings: [
        { range: [1, 22, 1, 25], message: "'--retries=3.5' is not a whole number, and Docker refuses the build. Give the count of failures, such as '--retries=3'." },
        { range: [3, 22, 3, 24], message: "'--retries=-1' is negative, and Docker refuses the build. Give zero or more." },
      ],
    },
    {
      name: 'values Go cannot read, below a millisecond, missing, given twice',
      code: 'FROM alpine:3.24\nHEALTHCHECK --interval=30sec --timeout=100us --start-period --retries=1 --retries=2 CMD true\n',
      findings: [
        { range: [1, 23, 1, 28], message: "'--interval=30sec' is not a duration, and Docker refuses the build. Write a number with a unit, such as '30s' or '1m30s'." },
        { range: [1, 39, 1, 44], message: "'--timeout=100us' is below Docker's 1ms minimum, and Docker refuses the build. Use at least '1ms', or '0' for the default." },
        { range: [1, 45, 1, 59], message: "'--start-period' has no value, and Docker refuses the build. Write it as '--start-period=30s'." },
        { range: [1, 72, 1, 83], message: "'--retries' is given twice, and Docker refuses the build. Keep one." },
      ],
    },
    {
      name: 'a second HEALTHCHECK replaces the first, which is removed with its continuation line',
      code: 'FROM node:24-alpine\nHEALTHCHECK --interval=10s \\\n  CMD wget -q --spider http://localhost:3000/\nUSER node\nHEALTHCHECK NONE\nCMD ["node", "server.js"]\n',
      findings: [
        {
          range: [1, 0, 2, 45],
          message: "'HEALTHCHECK --interval=10s' is replaced by the stage's last HEALTHCHECK, 'HEALTHCHECK NONE', so it never runs. Remove it.",
          fixes: [
            {
              title: "Remove 'HEALTHCHECK --interval=10s' (the last HEALTHCHECK wins)",
              output: 'FROM node:24-alpine\nUSER node\nHEALTHCHECK NONE\nCMD ["node", "server.js"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'non-ASCII probe text, escape directive with backticks',
      code: '# escape=`\nFROM alpine:3.24\nHEALTHCHECK --interval=5 `\n  CMD echo "grüße"\n',
      findings: [
        {
          range: [2, 23, 2, 24],
          message: noUnit('interval', '5'),
          fixes: [{ title: 'Add the unit: --interval=5s', output: '# escape=`\nFROM alpine:3.24\nHEALTHCHECK --interval=5s `\n  CMD echo "grüße"\n' }],
        },
      ],
    },
  ],
});
