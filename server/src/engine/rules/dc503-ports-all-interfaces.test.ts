import { testRule } from '../../test-support/rule-tester';
import { dc503 } from './dc503-ports-all-interfaces';

const message = (service: string, port: string) =>
  `'${service}' publishes ${port} on all host interfaces, so other machines can connect to it. Bind it to 127.0.0.1 unless they need to, or write 0.0.0.0 to say so.`;
const bind = (port: string) => `Bind to 127.0.0.1: publish ${port} on this machine only`;

testRule(dc503, {
  valid: [
    'services:\n  web:\n    image: nginx:1.30\n    ports:\n      - "127.0.0.1:8080:80"\n',
    {
      name: 'all interfaces on purpose, one interface, a variable, long syntax with host_ip, expose',
      code: 'services:\n  web:\n    image: nginx:1.30\n    ports:\n      - "0.0.0.0:80:80"\n      - "[::]:443:443"\n      - "192.168.1.10:8443:443"\n      - "${BIND_ADDR}:9000:9000"\n      - target: 81\n        host_ip: 127.0.0.1\n    expose: ["9090"]\n',
    },
  ],
  invalid: [
    {
      name: 'short syntax: quoted, a container port alone, a range',
      code: 'services:\n  web:\n    image: nginx:1.30\n    ports:\n      - "8080:80" # dev server\n      - 3000\n      - "9000-9001:9000-9001/udp"\n',
      findings: [
        { range: [4, 8, 4, 17], message: message('web', 'port 8080'), fixes: [{ title: bind('port 8080'), output: 'services:\n  web:\n    image: nginx:1.30\n    ports:\n      - "127.0.0.1:8080:80" # dev server\n      - 3000\n      - "9000-9001:9000-9001/udp"\n' }] },
        {
          range: [5, 8, 5, 12],
          message: message('web', 'container port 3000 on a random host port'),
          fixes: [{ title: bind('container port 3000 on a random host port'), output: 'services:\n  web:\n    image: nginx:1.30\n    ports:\n      - "8080:80" # dev server\n      - "127.0.0.1::3000"\n      - "9000-9001:9000-9001/udp"\n' }],
        },
        {
          range: [6, 8, 6, 33],
          message: message('web', 'port 9000-9001'),
          fixes: [{ title: bind('port 9000-9001'), output: 'services:\n  web:\n    image: nginx:1.30\n    ports:\n      - "8080:80" # dev server\n      - 3000\n      - "127.0.0.1:9000-9001:9000-9001/udp"\n' }],
        },
      ],
    },
    {
      name: 'long syntax gets host_ip; CRLF and non-ASCII',
      code: 'services:\r\n  wēb:\r\n    image: nginx:1.30\r\n    ports:\r\n      - target: 80\r\n        published: "8080" # ünïcode\r\n',
      findings: [
        {
          range: [5, 19, 5, 25],
          message: message('wēb', 'port 8080'),
          fixes: [{ title: bind('port 8080'), output: 'services:\r\n  wēb:\r\n    image: nginx:1.30\r\n    ports:\r\n      - target: 80\r\n        published: "8080" # ünïcode\r\n        host_ip: 127.0.0.1\r\n' }],
        },
      ],
    },
  ],
});
