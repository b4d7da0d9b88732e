import { testRule } from '../../test-support/rule-tester';
import { dc401 } from './dc401-schema';

const RESTART = "'restart' must be one of: no, always, on-failure, unless-stopped";

testRule(dc401, {
  valid: [
    'services:\n  web:\n    image: nginx:1.27\n',
    { name: 'an empty file is one still being written', code: '' },
    {
      name: 'merge keys under a %YAML 1.1 directive, where yaml reads them as symbols',
      code: '%YAML 1.1\n---\nx-base: &base\n  restart: always\nservices:\n  web:\n    <<: *base\n    image: nginx:1.27\n',
    },
    { name: 'comments only', code: '# services come later\n' },
    {
      name: 'anchors, single and list merge keys, x- extensions at every level that allows them',
      code: [
        'x-logging: &logging',
        '  driver: json-file',
        '  options: {max-size: "10m"}',
        'x-env: &env',
        '  TZ: UTC',
        'x-common: &common',
        '  restart: unless-stopped',
        '  logging: *logging',
        'x-limits: &limits',
        '  deploy:',
        '    resources:',
        '      limits: {cpus: "0.5", memory: 256M}',
        'services:',
        '  api:',
        '    <<: [*common, *limits]',
        '    image: example/api:1.4  # pinned',
        '    x-owner: team-a',
        '    environment:',
        '      <<: *env',
        '      LOG_LEVEL: debug',
        '  worker:',
        '    <<: *common',
        '    image: "example/worker:1.4"',
        '    profiles: [jobs]',
        '',
      ].join('\n'),
    },
    {
      name: 'interpolated values are checked after substitution, as Compose does',
      code: [
        'name: ${PROJECT:-demo}',
        'services:',
        '  web:',
        '    image: nginx:${TAG:-1.27}',
        '    cpus: ${CPUS:-0.5}',
        '    restart: ${RESTART:-always}',
        '    privileged: ${PRIVILEGED}',
        '    pull_policy: $POLICY',
        '    cpu_percent: ${PCT}',
        '    depends_on:',
        '      db:',
        '        condition: service_healthy',
        '        required: ${DB_REQUIRED:-true}',
        '    ports:',
        '      - "${PORT:-8080}:80"',
        '  db:',
        '    image: postgres:17',
        '    healthcheck:',
        '      test: ["CMD-SHELL", "pg_isready"]',
        '      retries: ${RETRIES:-5}',
        '',
      ].join('\n'),
    },
    {
      name: '!reset removes the key before validation; !override keeps its value',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports: !reset []\n    command: !reset null\n    environment: !override\n      A: "1"\n',
    },
    {
      name: 'current keys: include, models, provider, use_api_socket, develop.watch, post_start, pre_start, gpus',
      code: [
        'include:',
        '  - path: ./db.yaml',
        '  - ./cache.yaml',
        'models:',
        '  llm:',
        '    model: ai/smollm2',
        'services:',
        '  app:',
        '    build:',
        '      context: .',
        '      x-note: built locally',
        '    models: [llm]',
        '    use_api_socket: true',
        '    gpus: all',
        '    develop:',
        '      watch:',
        '        - path: ./src',
        '          action: sync',
        '          target: /app/src',
        '    post_start:',
        '      - command: ["chown", "-R", "1000", "/data"]',
        '        user: root',
        '    pre_start:',
        '      - image: alpine:3.20',
        '        command: echo ready',
        '  tunnel:',
        '    provider:',
        '      type: example-tunnel',
        '      options: {region: eu, ports: [80, 443]}',
        '',
      ].join('\n'),
    },
    {
      name: 'long depends_on, restart policies, quoted "no", on-failure with a count',
      code: 'services:\n  a:\n    image: nginx:1.27\n    restart: "no"\n    depends_on:\n      b: {condition: service_started, restart: true, required: false}\n  b:\n    image: nginx:1.27\n    restart: on-failure:3\n',
    },
    { name: 'several documents are merged by Compose', code: 'services:\n  web:\n    image: nginx:1.27\n---\nservices:\n  web:\n    environment: {A: "1"}\n' },
    {
      name: 'a later document that overrides part of a service is valid alone; an empty last document',
      code: 'services:\n  web:\n    image: nginx:1.27\n    build: {context: ., dockerfile: Web.Dockerfile}\n---\nservices:\n  web:\n    build: {args: {A: b}}\n    healthcheck: {interval: 10s}\n---\n# nothing more\n',
    },
    { name: 'a value with a custom tag is not judged', code: 'services:\n  web:\n    image: nginx:1.27\n    cpus: !custom half\n' },
    { name: 'CRLF, flow style and non-ASCII text', code: '# café ☕\r\nservices: {web: {image: "nginx:1.27", labels: {note: "naïve 🐳"}}}\r\n' },
    { name: 'named volumes and networks may be empty', code: 'services:\n  web:\n    image: nginx:1.27\n    networks: {front: }\nvolumes:\n  data:\nnetworks:\n  front:\n' },
  ],
  invalid: [
    {
      name: 'misspelled service key, with its fix',
      code: 'services:\n  web:\n    imag: nginx:1.27\n',
      findings: [
        {
          range: [2, 4, 2, 8],
          message: "Unknown key 'imag' in service 'web'. Did you mean 'image'?",
          fixes: [{ title: "Change to 'image'", output: 'services:\n  web:\n    image: nginx:1.27\n' }],
        },
      ],
    },
    {
      name: 'a quoted key keeps its quotes; CRLF and non-ASCII before it on the line',
      code: 'services:\r\n  web: {labels: {note: "🐳 café"}, "enviroment": {A: "1"}, image: nginx:1.27}\r\n',
      findings: [
        {
          range: [1, 35, 1, 47],
          message: "Unknown key 'enviroment' in service 'web'. Did you mean 'environment'?",
          fixes: [{ title: "Change to 'environment'", output: 'services:\r\n  web: {labels: {note: "🐳 café"}, "environment": {A: "1"}, image: nginx:1.27}\r\n' }],
        },
      ],
    },
    {
      name: 'a key merged from an anchor is reported where it is written, once',
      code: 'x-base: &base\n  restart: always\n  stop_grace: 10s\nservices:\n  a:\n    <<: *base\n    image: nginx:1.27\n  b:\n    <<: *base\n    image: nginx:1.27\n',
      findings: [{ range: [2, 2, 2, 12], message: "Unknown key 'stop_grace' in service 'a'. Custom keys must start with 'x-'." }],
    },
    {
      name: 'misspelled top-level key',
      code: 'servics:\n  web:\n    image: nginx:1.27\n',
      findings: [
        {
          range: [0, 0, 0, 7],
          message: "Unknown top-level key 'servics'. Did you mean 'services'?",
          fixes: [{ title: "Change to 'services'", output: 'services:\n  web:\n    image: nginx:1.27\n' }],
        },
      ],
    },
    {
      name: 'wrong value types: a list where a string goes, a list inside ports, an empty environment',
      code: 'services:\n  web:\n    image: [nginx]\n    ports:\n      - [80, 80]\n    environment:\n      # FOO: bar\n',
      findings: [
        { range: [2, 11, 2, 18], message: "'image' must be a string (got a list)" },
        { range: [4, 8, 4, 16], message: "'ports' entries must be a number, a string or a mapping (got a list)" },
        { range: [5, 4, 5, 15], message: "'environment' must be a mapping or a list (got an empty value)" },
      ],
    },
    {
      name: 'interpolation cannot turn a string into a mapping',
      code: 'services:\n  web:\n    image: nginx:1.27\n    environment: ${ENVIRONMENT}\n',
      findings: [{ range: [3, 17, 3, 31], message: "'environment' must be a mapping or a list (got '${ENVIRONMENT}')" }],
    },
    {
      name: 'enum value with a close match, and its fix keeping the quotes',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: "service_healty"\n  db:\n    image: postgres:17\n    healthcheck: {test: ["CMD", "pg_isready"]}\n',
      findings: [
        {
          range: [5, 19, 5, 35],
          message: "'depends_on.db.condition' must be one of: service_started, service_healthy, service_completed_successfully (got 'service_healty'). Did you mean 'service_healthy'?",
          fixes: [
            {
              title: "Change to 'service_healthy'",
              output: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        condition: "service_healthy"\n  db:\n    image: postgres:17\n    healthcheck: {test: ["CMD", "pg_isready"]}\n',
            },
          ],
        },
      ],
    },
    {
      name: 'restart policies the specification lists',
      code: 'services:\n  a:\n    image: nginx:1.27\n    restart: sometimes\n  b:\n    image: nginx:1.27\n    restart: unless_stopped\n',
      findings: [
        { range: [3, 13, 3, 22], message: `${RESTART} (got 'sometimes')` },
        {
          range: [6, 13, 6, 27],
          message: `${RESTART} (got 'unless_stopped'). Did you mean 'unless-stopped'?`,
          fixes: [{ title: "Change to 'unless-stopped'", output: 'services:\n  a:\n    image: nginx:1.27\n    restart: sometimes\n  b:\n    image: nginx:1.27\n    restart: unless-stopped\n' }],
        },
      ],
    },
    {
      name: 'a required key missing, and a misspelling that explains it',
      code: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        required: true\n      cache:\n        conditon: service_started\n  db:\n    image: nginx:1.27\n  cache:\n    image: nginx:1.27\n',
      findings: [
        { range: [4, 6, 4, 8], message: "Missing required key 'condition' in 'depends_on.db' of service 'web'." },
        {
          range: [7, 8, 7, 16],
          message: "Unknown key 'conditon' in 'depends_on.cache' of service 'web'. Did you mean 'condition'?",
          fixes: [
            {
              title: "Change to 'condition'",
              output: 'services:\n  web:\n    image: nginx:1.27\n    depends_on:\n      db:\n        required: true\n      cache:\n        condition: service_started\n  db:\n    image: nginx:1.27\n  cache:\n    image: nginx:1.27\n',
            },
          ],
        },
      ],
    },
    {
      name: 'duplicate list entries, limits, patterns and names',
      code: 'services:\n  web:\n    image: nginx:1.27\n    ports:\n      - "8080:80"\n      - "8080:80"\n    cpu_percent: 150\n    container_name: a\n  "my web":\n    image: nginx:1.27\n',
      findings: [
        { range: [5, 8, 5, 17], message: "'ports' already lists '8080:80': Compose rejects duplicate entries." },
        { range: [6, 17, 6, 20], message: "'cpu_percent' must be at most 100 (got 150)" },
        { range: [7, 20, 7, 21], message: "'container_name' must be at least two characters, starting with a letter or digit, then letters, digits, '_', '.' or '-' (got 'a')" },
        { range: [8, 2, 8, 10], message: "'my web' is not a valid service name: use only letters, digits, '.', '_' and '-'." },
      ],
    },
    {
      name: 'the file must be a mapping',
      code: '- web\n- db\n',
      findings: [{ range: [0, 0, 0, 5], message: 'The Compose file must be a mapping (got a list)' }],
    },
    {
      name: 'YAML syntax errors come instead of schema errors',
      code: 'services:\n  web:\n    image: "nginx:1.27\n    imag: x\n',
      findings: [{ range: [2, 11, 2, 22], message: 'Invalid YAML: a double-quoted string has no closing quote.' }],
    },
    {
      name: 'tabs, and an alias with no anchor',
      code: 'services:\n  web:\n\timage: nginx:1.27\n  db:\n    image: *db_image\n',
      findings: [
        { range: [2, 0, 2, 1], message: 'Invalid YAML: indentation must use spaces, not tabs.' },
        { range: [4, 11, 4, 20], message: "Invalid YAML: the alias '*db_image' names no anchor. Define '&db_image' on a value before it." },
      ],
    },
    {
      name: 'a later document is checked against the schema too, with its fixes',
      code: 'services:\n  web:\n    image: nginx:1.27\n---\nservices:\n  web:\n    restart: allways\n',
      findings: [
        {
          range: [6, 13, 6, 20],
          message: "'restart' must be one of: no, always, on-failure, unless-stopped (got 'allways'). Did you mean 'always'?",
          fixes: [{ title: "Change to 'always'", output: 'services:\n  web:\n    image: nginx:1.27\n---\nservices:\n  web:\n    restart: always\n' }],
        },
      ],
    },
    {
      name: 'a later document is read too: its syntax errors, and an alias to an anchor of another document',
      code: 'services:\n  web:\n    image: &img nginx:1.27\n---\nservices:\n  worker:\n    image: *img\n  web: [\n',
      findings: [
        { range: [6, 11, 6, 15], message: "Invalid YAML: the alias '*img' names no anchor. Define '&img' on a value before it." },
        { range: [7, 2, 7, 8], message: "Invalid YAML: a flow list is not closed with ']', or its next lines are not indented enough." },
      ],
    },
  ],
});
