import { testRule } from '../../test-support/rule-tester';
import { dc103 } from './dc103-hardening';

const message = (service: string, missing: string) => `'${service}' lacks ${missing}. Add them, then give back only what it needs ('tmpfs' for paths it writes, 'cap_add').`;
const ALL_THREE = 'read_only: true, cap_drop: [ALL] and security_opt: [no-new-privileges:true]';

testRule(dc103, {
  valid: [
    'services:\n  web:\n    image: nginx:1.30\n    read_only: true\n    cap_drop:\n      - ALL\n    cap_add: [NET_BIND_SERVICE]\n    security_opt:\n      - no-new-privileges:true\n    tmpfs: [/tmp]\n',
    {
      name: 'deliberate opt-outs, other spellings, variables',
      code: 'services:\n  db:\n    image: postgres:18\n    read_only: false # writes its data directory\n    cap_drop: [all]\n    security_opt: ["no-new-privileges"]\n  app:\n    image: example/app:1\n    read_only: ${READ_ONLY:-true}\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges=true, "label:disable"]\n',
    },
    {
      name: 'hardening from a merge key and from a service it extends',
      code: 'x-hardened: &hardened\n  read_only: true\n  cap_drop: [ALL]\n  security_opt: [no-new-privileges:true]\nservices:\n  base:\n    <<: *hardened\n    image: example/base:1\n  web:\n    extends: base\n    profiles: [web]\n  worker:\n    extends:\n      service: web\n',
    },
    {
      name: 'a service extended from another file, or a fragment that another file completes',
      code: 'services:\n  api:\n    extends:\n      file: common.yaml\n      service: api\n  web:\n    ports: ["8080:80"]\n',
    },
  ],
  invalid: [
    {
      name: 'nothing set: the three keys are added after the last one',
      code: 'services:\n  web:\n    image: nginx:1.30\n    ports:\n      - "8080:80" # public\n  cache:\n    image: redis:8\n    read_only: true\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n',
      findings: [
        {
          range: [1, 2, 1, 5],
          message: message('web', ALL_THREE),
          fixes: [
            {
              title: "Add hardening keys: harden 'web' with read_only, cap_drop and security_opt",
              output:
                'services:\n  web:\n    image: nginx:1.30\n    ports:\n      - "8080:80" # public\n    read_only: true\n    cap_drop: [ALL]\n    security_opt: ["no-new-privileges:true"]\n  cache:\n    image: redis:8\n    read_only: true\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'lists without the entries: block and flow, CRLF, 4 spaces, no final line break',
      code: 'services:\r\n    app:\r\n        build: .\r\n        read_only: true\r\n        security_opt: [apparmor:docker-default]\r\n        cap_drop:\r\n        - NET_RAW',
      findings: [
        {
          range: [1, 4, 1, 7],
          message: message('app', "'ALL' in cap_drop and 'no-new-privileges:true' in security_opt"),
          fixes: [
            {
              title: "Add hardening keys: harden 'app' with cap_drop and security_opt",
              output: 'services:\r\n    app:\r\n        build: .\r\n        read_only: true\r\n        security_opt: [apparmor:docker-default, "no-new-privileges:true"]\r\n        cap_drop:\r\n        - NET_RAW\r\n        - ALL',
            },
          ],
        },
      ],
    },
    {
      name: 'a service extending a partly hardened one lacks only what neither sets',
      code: 'services:\n  base:\n    image: example/base:1\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n  web:\n    extends: base\n    command: ["serve"]\n',
      findings: [
        {
          range: [1, 2, 1, 6],
          message: message('base', 'read_only: true'),
          fixes: [
            {
              title: "Add hardening keys: harden 'base' with read_only",
              output: 'services:\n  base:\n    image: example/base:1\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n    read_only: true\n  web:\n    extends: base\n    command: ["serve"]\n',
            },
          ],
        },
        {
          range: [5, 2, 5, 5],
          message: message('web', 'read_only: true'),
          fixes: [
            {
              title: "Add hardening keys: harden 'web' with read_only",
              output: 'services:\n  base:\n    image: example/base:1\n    cap_drop: [ALL]\n    security_opt: [no-new-privileges:true]\n  web:\n    extends: base\n    command: ["serve"]\n    read_only: true\n',
            },
          ],
        },
      ],
    },
    {
      name: 'after an empty last value and after a block scalar, keys land in the right service',
      code: 'services:\n  a:\n    image: example/a:1\n    read_only: true\n    cap_drop: [ALL]\n    networks:\n      front:\n\n  # the proxy\n  b:\n    image: example/b:1\n    read_only: true\n    cap_drop: [ALL]\n    command: |\n      serve\n      --port 80\n',
      findings: [
        {
          range: [1, 2, 1, 3],
          message: message('a', 'security_opt: [no-new-privileges:true]'),
          fixes: [
            {
              title: "Add hardening keys: harden 'a' with security_opt",
              output: 'services:\n  a:\n    image: example/a:1\n    read_only: true\n    cap_drop: [ALL]\n    networks:\n      front:\n    security_opt: ["no-new-privileges:true"]\n\n  # the proxy\n  b:\n    image: example/b:1\n    read_only: true\n    cap_drop: [ALL]\n    command: |\n      serve\n      --port 80\n',
            },
          ],
        },
        {
          range: [9, 2, 9, 3],
          message: message('b', 'security_opt: [no-new-privileges:true]'),
          fixes: [
            {
              title: "Add hardening keys: harden 'b' with security_opt",
              output: 'services:\n  a:\n    image: example/a:1\n    read_only: true\n    cap_drop: [ALL]\n    networks:\n      front:\n\n  # the proxy\n  b:\n    image: example/b:1\n    read_only: true\n    cap_drop: [ALL]\n    command: |\n      serve\n      --port 80\n    security_opt: ["no-new-privileges:true"]\n',
            },
          ],
        },
      ],
    },
    {
      name: 'a list that comes from a shared anchor is not edited',
      code: 'x-caps: &caps\n  cap_drop: [NET_RAW]\nservices:\n  web:\n    <<: *caps\n    image: nginx:1.30\n    read_only: true\n    security_opt: [no-new-privileges:true]\n',
      findings: [{ range: [3, 2, 3, 5], message: message('web', "'ALL' in cap_drop") }],
    },
    {
      name: 'a flow-style service gets no fix',
      code: 'services:\n  tool: { image: "example/tool:1", read_only: true }\n',
      findings: [{ range: [1, 2, 1, 6], message: message('tool', 'cap_drop: [ALL] and security_opt: [no-new-privileges:true]') }],
    },
  ],
});
