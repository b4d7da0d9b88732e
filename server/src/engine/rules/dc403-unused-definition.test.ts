import { testRule } from '../../test-support/rule-tester';
import { dc403 } from './dc403-unused-definition';

const unused = (noun: string, name: string) => {
  const use: Record<string, string> = { Network: 'attach a service to it', Volume: 'mount it in a service', Secret: 'grant it to a service', Config: 'grant it to a service' };
  return `${noun} '${name}' is defined but no service uses it. Remove the definition, or ${use[noun]}.`;
};

testRule(dc403, {
  valid: [
    {
      name: 'a definition used only in another document of the file, which Compose merges',
      code: 'services:\n  web:\n    image: example/web:1\nvolumes:\n  data: {}\n---\nservices:\n  web:\n    volumes: [data:/data]\n',
    },
    {
      name: 'every definition used, in short and long forms',
      code: `services:
  web:
    image: example/web:1
    networks:
      front:
        aliases: [www]
    volumes:
      - "static:/srv/static:ro"
      - type: volume
        source: uploads
        target: /srv/uploads
    secrets: [{ source: tls_key, target: key.pem }]
    configs: [nginx]
    build:
      context: .
      secrets: [npm_token]
  db:
    image: example/db:1
volumes:
  static:
  uploads:
    external: true
networks:
  front: {}
  default:
    name: shop
secrets:
  tls_key:
    file: ./tls.key
  npm_token:
    environment: NPM_TOKEN
configs:
  nginx:
    file: ./nginx.conf
`,
    },
    {
      name: 'used through a merge key from an x- fragment',
      code: 'x-app: &app\n  networks: [backend]\n  volumes: ["cache:/cache"]\nservices:\n  api:\n    <<: *app\n    image: example/api:1\nnetworks:\n  backend:\nvolumes:\n  cache:\n',
    },
    {
      name: 'a volume named by a variable could be any of them',
      code: 'services:\n  db:\n    image: example/db:1\n    volumes:\n      - ${DB_VOLUME}:/var/lib/db\nvolumes:\n  pg16:\n  pg17:\n',
    },
    {
      name: "a variable's default counts as a use",
      code: "services:\n  db:\n    image: example/db:1\n    volumes:\n      - '${DB_VOLUME:-pgdata}:/var/lib/db'\nvolumes:\n  pgdata:\n",
    },
    {
      name: 'used by the override file beside it',
      code: 'services:\n  app:\n    image: example/app:1\nvolumes:\n  debug-data:\n',
      files: { 'compose.override.yaml': 'services:\n  app:\n    volumes: [debug-data:/debug]\n' },
    },
    {
      name: 'used by a service extended from another file',
      code: 'services:\n  app:\n    extends: { file: base.yaml, service: app }\nnetworks:\n  mesh:\n',
      files: { 'base.yaml': 'services:\n  app:\n    image: example/app:1\n    networks: [mesh]\n' },
    },
    {
      name: 'an extended file out of sight may use anything',
      code: 'services:\n  app:\n    extends: { file: ../base.yaml, service: app }\nnetworks:\n  mesh:\n',
    },
    {
      name: 'an include out of sight may use anything',
      code: 'include: [monitoring/compose.yaml]\nservices:\n  app:\n    image: example/app:1\nnetworks:\n  metrics:\n',
    },
    { name: 'a file of definitions only, for others to include', code: 'networks:\n  shared:\n    name: platform\nvolumes:\n  certs:\n' },
    { name: 'the default network of services that name none', code: 'services:\n  app:\n    image: example/app:1\nnetworks:\n  default:\n    driver_opts:\n      com.docker.network.driver.mtu: "1400"\n' },
  ],
  invalid: [
    {
      name: 'unused entries among used ones: whole lines go, comments around them stay',
      code: 'services:\n  app:\n    image: example/app:1\n    networks: [front]\n    volumes:\n      - data:/data\n\n# Storage\nvolumes:\n  data:\n  # build cache\n  cache:\n    driver: local # on this host\n  data2: {}\nnetworks:\n  front:\n',
      findings: [
        {
          range: [11, 2, 11, 7],
          message: unused('Volume', 'cache'),
          fixes: [
            {
              title: "Remove the definition of volume 'cache'",
              output: 'services:\n  app:\n    image: example/app:1\n    networks: [front]\n    volumes:\n      - data:/data\n\n# Storage\nvolumes:\n  data:\n  # build cache\n  data2: {}\nnetworks:\n  front:\n',
            },
          ],
        },
        {
          range: [13, 2, 13, 7],
          message: unused('Volume', 'data2'),
          fixes: [
            {
              title: "Remove the definition of volume 'data2'",
              output: 'services:\n  app:\n    image: example/app:1\n    networks: [front]\n    volumes:\n      - data:/data\n\n# Storage\nvolumes:\n  data:\n  # build cache\n  cache:\n    driver: local # on this host\nnetworks:\n  front:\n',
            },
          ],
        },
      ],
    },
    {
      name: 'the only entry takes its section along; the last line keeps the file without a final line break',
      code: 'services:\n  app:\n    image: example/app:1\nsecrets:\n  token:\n    file: ./token.txt',
      findings: [
        {
          range: [4, 2, 4, 7],
          message: unused('Secret', 'token'),
          fixes: [{ title: "Remove the definition of secret 'token'", output: 'services:\n  app:\n    image: example/app:1' }],
        },
      ],
    },
    {
      name: 'CRLF, non-ASCII, an external network and a default network no service joins',
      code: 'services:\r\n  app:\r\n    image: example/app:1\r\n    network_mode: host\r\nnetworks:\r\n  default:\r\n    name: ünïcode\r\n  édge:   # the proxy network\r\n    external: true\r\nconfigs:\r\n  conf:\r\n    file: ./app.conf\r\n',
      findings: [
        {
          range: [5, 2, 5, 9],
          message: unused('Network', 'default'),
          fixes: [
            {
              title: "Remove the definition of network 'default'",
              output: 'services:\r\n  app:\r\n    image: example/app:1\r\n    network_mode: host\r\nnetworks:\r\n  édge:   # the proxy network\r\n    external: true\r\nconfigs:\r\n  conf:\r\n    file: ./app.conf\r\n',
            },
          ],
        },
        {
          range: [7, 2, 7, 6],
          message: unused('Network', 'édge'),
          fixes: [
            {
              title: "Remove the definition of network 'édge'",
              output: 'services:\r\n  app:\r\n    image: example/app:1\r\n    network_mode: host\r\nnetworks:\r\n  default:\r\n    name: ünïcode\r\nconfigs:\r\n  conf:\r\n    file: ./app.conf\r\n',
            },
          ],
        },
        {
          range: [10, 2, 10, 6],
          message: unused('Config', 'conf'),
          fixes: [{ title: "Remove the definition of config 'conf'", output: 'services:\r\n  app:\r\n    image: example/app:1\r\n    network_mode: host\r\nnetworks:\r\n  default:\r\n    name: ünïcode\r\n  édge:   # the proxy network\r\n    external: true\r\n' }],
        },
      ],
    },
    {
      name: 'no fix where removing lines would lose text: an aliased anchor, a flow mapping, a commented section line',
      code: 'services:\n  app:\n    image: example/app:1\n    networks: [front]\nnetworks:\n  front: &net\n    driver: bridge\n  spare: *net\n  old: &old\n    driver: bridge\nvolumes: {a: {}}\nsecrets: # kept for later\n  token:\n    file: ./t.txt\n',
      findings: [
        {
          range: [7, 2, 7, 7],
          message: unused('Network', 'spare'),
          fixes: [{ title: "Remove the definition of network 'spare'", output: 'services:\n  app:\n    image: example/app:1\n    networks: [front]\nnetworks:\n  front: &net\n    driver: bridge\n  old: &old\n    driver: bridge\nvolumes: {a: {}}\nsecrets: # kept for later\n  token:\n    file: ./t.txt\n' }],
        },
        {
          range: [8, 2, 8, 5],
          message: unused('Network', 'old'),
          fixes: [{ title: "Remove the definition of network 'old'", output: 'services:\n  app:\n    image: example/app:1\n    networks: [front]\nnetworks:\n  front: &net\n    driver: bridge\n  spare: *net\nvolumes: {a: {}}\nsecrets: # kept for later\n  token:\n    file: ./t.txt\n' }],
        },
        { range: [10, 10, 10, 11], message: unused('Volume', 'a') },
        { range: [12, 2, 12, 7], message: unused('Secret', 'token') },
      ],
    },
  ],
});
