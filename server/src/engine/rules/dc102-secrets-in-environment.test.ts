import { testRule } from '../../test-support/rule-tester';
import { dc102 } from './dc102-secrets-in-environment';

const message = (name: string, variable = name) =>
  `'${name}' has its secret value written in the Compose file, where everyone who reads the file sees it. Interpolate it from the environment ('\${${variable}}') or pass it as a secret file.`;
const interpolate = (name: string, variable = name) => `Use interpolation: read ${name} from the environment as '\${${variable}}'`;
const move = (name: string, secret: string) => `Move to secrets: pass ${name} as the secret '${secret}' in secrets/${secret}.txt`;

testRule(dc102, {
  valid: [
    'services:\n  db:\n    image: postgres:18\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n      POSTGRES_USER: app\n',
    {
      name: 'defaults, files, switches, pass-through and empty values',
      code: 'services:\n  db:\n    image: mysql:8.4\n    environment:\n      - MYSQL_PASSWORD=${MYSQL_PASSWORD:-dev}\n      - MYSQL_ROOT_PASSWORD_FILE=/run/secrets/root\n      - MYSQL_ALLOW_EMPTY_PASSWORD=yes\n      - MYSQL_RANDOM_ROOT_PASSWORD=1\n      - API_TOKEN\n      - SESSION_SECRET=\n  app:\n    image: example/app:1\n    environment:\n      GITHUB_TOKEN: $GITHUB_TOKEN\n      OAUTH_TOKEN_URL: https://auth.example.com/token\n      DATABASE_URL: postgres://app@db/app\n      SIGNING_KEY_PATH: /run/secrets/signing\n      ADMIN_PASSWORD:\n      REDIS_PASSWORD: /run/secrets/redis\n',
    },
    {
      name: 'x- fields that no service uses, profiles, comments',
      code: 'x-defaults:\n  environment:\n    API_KEY: not-used\nservices:\n  web:\n    image: example/web:1\n    profiles: [debug]\n    # API_KEY: abc\n    environment:\n      API_KEY: ${API_KEY:?set API_KEY}\n',
    },
  ],
  invalid: [
    {
      name: 'map form on postgres: interpolation, or a secret file with the same value',
      code: 'services:\n  db:\n    image: postgres:18\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: s3cret # dev only\n',
      findings: [
        {
          range: [5, 25, 5, 31],
          message: message('POSTGRES_PASSWORD'),
          fixes: [
            {
              title: interpolate('POSTGRES_PASSWORD'),
              output: 'services:\n  db:\n    image: postgres:18\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD} # dev only\n',
            },
            {
              title: move('POSTGRES_PASSWORD', 'postgres_password'),
              output:
                'services:\n  db:\n    image: postgres:18\n    environment:\n      POSTGRES_USER: app\n      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password # dev only\n    secrets:\n      - postgres_password\nsecrets:\n  postgres_password:\n    file: ./secrets/postgres_password.txt\n',
              created: { 'secrets/postgres_password.txt': 's3cret' },
            },
          ],
        },
      ],
    },
    {
      name: 'list form, quoted, CRLF, non-ASCII value with an escaped dollar, existing secrets on the service and at the top level',
      code: 'services:\r\n  db:\r\n    image: mariadb:11.8\r\n    environment:\r\n      - "MARIADB_ROOT_PASSWORD=päss$$wörd"\r\n    secrets:\r\n      - backup_key\r\nsecrets:\r\n  backup_key:\r\n    file: ./backup.key\r\n',
      files: { 'backup.key': 'k' },
      findings: [
        {
          range: [4, 31, 4, 41],
          message: message('MARIADB_ROOT_PASSWORD'),
          fixes: [
            {
              title: interpolate('MARIADB_ROOT_PASSWORD'),
              output: 'services:\r\n  db:\r\n    image: mariadb:11.8\r\n    environment:\r\n      - "MARIADB_ROOT_PASSWORD=${MARIADB_ROOT_PASSWORD}"\r\n    secrets:\r\n      - backup_key\r\nsecrets:\r\n  backup_key:\r\n    file: ./backup.key\r\n',
            },
            {
              title: move('MARIADB_ROOT_PASSWORD', 'mariadb_root_password'),
              output:
                'services:\r\n  db:\r\n    image: mariadb:11.8\r\n    environment:\r\n      - "MARIADB_ROOT_PASSWORD_FILE=/run/secrets/mariadb_root_password"\r\n    secrets:\r\n      - backup_key\r\n      - mariadb_root_password\r\nsecrets:\r\n  backup_key:\r\n    file: ./backup.key\r\n  mariadb_root_password:\r\n    file: ./secrets/mariadb_root_password.txt\r\n',
              created: { 'secrets/mariadb_root_password.txt': 'päss$wörd' },
            },
          ],
        },
      ],
    },
    {
      // YAML and the LSP read a lone \r as a line break; the value, and the secret file, end before it.
      name: 'CRLF file whose last line ends in a lone carriage return',
      code: 'services:\r\n  db:\r\n    image: postgres:18\r\n    environment:\r\n      POSTGRES_PASSWORD: s3cret\r',
      findings: [
        {
          range: [4, 25, 4, 31],
          message: message('POSTGRES_PASSWORD'),
          fixes: [
            {
              title: interpolate('POSTGRES_PASSWORD'),
              output: 'services:\r\n  db:\r\n    image: postgres:18\r\n    environment:\r\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\r',
            },
            {
              title: move('POSTGRES_PASSWORD', 'postgres_password'),
              output:
                'services:\r\n  db:\r\n    image: postgres:18\r\n    environment:\r\n      POSTGRES_PASSWORD_FILE: /run/secrets/postgres_password\r\n    secrets:\r\n      - postgres_password\r\nsecrets:\r\n  postgres_password:\r\n    file: ./secrets/postgres_password.txt\r',
              created: { 'secrets/postgres_password.txt': 's3cret' },
            },
          ],
        },
      ],
    },
    {
      name: 'flow mapping, 4-space indentation, secret name taken by another definition',
      code: 'services:\n    db:\n        image: mysql:8.4\n        environment: { MYSQL_ROOT_PASSWORD: root }\nsecrets:\n    mysql_root_password:\n        environment: OLD_ROOT_PASSWORD\n',
      findings: [
        {
          range: [3, 44, 3, 48],
          message: message('MYSQL_ROOT_PASSWORD'),
          fixes: [
            {
              title: interpolate('MYSQL_ROOT_PASSWORD'),
              output: 'services:\n    db:\n        image: mysql:8.4\n        environment: { MYSQL_ROOT_PASSWORD: "${MYSQL_ROOT_PASSWORD}" }\nsecrets:\n    mysql_root_password:\n        environment: OLD_ROOT_PASSWORD\n',
            },
            {
              title: move('MYSQL_ROOT_PASSWORD', 'db_mysql_root_password'),
              output:
                'services:\n    db:\n        image: mysql:8.4\n        environment: { MYSQL_ROOT_PASSWORD_FILE: /run/secrets/db_mysql_root_password }\n        secrets:\n            - db_mysql_root_password\nsecrets:\n    mysql_root_password:\n        environment: OLD_ROOT_PASSWORD\n    db_mysql_root_password:\n        file: ./secrets/db_mysql_root_password.txt\n',
              created: { 'secrets/db_mysql_root_password.txt': 'root' },
            },
          ],
        },
      ],
    },
    {
      name: 'an anchor shared by two services: one finding, interpolation only',
      code: 'x-env: &env\n  API_TOKEN: abc123\nservices:\n  web:\n    image: example/web:1\n    environment:\n      <<: *env\n      LOG_LEVEL: info\n  worker:\n    image: example/worker:1\n    environment: *env\n',
      findings: [
        {
          range: [1, 13, 1, 19],
          message: message('API_TOKEN'),
          fixes: [
            {
              title: interpolate('API_TOKEN'),
              output: 'x-env: &env\n  API_TOKEN: ${API_TOKEN}\nservices:\n  web:\n    image: example/web:1\n    environment:\n      <<: *env\n      LOG_LEVEL: info\n  worker:\n    image: example/worker:1\n    environment: *env\n',
            },
          ],
        },
      ],
    },
    {
      name: 'names that are no shell variables, an escaped dollar, a number, a placeholder',
      code: "services:\n  app:\n    image: example/app:1\n    environment:\n      spring.datasource.password: hunter2\n      ADMIN_PASSWORD: \"pa$$word\"\n      dbPassword: 1234\n      STRIPE_API_KEY: 'changeme'\n",
      findings: [
        {
          range: [4, 34, 4, 41],
          message: message('spring.datasource.password', 'SPRING_DATASOURCE_PASSWORD'),
          fixes: [
            {
              title: interpolate('spring.datasource.password', 'SPRING_DATASOURCE_PASSWORD'),
              output: "services:\n  app:\n    image: example/app:1\n    environment:\n      spring.datasource.password: ${SPRING_DATASOURCE_PASSWORD}\n      ADMIN_PASSWORD: \"pa$$word\"\n      dbPassword: 1234\n      STRIPE_API_KEY: 'changeme'\n",
            },
          ],
        },
        {
          range: [5, 22, 5, 32],
          message: message('ADMIN_PASSWORD'),
          fixes: [
            {
              title: interpolate('ADMIN_PASSWORD'),
              output: "services:\n  app:\n    image: example/app:1\n    environment:\n      spring.datasource.password: hunter2\n      ADMIN_PASSWORD: \"${ADMIN_PASSWORD}\"\n      dbPassword: 1234\n      STRIPE_API_KEY: 'changeme'\n",
            },
          ],
        },
        {
          range: [6, 18, 6, 22],
          message: message('dbPassword'),
          fixes: [
            {
              title: interpolate('dbPassword'),
              output: "services:\n  app:\n    image: example/app:1\n    environment:\n      spring.datasource.password: hunter2\n      ADMIN_PASSWORD: \"pa$$word\"\n      dbPassword: ${dbPassword}\n      STRIPE_API_KEY: 'changeme'\n",
            },
          ],
        },
        {
          range: [7, 22, 7, 32],
          message: message('STRIPE_API_KEY'),
          fixes: [
            {
              title: interpolate('STRIPE_API_KEY'),
              output: "services:\n  app:\n    image: example/app:1\n    environment:\n      spring.datasource.password: hunter2\n      ADMIN_PASSWORD: \"pa$$word\"\n      dbPassword: 1234\n      STRIPE_API_KEY: '${STRIPE_API_KEY}'\n",
            },
          ],
        },
      ],
    },
    {
      name: 'a plain item of a flow list is quoted when it gets braces',
      code: 'services:\n  app:\n    image: example/app:1\n    environment: [DEBUG=1, API_KEY=abc]\n',
      findings: [
        {
          range: [3, 35, 3, 38],
          message: message('API_KEY'),
          fixes: [{ title: interpolate('API_KEY'), output: 'services:\n  app:\n    image: example/app:1\n    environment: [DEBUG=1, "API_KEY=${API_KEY}"]\n' }],
        },
      ],
    },
    {
      name: 'an unsaved buffer cannot get a secret file',
      code: 'services:\n  db:\n    image: postgres:18\n    environment:\n      - POSTGRES_PASSWORD=example\n',
      noFiles: true,
      findings: [
        {
          range: [4, 26, 4, 33],
          message: message('POSTGRES_PASSWORD'),
          fixes: [{ title: interpolate('POSTGRES_PASSWORD'), output: 'services:\n  db:\n    image: postgres:18\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n' }],
        },
      ],
    },
    {
      name: 'an existing secret file is never overwritten',
      code: 'services:\n  db:\n    image: postgres:18\n    environment:\n      - POSTGRES_PASSWORD=example\n',
      files: { 'secrets/postgres_password.txt': 'other' },
      findings: [
        {
          range: [4, 26, 4, 33],
          message: message('POSTGRES_PASSWORD'),
          fixes: [{ title: interpolate('POSTGRES_PASSWORD'), output: 'services:\n  db:\n    image: postgres:18\n    environment:\n      - POSTGRES_PASSWORD=${POSTGRES_PASSWORD}\n' }],
        },
      ],
    },
  ],
});
