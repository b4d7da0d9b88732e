import { testRule } from '../../test-support/rule-tester';
import { dc502 } from './dc502-quote-ports';

const trap = (port: string) =>
  `Quote the port mapping '${port}': YAML 1.1 parsers read some unquoted mappings as base-60 numbers (22:22 becomes 1342), so Compose's documentation asks for quotes on all of them.`;

testRule(dc502, {
  valid: [
    'services:\n  web:\n    image: nginx:1.30\n    ports:\n      - "8080:80"\n      - \'8443:443\'\n      - 9000\n      - target: 80\n        published: 8081\n',
    { name: 'expose and x- fields are not published ports', code: 'x-ports: &ports\n  - 8080:80\nservices:\n  web:\n    image: nginx:1.30\n    expose: [80]\n' },
    { name: 'flow list, quoted', code: 'services:\n  web:\n    ports: ["80:80", "127.0.0.1:443:443/tcp"]\n' },
  ],
  invalid: [
    {
      name: 'a base-60 mapping, comment kept, CRLF',
      code: 'services:\r\n  git:\r\n    image: gitea/gitea:1.24\r\n    ports:\r\n      - 22:22 # ssh\r\n',
      findings: [
        {
          range: [4, 8, 4, 13],
          message: "Quote the port mapping '22:22': a YAML 1.1 parser reads it unquoted as the base-60 number 1342.",
          fixes: [{ title: 'Quote port: write "22:22"', output: 'services:\r\n  git:\r\n    image: gitea/gitea:1.24\r\n    ports:\r\n      - "22:22" # ssh\r\n' }],
        },
      ],
    },
    {
      name: 'flow list with one quoted and one plain entry; a variable in a block list',
      code: 'services:\n  web:\n    image: nginx:1.30\n    ports: [8080:80, "443:443"]\n  admin:\n    image: nginx:1.30\n    ports:\n      - ${ADMIN_PORT:-9000}:9000\n',
      findings: [
        { range: [3, 12, 3, 19], message: trap('8080:80'), fixes: [{ title: 'Quote port: write "8080:80"', output: 'services:\n  web:\n    image: nginx:1.30\n    ports: ["8080:80", "443:443"]\n  admin:\n    image: nginx:1.30\n    ports:\n      - ${ADMIN_PORT:-9000}:9000\n' }] },
        {
          range: [7, 8, 7, 32],
          message: trap('${ADMIN_PORT:-9000}:9000'),
          fixes: [{ title: 'Quote port: write "${ADMIN_PORT:-9000}:9000"', output: 'services:\n  web:\n    image: nginx:1.30\n    ports: [8080:80, "443:443"]\n  admin:\n    image: nginx:1.30\n    ports:\n      - "${ADMIN_PORT:-9000}:9000"\n' }],
        },
      ],
    },
    {
      name: "a file that quotes with single quotes gets single quotes; an entry shared through an anchor is reported once",
      code: "services:\n  web:\n    image: 'nginx:1.30'\n    ports:\n      - &https 127.0.0.1:8443:443/tcp\n  admin:\n    image: 'nginx:1.30'\n    ports:\n      - *https\n",
      findings: [
        {
          range: [4, 15, 4, 37],
          message: trap('127.0.0.1:8443:443/tcp'),
          fixes: [{ title: "Quote port: write '127.0.0.1:8443:443/tcp'", output: "services:\n  web:\n    image: 'nginx:1.30'\n    ports:\n      - &https '127.0.0.1:8443:443/tcp'\n  admin:\n    image: 'nginx:1.30'\n    ports:\n      - *https\n" }],
        },
      ],
    },
  ],
});
