import { testRule } from '../../test-support/rule-tester';
import { dc405 } from './dc405-duplicate';

const port = (label: string, where: string) => `Host port '${label}' is published twice: ${where}, so the container that starts second fails. Publish another host port.`;
const key = (name: string, line: number) => `'${name}' is already a key of this mapping on line ${line}, and Compose refuses a file with duplicate keys. Remove one of them or merge their values.`;
const container = (name: string, first: string, line: number) =>
  `Container name '${name}' is already used by '${first}' (line ${line}), and container names must be unique. Rename one, or remove 'container_name' and let Compose name the containers.`;

testRule(dc405, {
  valid: [
    {
      name: 'ports that do not clash: other host ports, ephemeral ones, other protocols and addresses',
      code: `services:
  web:
    image: example/web:1
    ports:
      - "8080:80"
      - "80"
      - "127.0.0.1::9000"
      - 53:53/udp
      - 127.0.0.1:5432:5432
      - "[::1]:6379:6379"
  api:
    image: example/api:1
    ports:
      - "8081:80"
      - 53:53/tcp
      - 127.0.0.2:5432:5432
      - "0.0.0.0:6379:6379"
      - target: 80
        published: "8082"
        protocol: tcp
`,
    },
    {
      name: 'services in profiles that never run together',
      code: 'services:\n  dev:\n    image: example/app:dev\n    profiles: [dev]\n    ports: ["3000:3000"]\n    container_name: app\n  prod:\n    image: example/app:1\n    profiles: [prod]\n    ports: ["3000:3000"]\n    container_name: app\n',
    },
    {
      name: 'host networking drops ports; a variable without default is unknown; one entry written twice in a service',
      code: "services:\n  a:\n    image: example/a:1\n    network_mode: host\n    ports: ['9090:9090']\n  b:\n    image: example/b:1\n    ports:\n      - ${PORT}:9090\n      - '9090:9090'\n      - '9090:9090'\n",
    },
    {
      name: 'the same key in different mappings, merge keys, and an anchor merged once',
      code: 'x-base: &base\n  image: example/base:1\n  ports: ["7000:7000"]\nx-env: &env\n  environment:\n    MODE: prod\nservices:\n  one:\n    <<: [*base, *env]\n    image: example/one:1\n    environment:\n      MODE: dev\n  two:\n    image: example/two:1\n    environment: { MODE: dev }\n',
    },
  ],
  invalid: [
    {
      name: 'two services on one host port, the second is reported',
      code: 'services:\n  web:\n    image: example/web:1\n    ports:\n      - "8080:80"\n  admin:\n    image: example/admin:1\n    ports:\n      - "8080:8080"\n',
      findings: [{ range: [8, 8, 8, 19], message: port('8080', "'web' publishes it too (line 5)") }],
    },
    {
      name: 'overlapping ranges, long form, all interfaces against one address, one service twice',
      code: `services:
  media:
    image: example/media:1
    ports:
      - "8000-8010:8000-8010"
      - target: 80
        published: 8005
      - target: 81
        published: 8005
  edge:
    image: example/edge:1
    ports:
      - 127.0.0.1:8010:80
  proxy:
    image: example/proxy:1
    ports:
      - "443:443"
      - "443:8443"
`,
      findings: [
        { range: [6, 19, 6, 23], message: port('8005', "'media' already publishes it on line 5") },
        { range: [8, 19, 8, 23], message: port('8005', "'media' already publishes it on line 5") },
        { range: [12, 8, 12, 25], message: port('127.0.0.1:8010', "'media' publishes it too (line 5)") },
        { range: [17, 8, 17, 18], message: port('443', "'proxy' already publishes it on line 17") },
      ],
    },
    {
      name: 'ports merged from one anchor into two services: the second service is named; overlapping profiles',
      code: 'x-web: &web\n  image: example/web:1\n  ports: ["80:80"]\nservices:\n  blue:\n    <<: *web\n    profiles: [deploy]\n  green:\n    <<: *web\n    profiles: [deploy, canary]\n',
      findings: [{ range: [7, 2, 7, 7], message: port('80', "'blue' publishes it too (line 3)") }],
    },
    {
      name: 'duplicate container names, with a default from a variable',
      code: 'services:\n  db:\n    image: example/db:1\n    container_name: ${DB_NAME:-shop-db}\n  replica:\n    image: example/db:1\n    container_name: "shop-db"\n',
      findings: [{ range: [6, 20, 6, 29], message: container('shop-db', 'db', 4) }],
    },
    {
      name: 'duplicate keys anywhere: services, service keys, flow mappings; CRLF and non-ASCII',
      code: 'services:\r\n  wéb:\r\n    image: example/web:1\r\n    image: example/web:2\r\n    environment: {MODE: a, MODE: b}\r\n  wéb:\r\n    image: example/web:3\r\nnetworks:\r\n  "front": {}\r\n  front: {}\r\n',
      findings: [
        { range: [3, 4, 3, 9], message: key('image', 3) },
        { range: [4, 27, 4, 31], message: key('MODE', 5) },
        { range: [5, 2, 5, 5], message: key('wéb', 2) },
        { range: [9, 2, 9, 7], message: key('front', 9) },
      ],
    },
  ],
});
