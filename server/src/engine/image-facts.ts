import type { ImageRef } from './image-ref';

/**
 * How a base image family creates an unprivileged user. `existingUser` means the image
 * already ships one; `create` lines are run before `USER`.
 */
export interface UserRecipe {
  family: string;
  user: string;
  create?: string;
}

const APP = 'app';

const RECIPES = {
  // BusyBox `addgroup`/`adduser`: -S makes a system account without password or home.
  alpine: { family: 'Alpine', user: APP, create: `addgroup -S ${APP} && adduser -S -G ${APP} ${APP}` },
  // groupadd/useradd come from `passwd`, which even the slim Debian and Ubuntu images have;
  // `adduser` is a separate package that minimal images leave out.
  debian: { family: 'Debian/Ubuntu', user: APP, create: `groupadd --system ${APP} && useradd --system --gid ${APP} --no-create-home ${APP}` },
  rhel: { family: 'RHEL/Fedora', user: APP, create: `groupadd -r ${APP} && useradd -r -g ${APP} ${APP}` },
  node: { family: 'Node.js', user: 'node' },
  distroless: { family: 'distroless', user: 'nonroot' },
  // No shell and no /etc/passwd to edit: a numeric id needs no account.
  scratch: { family: 'scratch', user: '65532:65532' },
} satisfies Record<string, UserRecipe>;

const RHEL_IMAGES = new Set(['fedora', 'almalinux', 'rockylinux', 'centos', 'oraclelinux', 'amazonlinux', 'redhat/ubi8', 'redhat/ubi9', 'redhat/ubi10']);
const ALPINE_IMAGES = new Set(['alpine', 'busybox']);

/** Picks the user recipe for the image at the root of the final stage. */
export function userRecipe(image: ImageRef | undefined, scratch: boolean): UserRecipe {
  if (scratch) return RECIPES.scratch;
  if (!image) return RECIPES.debian;
  const repo = image.repository;
  const tag = image.tag ?? '';
  if (repo.includes('distroless')) return RECIPES.distroless;
  if (image.official && repo === 'node') return RECIPES.node;
  if (ALPINE_IMAGES.has(repo) || /(^|-)alpine/.test(tag)) return RECIPES.alpine;
  if (RHEL_IMAGES.has(repo) || repo.startsWith('redhat/ubi') || /(^|-)(ubi|oraclelinux|ubi\d+)/.test(tag)) return RECIPES.rhel;
  return RECIPES.debian;
}

/** Environment a service sets, used to fill in healthcheck commands. */
export type ServiceEnv = ReadonlyMap<string, string>;

export interface StatefulImage {
  /** A `CMD-SHELL` probe the image itself has the tools for. */
  healthcheck?: (env: ServiceEnv) => string;
}

const postgres: StatefulImage = {
  healthcheck: (env) => {
    const user = env.get('POSTGRES_USER') || 'postgres';
    return `pg_isready -U ${user} -d ${env.get('POSTGRES_DB') || user}`;
  },
};
const redis: StatefulImage = { healthcheck: () => 'redis-cli ping' };

/** Images whose service needs time after start before it accepts clients. */
const STATEFUL: Record<string, StatefulImage> = {
  postgres,
  postgresql: postgres,
  'postgis/postgis': postgres,
  mysql: { healthcheck: () => 'mysqladmin ping -h 127.0.0.1 --silent' },
  // MariaDB 11+ images dropped the mysql* client names; the image ships its own probe.
  mariadb: { healthcheck: () => 'healthcheck.sh --connect --innodb_initialized' },
  mongo: { healthcheck: () => `mongosh --quiet --eval "db.adminCommand('ping').ok"` },
  mongodb: {},
  redis,
  'redis/redis-stack': redis,
  'redis/redis-stack-server': redis,
  valkey: { healthcheck: () => 'valkey-cli ping' },
  'valkey/valkey': { healthcheck: () => 'valkey-cli ping' },
  rabbitmq: { healthcheck: () => 'rabbitmq-diagnostics -q ping' },
  couchdb: { healthcheck: () => 'curl -fs http://127.0.0.1:5984/_up' },
  clickhouse: { healthcheck: () => `clickhouse-client --query 'SELECT 1'` },
  'clickhouse/clickhouse-server': { healthcheck: () => `clickhouse-client --query 'SELECT 1'` },
  elasticsearch: {},
  opensearch: {},
  cassandra: {},
  influxdb: {},
  neo4j: {},
  memcached: {},
  zookeeper: {},
  kafka: {},
};

/** Looks an image up by repository, or by its last path part (`bitnami/postgresql`). */
export function statefulImage(image: ImageRef | undefined): StatefulImage | undefined {
  if (!image) return undefined;
  const own = (key: string) => (Object.prototype.hasOwnProperty.call(STATEFUL, key) ? STATEFUL[key] : undefined);
  return own(image.repository) ?? own(image.repository.split('/').pop() as string);
}
