import { testRule } from '../../test-support/rule-tester';
import { dc501 } from './dc501-database-port-exposed';

const message = (service: string, image: string, port: string) =>
  `'${service}' runs ${image} and publishes ${port} on all host interfaces, so other machines can connect to it directly. Bind it to 127.0.0.1, or use 'expose' if only other services need it.`;
const bind = (port: string) => `Bind to 127.0.0.1: publish ${port} on this machine only`;
const expose = (port: string) => `Use expose instead: keep port ${port} inside the Compose network`;

testRule(dc501, {
  valid: [
    'services:\n  db:\n    image: postgres:18\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    {
      name: 'loopback in every spelling, a chosen interface, a variable host IP, expose only',
      code: 'services:\n  db:\n    image: postgres:18\n    ports:\n      - "[::1]:5432:5432"\n      - "::1:5433:5432"\n      - 127.0.0.2:5434:5432\n      - "10.0.0.5:5435:5432"\n      - "${BIND_IP:-127.0.0.1}:5436:5432"\n      - target: 5432\n        published: 5437\n        host_ip: 127.0.0.1\n  cache:\n    image: redis:8\n    expose: ["6379"]\n',
    },
    {
      name: 'not a data store, or an image that is not known',
      code: 'services:\n  web:\n    image: nginx:1.30\n    ports: ["80:80"]\n  db:\n    build: ./db\n    ports: ["5432:5432"]\n  other:\n    image: ${DB_IMAGE}\n    ports: ["5432:5432"]\n',
    },
  ],
  invalid: [
    {
      name: 'no fix while the YAML does not parse: the recovered tree puts keys in the wrong place',
      code: 'services:\n  db:\n    image: postgres:18\n    ports:\n      - published: 5432\n        -   target: 5432\n    networks:\n      - back\n',
      findings: [{ range: [4, 19, 4, 23], message: message('db', 'postgres', 'port 5432'), fixes: [] }],
    },
    {
      name: 'the only mapping: bind it, or turn it into expose',
      code: 'services:\n  db:\n    image: postgres:18\n    ports:\n      - "5432:5432" # psql from the host\n',
      findings: [
        {
          range: [4, 8, 4, 19],
          message: message('db', 'postgres', 'port 5432'),
          fixes: [
            { title: bind('port 5432'), output: 'services:\n  db:\n    image: postgres:18\n    ports:\n      - "127.0.0.1:5432:5432" # psql from the host\n' },
            { title: expose('5432'), output: 'services:\n  db:\n    image: postgres:18\n    expose:\n      - "5432" # psql from the host\n' },
          ],
        },
      ],
    },
    {
      name: 'plain mappings come out quoted; with two mappings there is no expose fix; a versioned image from a variable',
      code: 'services:\n  cache:\n    image: redis/redis-stack:7.4.0-v6\n    ports:\n      - 6379:6379\n      - "8001:8001"\n  db:\n    image: mysql:${MYSQL_VERSION}\n    ports: [3306:3306]\n',
      findings: [
        {
          range: [4, 8, 4, 17],
          message: message('cache', 'redis/redis-stack', 'port 6379'),
          fixes: [{ title: bind('port 6379'), output: 'services:\n  cache:\n    image: redis/redis-stack:7.4.0-v6\n    ports:\n      - "127.0.0.1:6379:6379"\n      - "8001:8001"\n  db:\n    image: mysql:${MYSQL_VERSION}\n    ports: [3306:3306]\n' }],
        },
        {
          range: [5, 8, 5, 19],
          message: message('cache', 'redis/redis-stack', 'port 8001'),
          fixes: [{ title: bind('port 8001'), output: 'services:\n  cache:\n    image: redis/redis-stack:7.4.0-v6\n    ports:\n      - 6379:6379\n      - "127.0.0.1:8001:8001"\n  db:\n    image: mysql:${MYSQL_VERSION}\n    ports: [3306:3306]\n' }],
        },
        {
          range: [8, 12, 8, 21],
          message: message('db', 'mysql', 'port 3306'),
          fixes: [
            { title: bind('port 3306'), output: 'services:\n  cache:\n    image: redis/redis-stack:7.4.0-v6\n    ports:\n      - 6379:6379\n      - "8001:8001"\n  db:\n    image: mysql:${MYSQL_VERSION}\n    ports: ["127.0.0.1:3306:3306"]\n' },
            { title: expose('3306'), output: 'services:\n  cache:\n    image: redis/redis-stack:7.4.0-v6\n    ports:\n      - 6379:6379\n      - "8001:8001"\n  db:\n    image: mysql:${MYSQL_VERSION}\n    expose: [3306]\n' },
          ],
        },
      ],
    },
    {
      name: 'an explicit 0.0.0.0 is replaced; single quotes and the protocol stay; CRLF',
      code: "services:\r\n  db:\r\n    image: mariadb:11.8\r\n    ports:\r\n      - '0.0.0.0:3306:3306/tcp'\r\n",
      findings: [
        {
          range: [4, 8, 4, 31],
          message: message('db', 'mariadb', 'port 3306'),
          fixes: [
            { title: bind('port 3306'), output: "services:\r\n  db:\r\n    image: mariadb:11.8\r\n    ports:\r\n      - '127.0.0.1:3306:3306/tcp'\r\n" },
            { title: expose('3306'), output: "services:\r\n  db:\r\n    image: mariadb:11.8\r\n    expose:\r\n      - '3306/tcp'\r\n" },
          ],
        },
      ],
    },
    {
      name: 'long syntax in block and flow style, and a container port alone',
      code: 'services:\n  mongo:\n    image: mongo:8\n    ports:\n      - target: 27017\n        published: "27017"\n        protocol: tcp\n  cache:\n    image: valkey/valkey:8\n    ports:\n      - { target: 6379, published: 6380, host_ip: 0.0.0.0 }\n  search:\n    image: elasticsearch:9.1.0\n    ports:\n      - 9200\n',
      findings: [
        {
          range: [5, 19, 5, 26],
          message: message('mongo', 'mongo', 'port 27017'),
          fixes: [
            {
              title: bind('port 27017'),
              output: 'services:\n  mongo:\n    image: mongo:8\n    ports:\n      - target: 27017\n        published: "27017"\n        protocol: tcp\n        host_ip: 127.0.0.1\n  cache:\n    image: valkey/valkey:8\n    ports:\n      - { target: 6379, published: 6380, host_ip: 0.0.0.0 }\n  search:\n    image: elasticsearch:9.1.0\n    ports:\n      - 9200\n',
            },
            {
              title: expose('27017'),
              output: 'services:\n  mongo:\n    image: mongo:8\n    expose:\n      - "27017/tcp"\n  cache:\n    image: valkey/valkey:8\n    ports:\n      - { target: 6379, published: 6380, host_ip: 0.0.0.0 }\n  search:\n    image: elasticsearch:9.1.0\n    ports:\n      - 9200\n',
            },
          ],
        },
        {
          range: [10, 35, 10, 39],
          message: message('cache', 'valkey/valkey', 'port 6380'),
          fixes: [
            {
              title: bind('port 6380'),
              output: 'services:\n  mongo:\n    image: mongo:8\n    ports:\n      - target: 27017\n        published: "27017"\n        protocol: tcp\n  cache:\n    image: valkey/valkey:8\n    ports:\n      - { target: 6379, published: 6380, host_ip: 127.0.0.1 }\n  search:\n    image: elasticsearch:9.1.0\n    ports:\n      - 9200\n',
            },
            {
              title: expose('6379'),
              output: 'services:\n  mongo:\n    image: mongo:8\n    ports:\n      - target: 27017\n        published: "27017"\n        protocol: tcp\n  cache:\n    image: valkey/valkey:8\n    expose:\n      - "6379"\n  search:\n    image: elasticsearch:9.1.0\n    ports:\n      - 9200\n',
            },
          ],
        },
        {
          range: [14, 8, 14, 12],
          message: message('search', 'elasticsearch', 'container port 9200 on a random host port'),
          fixes: [
            {
              title: bind('container port 9200 on a random host port'),
              output: 'services:\n  mongo:\n    image: mongo:8\n    ports:\n      - target: 27017\n        published: "27017"\n        protocol: tcp\n  cache:\n    image: valkey/valkey:8\n    ports:\n      - { target: 6379, published: 6380, host_ip: 0.0.0.0 }\n  search:\n    image: elasticsearch:9.1.0\n    ports:\n      - "127.0.0.1::9200"\n',
            },
            {
              title: expose('9200'),
              output: 'services:\n  mongo:\n    image: mongo:8\n    ports:\n      - target: 27017\n        published: "27017"\n        protocol: tcp\n  cache:\n    image: valkey/valkey:8\n    ports:\n      - { target: 6379, published: 6380, host_ip: 0.0.0.0 }\n  search:\n    image: elasticsearch:9.1.0\n    expose:\n      - 9200\n',
            },
          ],
        },
      ],
    },
  ],
});
