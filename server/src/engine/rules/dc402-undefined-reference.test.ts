import { testRule } from '../../test-support/rule-tester';
import { dc402 } from './dc402-undefined-reference';

const service = (name: string) => `'${name}' is not a service of this project. Correct the name or define the service under 'services'.`;
const defined = (noun: string, name: string, section: string, hint = '') => `${noun} '${name}' is not defined under the top-level '${section}'. Correct the name or declare it there${hint}.`;

const EVERY_KIND = `services:
  web:
    image: example/web:1.4
    depends_on:
      db:
        condition: service_started
    links: ["db:database"]
    networks: [front, default]
    volumes:
      - data:/var/lib/web
      - ./src:/app:ro
      - /var/log:/host-log
      - ~/cache:/cache
      - \${PWD}/tmp:/tmp
      - C:\\Users\\me:/home
      - /anonymous
      - type: volume
        source: "data"
        target: /data
      - type: bind
        source: ./conf
        target: /conf
    secrets:
      - api_key
      - source: db_pass
        target: password
    configs: [{ source: app_conf, target: /etc/app.conf }]
    build:
      context: .
      secrets: [api_key]
  db:
    image: example/db:2
    network_mode: "service:web"
    volumes_from: [web, "container:legacy"]
networks:
  front:
volumes:
  data:
secrets:
  api_key:
    file: ./api_key.txt
  db_pass:
    environment: DB_PASS
configs:
  app_conf:
    file: ./app.conf
`;

testRule(dc402, {
  valid: [
    { name: 'every kind of reference, defined', code: EVERY_KIND },
    {
      name: 'a file with more documents than are read: a name may be defined in one not read',
      code: `services:\n  web:\n    image: example/web:1\n    networks: [front]\n${'---\nx-note: filler\n'.repeat(101)}`,
    },
    {
      name: 'names defined in another document of the file, which Compose merges',
      code: 'services:\n  web:\n    image: example/web:1\n    networks: [front]\n    depends_on: [db]\n---\nservices:\n  db:\n    image: example/db:1\nnetworks:\n  front: {}\n',
    },
    {
      name: 'references merged in from x- anchors (single and list merge keys)',
      code: `x-net: &net
  networks: [backend]
x-deps: &deps
  depends_on: [db]
services:
  api:
    <<: [*net, *deps]
    image: example/api:1
  worker:
    <<: *net
    image: example/worker:1
  db:
    image: example/db:1
networks:
  backend: {}
`,
    },
    {
      name: 'interpolated names: a default that is defined, or a variable with no default',
      code: "services:\n  app:\n    image: example/app:1\n    volumes:\n      - '${DATA_VOLUME:-appdata}:/data'\n      - ${CACHE_VOLUME}:/cache\n    networks:\n      - ${NETWORK:-default}\n    secrets: ['${SECRET}']\nvolumes:\n  appdata:\n",
    },
    {
      name: 'names defined by an included file',
      code: 'include:\n  - path: ./infra/compose.yaml\nservices:\n  app:\n    image: example/app:1\n    depends_on: [queue]\n    networks: [shared]\n',
      files: { 'infra/compose.yaml': 'services:\n  queue:\n    image: example/queue:1\n    networks: [shared]\nnetworks:\n  shared:\n' },
    },
    {
      name: 'an include that cannot be read may define anything',
      code: 'include:\n  - oci://registry.example/stack:1\nservices:\n  app:\n    image: example/app:1\n    depends_on: [queue]\n    volumes: [store:/data]\n',
    },
    {
      name: 'an unsaved buffer with an include',
      noFiles: true,
      code: 'include: [infra.yaml]\nservices:\n  app:\n    image: example/app:1\n    networks: [shared]\n',
    },
    {
      name: 'names defined in the override file Compose loads with it',
      code: 'services:\n  app:\n    image: example/app:1\n    networks: [debug]\n    depends_on: [mailcatcher]\n',
      files: { 'compose.override.yaml': 'services:\n  mailcatcher:\n    image: example/mail:1\nnetworks:\n  debug: {}\n' },
    },
    {
      name: 'extends in this file and in another one',
      code: 'services:\n  base:\n    image: example/base:1\n  app:\n    extends: base\n  worker:\n    extends:\n      file: common.yaml\n      service: job\n',
      files: { 'common.yaml': 'services:\n  job:\n    image: example/job:1\n' },
    },
    {
      name: 'extends from a file that cannot be read',
      code: 'services:\n  worker:\n    extends: { file: ../shared/common.yaml, service: job }\n',
    },
    { name: 'a service still without a body is defined', code: 'services:\n  web:\n  app:\n    image: example/app:1\n    depends_on: [web]\n' },
    { name: 'Windows named pipe and drive letters are paths', code: "services:\n  agent:\n    image: example/agent:1\n    volumes:\n      - \\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine\n      - 'D:/data:/data'\n" },
  ],
  invalid: [
    {
      name: 'depends_on typo: the near name is preferred, names already listed are not offered',
      code: 'services:\n  web:\n    image: example/web:1\n    depends_on:\n      - dbb # the database\n      - cache\n  db:\n    image: example/db:1\n  cache:\n    image: example/cache:1\n',
      findings: [
        {
          range: [4, 8, 4, 11],
          message: service('dbb'),
          fixes: [
            {
              title: "Use a defined name: 'db' instead of 'dbb'",
              output: 'services:\n  web:\n    image: example/web:1\n    depends_on:\n      - db # the database\n      - cache\n  db:\n    image: example/db:1\n  cache:\n    image: example/cache:1\n',
            },
          ],
        },
      ],
    },
    {
      name: 'links: only the service part of name:alias, inside its quotes',
      code: 'services:\n  web:\n    image: example/web:1\n    links:\n      - "cach:redis"\n  cache:\n    image: example/cache:1\n  db:\n    image: example/db:1\n',
      findings: [
        {
          range: [4, 9, 4, 13],
          message: service('cach'),
          fixes: [
            { title: "Use a defined name: 'cache' instead of 'cach'", output: 'services:\n  web:\n    image: example/web:1\n    links:\n      - "cache:redis"\n  cache:\n    image: example/cache:1\n  db:\n    image: example/db:1\n' },
            { title: "Use a defined name: 'db' instead of 'cach'", output: 'services:\n  web:\n    image: example/web:1\n    links:\n      - "db:redis"\n  cache:\n    image: example/cache:1\n  db:\n    image: example/db:1\n' },
          ],
        },
      ],
    },
    {
      name: 'network map key, CRLF and non-ASCII: rename or declare',
      code: 'services:\r\n  wéb: # façade\r\n    image: example/web:1\r\n    networks:\r\n      frönt: {}\r\n      backnd:\r\n        aliases: [api]\r\nnetworks:\r\n  frönt:\r\n  backend:\r\n',
      findings: [
        {
          range: [5, 6, 5, 12],
          message: defined('Network', 'backnd', 'networks'),
          fixes: [
            {
              title: "Use a defined name: 'backend' instead of 'backnd'",
              output: 'services:\r\n  wéb: # façade\r\n    image: example/web:1\r\n    networks:\r\n      frönt: {}\r\n      backend:\r\n        aliases: [api]\r\nnetworks:\r\n  frönt:\r\n  backend:\r\n',
            },
            {
              title: "Declare network 'backnd' under 'networks'",
              output: 'services:\r\n  wéb: # façade\r\n    image: example/web:1\r\n    networks:\r\n      frönt: {}\r\n      backnd:\r\n        aliases: [api]\r\nnetworks:\r\n  frönt:\r\n  backend:\r\n  backnd:\r\n',
            },
          ],
        },
      ],
    },
    {
      name: 'named volume with no top-level volumes: declaring it adds the section, indented like the file',
      code: 'services:\n    db:\n        image: example/db:1\n        volumes:\n            - pgdata:/var/lib/postgresql/data\n            - data/x:/x',
      findings: [
        {
          range: [4, 14, 4, 20],
          message: defined('Volume', 'pgdata', 'volumes'),
          fixes: [
            {
              title: "Declare volume 'pgdata' under 'volumes'",
              output: 'services:\n    db:\n        image: example/db:1\n        volumes:\n            - pgdata:/var/lib/postgresql/data\n            - data/x:/x\nvolumes:\n    pgdata:',
            },
          ],
        },
        { range: [5, 14, 5, 20], message: defined('Volume', 'data/x', 'volumes', ", or start the path with './' to mount a folder") },
      ],
    },
    {
      name: 'a later document: its references are checked against every document, and a declaration goes at its own end',
      code: 'services:\n  web:\n    image: example/web:1\nnetworks:\n  front: {}\n---\nservices:\n  worker:\n    image: example/worker:1\n    depends_on: [web]\n    networks: [front, back] # both\n---\nx-note: last\n',
      findings: [
        {
          range: [10, 22, 10, 26],
          message: defined('Network', 'back', 'networks'),
          fixes: [
            {
              title: "Declare network 'back' under 'networks'",
              output: 'services:\n  web:\n    image: example/web:1\nnetworks:\n  front: {}\n---\nservices:\n  worker:\n    image: example/worker:1\n    depends_on: [web]\n    networks: [front, back] # both\nnetworks:\n  back:\n---\nx-note: last\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a file broken by lone carriage returns keeps them in the declaration',
      code: 'services:\r  web:\r    image: example/web:1\r    networks: [back]\r',
      findings: [
        {
          range: [3, 15, 3, 19],
          message: defined('Network', 'back', 'networks'),
          fixes: [{ title: "Declare network 'back' under 'networks'", output: 'services:\r  web:\r    image: example/web:1\r    networks: [back]\rnetworks:\r  back:\r' }],
        },
      ],
    },
    {
      name: 'no near miss: declaring the volume comes first, renaming to a defined one after',
      code: 'services:\n  db:\n    image: example/db:1\n    volumes: ["pgdata:/data"]\nvolumes:\n  logs: {}\n',
      findings: [
        {
          range: [3, 15, 3, 21],
          message: defined('Volume', 'pgdata', 'volumes'),
          fixes: [
            { title: "Declare volume 'pgdata' under 'volumes'", output: 'services:\n  db:\n    image: example/db:1\n    volumes: ["pgdata:/data"]\nvolumes:\n  logs: {}\n  pgdata:\n' },
            { title: "Use a defined name: 'logs' instead of 'pgdata'", output: 'services:\n  db:\n    image: example/db:1\n    volumes: ["logs:/data"]\nvolumes:\n  logs: {}\n' },
          ],
        },
      ],
    },
    {
      name: 'secrets, configs and build secrets, short and long form',
      code: "services:\n  app:\n    image: example/app:1\n    secrets:\n      - source: 'db_pasword'\n    configs: [nginx_cnf]\n    build:\n      context: .\n      secrets: [npmrc]\nsecrets:\n  db_password:\n    file: ./db.txt\nconfigs:\n  nginx_conf:\n    file: ./nginx.conf\n",
      files: { 'db.txt': '', 'nginx.conf': '', Dockerfile: 'FROM scratch\n' },
      findings: [
        {
          range: [4, 17, 4, 27],
          message: defined('Secret', 'db_pasword', 'secrets'),
          fixes: [
            { title: "Use a defined name: 'db_password' instead of 'db_pasword'", output: "services:\n  app:\n    image: example/app:1\n    secrets:\n      - source: 'db_password'\n    configs: [nginx_cnf]\n    build:\n      context: .\n      secrets: [npmrc]\nsecrets:\n  db_password:\n    file: ./db.txt\nconfigs:\n  nginx_conf:\n    file: ./nginx.conf\n" },
          ],
        },
        {
          range: [5, 14, 5, 23],
          message: defined('Config', 'nginx_cnf', 'configs'),
          fixes: [
            { title: "Use a defined name: 'nginx_conf' instead of 'nginx_cnf'", output: "services:\n  app:\n    image: example/app:1\n    secrets:\n      - source: 'db_pasword'\n    configs: [nginx_conf]\n    build:\n      context: .\n      secrets: [npmrc]\nsecrets:\n  db_password:\n    file: ./db.txt\nconfigs:\n  nginx_conf:\n    file: ./nginx.conf\n" },
          ],
        },
        {
          range: [8, 16, 8, 21],
          message: defined('Secret', 'npmrc', 'secrets'),
          fixes: [
            { title: "Use a defined name: 'db_password' instead of 'npmrc'", output: "services:\n  app:\n    image: example/app:1\n    secrets:\n      - source: 'db_pasword'\n    configs: [nginx_cnf]\n    build:\n      context: .\n      secrets: [db_password]\nsecrets:\n  db_password:\n    file: ./db.txt\nconfigs:\n  nginx_conf:\n    file: ./nginx.conf\n" },
          ],
        },
      ],
    },
    {
      name: 'a reference merged into two services is reported once, where it is written',
      code: 'x-common: &common\n  networks: [intranet]\nservices:\n  a:\n    <<: *common\n    image: example/a:1\n  b:\n    <<: *common\n    image: example/b:1\n',
      findings: [
        {
          range: [1, 13, 1, 21],
          message: defined('Network', 'intranet', 'networks'),
          fixes: [{ title: "Declare network 'intranet' under 'networks'", output: 'x-common: &common\n  networks: [intranet]\nservices:\n  a:\n    <<: *common\n    image: example/a:1\n  b:\n    <<: *common\n    image: example/b:1\nnetworks:\n  intranet:\n' }],
        },
      ],
    },
    {
      name: 'network_mode and volumes_from naming missing services',
      code: 'services:\n  proxy:\n    image: example/proxy:1\n  sidecar:\n    image: example/sidecar:1\n    network_mode: service:proxi\n    volumes_from: ["data:ro"]\n',
      findings: [
        {
          range: [5, 26, 5, 31],
          message: service('proxi'),
          fixes: [{ title: "Use a defined name: 'proxy' instead of 'proxi'", output: 'services:\n  proxy:\n    image: example/proxy:1\n  sidecar:\n    image: example/sidecar:1\n    network_mode: service:proxy\n    volumes_from: ["data:ro"]\n' }],
        },
        {
          range: [6, 20, 6, 24],
          message: service('data'),
          fixes: [{ title: "Use a defined name: 'proxy' instead of 'data'", output: 'services:\n  proxy:\n    image: example/proxy:1\n  sidecar:\n    image: example/sidecar:1\n    network_mode: service:proxi\n    volumes_from: ["proxy:ro"]\n' }],
        },
      ],
    },
    {
      name: 'extends naming a service missing here or in the other file',
      code: 'services:\n  base:\n    image: example/base:1\n  app:\n    extends: bsae\n  worker:\n    extends:\n      file: common.yaml\n      service: jobs\n',
      files: { 'common.yaml': 'services:\n  job:\n    image: example/job:1\n' },
      findings: [
        {
          range: [4, 13, 4, 17],
          message: "'bsae' is not a service in this file, so 'app' has nothing to extend. Correct the name or define that service.",
          fixes: [
            { title: "Use a defined name: 'base' instead of 'bsae'", output: 'services:\n  base:\n    image: example/base:1\n  app:\n    extends: base\n  worker:\n    extends:\n      file: common.yaml\n      service: jobs\n' },
            { title: "Use a defined name: 'worker' instead of 'bsae'", output: 'services:\n  base:\n    image: example/base:1\n  app:\n    extends: worker\n  worker:\n    extends:\n      file: common.yaml\n      service: jobs\n' },
          ],
        },
        {
          range: [8, 15, 8, 19],
          message: "'jobs' is not a service in 'common.yaml', so 'worker' has nothing to extend. Correct the name or define that service.",
          fixes: [{ title: "Use a defined name: 'job' instead of 'jobs'", output: 'services:\n  base:\n    image: example/base:1\n  app:\n    extends: bsae\n  worker:\n    extends:\n      file: common.yaml\n      service: job\n' }],
        },
      ],
    },
  ],
});
