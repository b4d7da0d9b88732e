import { testRule } from '../../test-support/rule-tester';
import { dc201 } from './dc201-depends-on-healthy';

const stateful = (from: string, to: string) =>
  `'${from}' waits only for '${to}' to start, yet it runs a service that needs time to get ready. Use 'condition: service_healthy' so '${from}' starts once '${to}' is ready.`;
const checked = (from: string, to: string) =>
  `'${from}' waits only for '${to}' to start, yet it has a healthcheck. Use 'condition: service_healthy' so '${from}' starts once '${to}' is ready.`;

const PG_HEALTHCHECK = '    healthcheck:\n      test: ["CMD-SHELL", "pg_isready -U postgres -d postgres"]\n      interval: 5s\n      timeout: 5s\n      retries: 5\n';

testRule(dc201, {
  valid: [
    'services:\n  web:\n    image: nginx:1.30\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:18\n',
    { name: 'dependency with nothing to wait for', code: 'services:\n  web:\n    image: nginx:1.30\n    depends_on: [api]\n  api:\n    image: example/api:1\n' },
    { name: 'healthcheck disabled', code: 'services:\n  web:\n    depends_on: [api]\n  api:\n    image: example/api:1\n    healthcheck:\n      disable: true\n' },
    { name: 'service_completed_successfully is deliberate', code: 'services:\n  web:\n    depends_on:\n      migrate:\n        condition: service_completed_successfully\n  migrate:\n    image: postgres:18\n' },
    { name: 'unknown target is another rule\'s business', code: 'services:\n  web:\n    depends_on: [db]\n' },
  ],
  invalid: [
    {
      name: 'short form on postgres: long form plus a healthcheck',
      code: 'services:\n  web:\n    image: nginx:1.30\n    depends_on:\n      - db\n  db:\n    image: postgres:16\n',
      findings: [
        {
          range: [4, 8, 4, 10],
          message: stateful('web', 'db'),
          fixes: [
            {
              title: "Wait for healthy: wait for 'db' and give it a healthcheck",
              output: `services:\n  web:\n    image: nginx:1.30\n    depends_on:\n      db:\n        condition: service_healthy\n  db:\n    image: postgres:16\n${PG_HEALTHCHECK}`,
            },
          ],
        },
      ],
    },
    {
      name: 'flow sequence, 4-space indent, the other target keeps service_started, user from the environment',
      code: 'services:\n    app:\n        depends_on: [cache, db]\n    cache:\n        image: example/cache:1\n    db:\n        image: postgres:18-alpine\n        environment:\n            POSTGRES_USER: shop\n            POSTGRES_DB: ${DB_NAME}\n',
      findings: [
        {
          range: [2, 28, 2, 30],
          message: stateful('app', 'db'),
          fixes: [
            {
              title: "Wait for healthy: wait for 'db' and give it a healthcheck",
              output:
                'services:\n    app:\n        depends_on:\n            cache:\n                condition: service_started\n            db:\n                condition: service_healthy\n    cache:\n        image: example/cache:1\n    db:\n        image: postgres:18-alpine\n        environment:\n            POSTGRES_USER: shop\n            POSTGRES_DB: ${DB_NAME}\n        healthcheck:\n            test: ["CMD-SHELL", "pg_isready -U shop -d $${POSTGRES_DB}"]\n            interval: 5s\n            timeout: 5s\n            retries: 5\n',
            },
          ],
        },
      ],
    },
    {
      name: 'indentless sequence and a target with its own healthcheck',
      code: 'services:\n  web:\n    depends_on:\n    - api # needs the API\n  api:\n    image: example/api:1\n    healthcheck:\n      test: ["CMD", "true"]',
      findings: [
        {
          range: [3, 6, 3, 9],
          message: checked('web', 'api'),
          fixes: [
            {
              title: "Wait for healthy: wait until 'api' passes its healthcheck",
              output: 'services:\n  web:\n    depends_on:\n      api:\n        condition: service_started # needs the API\n  api:\n    image: example/api:1\n    healthcheck:\n      test: ["CMD", "true"]'.replace('service_started', 'service_healthy'),
            },
          ],
        },
      ],
    },
    {
      name: 'long form with service_started',
      code: 'services:\n  web:\n    depends_on:\n      cache:\n        condition: service_started\n        restart: true\n  cache:\n    image: redis:8\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n',
      findings: [
        {
          range: [4, 19, 4, 34],
          message: checked('web', 'cache'),
          fixes: [
            {
              title: "Wait for healthy: wait until 'cache' passes its healthcheck",
              output: 'services:\n  web:\n    depends_on:\n      cache:\n        condition: service_healthy\n        restart: true\n  cache:\n    image: redis:8\n    healthcheck:\n      test: ["CMD", "redis-cli", "ping"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'long form without a condition',
      code: 'services:\n  web:\n    depends_on:\n      cache:\n        required: false\n  cache:\n    image: redis:8\n',
      findings: [
        {
          range: [3, 6, 3, 11],
          message: stateful('web', 'cache'),
          fixes: [
            {
              title: "Wait for healthy: wait for 'cache' and give it a healthcheck",
              output: 'services:\n  web:\n    depends_on:\n      cache:\n        condition: service_healthy\n        required: false\n  cache:\n    image: redis:8\n    healthcheck:\n      test: ["CMD-SHELL", "redis-cli ping"]\n      interval: 5s\n      timeout: 5s\n      retries: 5\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a stateful image with no known probe: reported without a fix',
      code: 'services:\n  app:\n    depends_on: [search]\n  search:\n    image: elasticsearch:9.5.2\n',
      findings: [{ range: [2, 17, 2, 23], message: stateful('app', 'search') }],
    },
  ],
});
