import { testRule } from '../../test-support/rule-tester';
import { dc101 } from './dc101-privileged';

const privileged = (who: string) =>
  `'privileged: true' gives ${who} every capability and all host devices without seccomp or AppArmor confinement, so taking over the container means taking over the host. Grant only what is needed with 'cap_add' and 'devices'.`;
const socket = (source: string, who: string, ro = '') =>
  `Mounting the Docker socket '${source}' gives ${who} full control of the Docker daemon, and so root on the host${ro ? ` (${ro} only makes the socket file read-only; API calls through it still work)` : ''}.`;
const generic = ' Remove the mount, or put a socket proxy in front that allows only the calls needed.';

testRule(dc101, {
  valid: [
    'services:\n  web:\n    image: nginx:1.30\n    privileged: false\n    pid: "service:db"\n    network_mode: bridge\n',
    { name: 'privileged from a variable is not known', code: 'services:\n  web:\n    image: nginx:1.30\n    privileged: ${PRIVILEGED:-false}\n' },
    { name: 'network_mode of another service or container', code: 'services:\n  web:\n    network_mode: "service:vpn"\n  vpn:\n    network_mode: container:abc\n' },
    {
      name: 'ordinary bind mounts, named volumes, a socket-like name in the target only, comments',
      code: 'services:\n  web:\n    image: nginx:1.30\n    volumes:\n      - ./docker.sock.d:/etc/conf.d:ro # config\n      - data:/var/run\n      - type: volume\n        source: docker-sock\n        target: /srv\n      - /var/run/docker.sock.bak:/backup\nvolumes:\n  data:\n  docker-sock:\n',
    },
    {
      name: 'a socket proxy is the remedy, not the problem',
      code: 'services:\n  socket-proxy:\n    image: tecnativa/docker-socket-proxy:0.3\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n  traefik:\n    image: traefik:v3.5\n    environment:\n      DOCKER_HOST: tcp://socket-proxy:2375\n',
    },
    { name: 'x- extension fields are not services', code: 'x-debug:\n  privileged: true\nservices:\n  web:\n    image: nginx:1.30\n' },
    { name: 'ipc: host is outside the rule', code: 'services:\n  test:\n    image: cypress/included:15\n    ipc: host\n' },
  ],
  invalid: [
    {
      name: 'a later document of the file is checked too',
      code: 'services:\n  agent:\n    image: example/agent:2\n---\nservices:\n  agent:\n    privileged: true\n',
      findings: [{ range: [6, 4, 6, 20], message: privileged("'agent'") }],
    },
    {
      name: 'privileged, pid and network_mode in one service; flow and quoted values',
      code: 'services:\n  agent:\n    image: example/agent:2\n    privileged: true # needs eBPF\n    pid: "host"\n    network_mode: \'host\'\n',
      findings: [
        { range: [3, 4, 3, 20], message: privileged("'agent'") },
        { range: [4, 4, 4, 15], message: "'pid: host' lets 'agent' see and signal every process on the host. Remove it unless the service monitors the host." },
        {
          range: [5, 4, 5, 24],
          message:
            "'network_mode: host' puts 'agent' on the host's network stack: every port opened listens on the host's interfaces, and services bound to the host's localhost become reachable. Use a Compose network and publish only the ports needed.",
        },
      ],
    },
    {
      name: 'short socket mount, read-only and not; quoted; CRLF and non-ASCII before it',
      code: 'services:\r\n  ci:\r\n    image: docker:28-cli # Überwachung\r\n    volumes:\r\n      - "/var/run/docker.sock:/var/run/docker.sock:ro"\r\n  runner:\r\n    image: example/runner:1\r\n    volumes: [/run/docker.sock:/var/run/docker.sock]\r\n',
      findings: [
        { range: [4, 9, 4, 29], message: socket('/var/run/docker.sock', "'ci'", "':ro'") + generic },
        { range: [7, 14, 7, 30], message: socket('/run/docker.sock', "'runner'") + generic },
      ],
    },
    {
      name: 'long syntax with read_only, a variable source mounted at the socket path, a rootless socket',
      code: 'services:\n  beat:\n    image: example/beat:9\n    volumes:\n      - type: bind\n        source: /var/run/docker.sock\n        target: /var/run/docker.sock\n        read_only: true\n  collector:\n    image: example/collector:1\n    volumes:\n      - ${DOCKER_SOCK}:/var/run/docker.sock:ro\n  rootless:\n    image: example/tool:1\n    volumes:\n      - ${XDG_RUNTIME_DIR:-/run/user/1000}/docker.sock:/var/run/docker.sock\n',
      findings: [
        { range: [5, 16, 5, 36], message: socket('/var/run/docker.sock', "'beat'", "'read_only: true'") + generic },
        { range: [11, 8, 11, 22], message: socket('${DOCKER_SOCK}', "'collector'", "':ro'") + generic },
        { range: [15, 8, 15, 54], message: socket('${XDG_RUNTIME_DIR:-/run/user/1000}/docker.sock', "'rootless'") + generic },
      ],
    },
    {
      name: 'well-known tools: a watcher and a manager get their own advice',
      code: 'services:\n  proxy:\n    image: nginxproxy/nginx-proxy:1.8\n    volumes:\n      - /var/run/docker.sock:/tmp/docker.sock:ro\n  portainer:\n    image: portainer/portainer-ce:2.33.1\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock\n',
      findings: [
        { range: [4, 8, 4, 28], message: `${socket('/var/run/docker.sock', "'proxy'", "':ro'")} nginx-proxy only reads container information: give it a socket proxy that allows just that.` },
        { range: [8, 8, 8, 28], message: `${socket('/var/run/docker.sock', "'portainer'")} Portainer manages containers through it by design: keep it off public networks and limit who can use it.` },
      ],
    },
    {
      name: 'a setting in an anchor shared by services is reported once, where it is written',
      code: 'x-host: &host\n  privileged: true\n  volumes:\n    - &sock /var/run/docker.sock:/var/run/docker.sock\nservices:\n  a:\n    <<: *host\n    image: example/a:1\n  b:\n    <<: *host\n    image: example/b:1\n  c:\n    image: example/c:1\n    volumes:\n      - *sock\n      - ./data:/data\n',
      findings: [
        { range: [1, 2, 1, 18], message: privileged("'a' and 'b'") },
        { range: [3, 12, 3, 32], message: socket('/var/run/docker.sock', "'a', 'b' and 'c'") + generic },
      ],
    },
    {
      name: 'list merge keys, privileged from a later source',
      code: 'x-base: &base\n  restart: always\nx-priv: &priv\n  privileged: true\nservices:\n  builder:\n    <<: [*base, *priv]\n    image: moby/buildkit:v0.25.1\n',
      findings: [{ range: [3, 2, 3, 18], message: privileged("'builder'") }],
    },
  ],
});
