import { testRule } from '../../test-support/rule-tester';
import { dc404 } from './dc404-env-file-exists';

const FILES = {
  '.env': 'A=1\n',
  'config/app.env': 'B=2\n',
  'secrets/db.txt': 'pw\n',
  'nginx.conf': '',
  'api/Dockerfile': 'FROM scratch\n',
  'worker/docker/Dockerfile.prod': 'FROM scratch\n',
  'infra.yaml': 'services: {}\n',
  'common.yaml': 'services:\n  base:\n    image: example/base:1\n',
  'web/Containerfile': 'FROM scratch\n',
};

testRule(dc404, {
  valid: [
    {
      name: 'every referenced path exists',
      files: FILES,
      code: `include:
  - infra.yaml
x-env: &env
  env_file: [.env, ./config/app.env]
services:
  api:
    <<: *env
    build: ./api
  worker:
    build:
      context: worker
      dockerfile: docker/Dockerfile.prod
    env_file:
      - path: ./.env
      - path: ./local.env
        required: false
  web:
    build: web
  inline:
    build:
      context: .
      dockerfile_inline: |
        FROM scratch
  base:
    extends:
      file: common.yaml
      service: base
secrets:
  db:
    file: ./secrets/db.txt
configs:
  nginx:
    file: nginx.conf
`,
    },
    {
      name: 'paths out of reach: interpolated, absolute, in the home folder, remote contexts',
      files: FILES,
      code: 'services:\n  a:\n    env_file: ${ENV_FILE:-.env.local}\n    build:\n      context: https://github.com/example/app.git#main\n  b:\n    env_file: /etc/app/env\n    build: git@github.com:example/app.git\n  c:\n    env_file: ~/app.env\n    build:\n      context: /srv/app\n      dockerfile: missing/Dockerfile\nsecrets:\n  s:\n    file: ${SECRETS_DIR}/s.txt\n',
    },
    { name: 'an unsaved buffer: no files to look at', noFiles: true, code: 'services:\n  app:\n    env_file: .env\n    build: ./app\n' },
  ],
  invalid: [
    {
      name: 'missing env files, short and long form',
      files: FILES,
      code: 'services:\n  app:\n    image: example/app:1\n    env_file:\n      - .env\n      - .env.local\n      - path: "./config/prod.env"\n        required: true\n',
      findings: [
        { range: [5, 8, 5, 18], message: "Env file '.env.local' does not exist. Create it, correct the path, or mark the entry 'required: false'." },
        { range: [6, 14, 6, 33], message: "Env file './config/prod.env' does not exist. Create it, correct the path, or mark the entry 'required: false'." },
      ],
    },
    {
      name: 'secret and config files, CRLF and non-ASCII',
      files: FILES,
      code: 'secrets:\r\n  clé:\r\n    file: ./secrets/clé.txt\r\nconfigs:\r\n  nginx:\r\n    file: "nginx.cnf"\r\nservices:\r\n  app:\r\n    image: example/app:1\r\n',
      findings: [
        { range: [2, 10, 2, 27], message: "Secret file './secrets/clé.txt' does not exist. Correct the path or create it." },
        { range: [5, 10, 5, 21], message: "Config file 'nginx.cnf' does not exist. Correct the path or create it." },
      ],
    },
    {
      name: 'build contexts and Dockerfiles',
      files: FILES,
      code: 'services:\n  a:\n    build: ./frontend\n  b:\n    build:\n      context: api\n      dockerfile: Dockerfile.dev\n  c:\n    build:\n      dockerfile: api/Dockerfile\n  d:\n    build:\n      target: runtime\n  e:\n    build:\n      context: backend\n      dockerfile: Dockerfile\n',
      findings: [
        { range: [2, 11, 2, 21], message: "Build context './frontend' does not exist. Correct the path or create the folder." },
        { range: [6, 18, 6, 32], message: "Dockerfile 'Dockerfile.dev' does not exist in the build context 'api'. Correct the path (it is relative to the context) or create the file." },
        { range: [11, 4, 11, 9], message: "Build context '.' has no Dockerfile. Add one, or name the file to build with 'dockerfile:'." },
        { range: [15, 15, 15, 22], message: "Build context 'backend' does not exist. Correct the path or create the folder." },
      ],
    },
    {
      name: 'included and extended files',
      files: FILES,
      code: 'include:\n  - path: [infra.yaml, infra.local.yaml]\nservices:\n  app:\n    extends:\n      file: ../shared/common.yaml\n      service: base\n',
      findings: [
        { range: [1, 23, 1, 39], message: "Included file 'infra.local.yaml' does not exist. Correct the path or create it." },
        { range: [5, 12, 5, 33], message: "Extended file '../shared/common.yaml' does not exist. Correct the path or create it." },
      ],
    },
  ],
});
