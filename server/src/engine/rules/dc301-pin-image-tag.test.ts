import { testRule } from '../../test-support/rule-tester';
import { dc301 } from './dc301-pin-image-tag';

const PIN = 'Pin a version (or a digest) so builds are repeatable.';
const DATE = 'tags as of 2026-08-21';

testRule(dc301, {
  valid: [
    'services:\n  web:\n    image: nginx:1.30\n',
    { name: 'a variable with no default is set by the environment', code: 'services:\n  web:\n    image: ${WEB_IMAGE}\n' },
    { name: 'a pinned default', code: 'services:\n  db:\n    image: postgres:${PG_TAG:-18}\n' },
    { name: 'digest', code: 'services:\n  db:\n    image: "postgres@sha256:0000000000000000000000000000000000000000000000000000000000000000"\n' },
    { name: 'build only', code: 'services:\n  app:\n    build: .\n' },
    { name: 'the .env file beside it pins the tag', code: 'services:\n  web:\n    image: nginx:${TAG}\n', files: { '.env': 'TAG=1.30\n' } },
  ],
  invalid: [
    {
      // Past the documents read, one might not parse: an edit planned on this one could land anywhere.
      name: 'a file with more documents than are read gets no fixes',
      code: `services:\n  web:\n    image: nginx\n${'---\nx-note: 1\n'.repeat(50)}---\nx-broken: [x\n${'---\nx-note: 1\n'.repeat(55)}`,
      findings: [{ range: [2, 11, 2, 16], message: `'nginx' has no tag, so it resolves to whatever 'latest' is when pulled. ${PIN}` }],
    },
    {
      name: 'no tag',
      code: 'services:\n  web:\n    image: nginx\n',
      findings: [
        {
          range: [2, 11, 2, 16],
          message: `'nginx' has no tag, so it resolves to whatever 'latest' is when pulled. ${PIN}`,
          fixes: [
            { title: `Pin tag: nginx:1.30 (recommended line, ${DATE})`, output: 'services:\n  web:\n    image: nginx:1.30\n' },
            { title: `Pin tag: nginx:1.30.4 (exact version, ${DATE})`, output: 'services:\n  web:\n    image: nginx:1.30.4\n' },
          ],
        },
      ],
    },
    {
      name: 'quoted latest default of a variable',
      code: 'services:\n  web:\n    image: "redis:${TAG:-latest}"\n',
      findings: [
        {
          range: [2, 11, 2, 33],
          message: `'redis:\${TAG:-latest}' defaults to a floating tag, so it moves with every release. ${PIN}`,
          fixes: [
            { title: `Pin tag: redis:8.10 (recommended line, ${DATE})`, output: 'services:\n  web:\n    image: "redis:${TAG:-8.10}"\n' },
            { title: `Pin tag: redis:8.10.1 (exact version, ${DATE})`, output: 'services:\n  web:\n    image: "redis:${TAG:-8.10.1}"\n' },
          ],
        },
      ],
    },
    {
      name: 'variant kept, a tag from another service offered first, anchors shared once',
      code: "x-pg: &pg\n  image: 'postgres:alpine'\nservices:\n  a:\n    <<: *pg\n  b:\n    <<: *pg\n  c:\n    image: postgres:17-alpine\n",
      findings: [
        {
          range: [1, 9, 1, 26],
          message: `'postgres:alpine' names a variant but no version, so it moves with every release. ${PIN}`,
          fixes: [
            { title: 'Pin tag: postgres:17-alpine (already pinned in this file)', output: "x-pg: &pg\n  image: 'postgres:17-alpine'\nservices:\n  a:\n    <<: *pg\n  b:\n    <<: *pg\n  c:\n    image: postgres:17-alpine\n" },
            { title: `Pin tag: postgres:18-alpine (recommended line, ${DATE})`, output: "x-pg: &pg\n  image: 'postgres:18-alpine'\nservices:\n  a:\n    <<: *pg\n  b:\n    <<: *pg\n  c:\n    image: postgres:17-alpine\n" },
            { title: `Pin tag: postgres:18.6-alpine (exact version, ${DATE})`, output: "x-pg: &pg\n  image: 'postgres:18.6-alpine'\nservices:\n  a:\n    <<: *pg\n  b:\n    <<: *pg\n  c:\n    image: postgres:17-alpine\n" },
          ],
        },
      ],
    },
    {
      name: 'the .env file beside it sets the tag to latest: reported, the fix belongs in .env',
      code: 'services:\n  web:\n    image: nginx:${TAG}\n',
      files: { '.env': '# pinned later\nTAG=latest\n' },
      findings: [{ range: [2, 11, 2, 23], message: `'nginx:\${TAG}' defaults to a floating tag, so it moves with every release. ${PIN}` }],
    },
    {
      name: 'non-ASCII comment before, tab-free CRLF file',
      code: '# café\r\nservices:\r\n  app:\r\n    image: ghcr.io/acme/app:latest\r\n',
      findings: [{ range: [3, 11, 3, 34], message: `'ghcr.io/acme/app:latest' moves with every release. ${PIN}` }],
    },
  ],
});
