/**
 * What each Compose key means, per place (see compose-schema.ts for place ids). The
 * same name can mean different things in different places, hence one table per place.
 * Written for this project; examples are short and lint clean.
 */
export interface KeyDoc {
  text: string;
  example?: string;
}

type Table = Record<string, KeyDoc>;

function d(text: string, example?: string): KeyDoc {
  return example === undefined ? { text } : { text, example };
}

const HOOK: Table = {
  command: d('The command to run, as a string or a list of arguments.'),
  user: d('The user the command runs as; defaults to the container\'s user.'),
  privileged: d('Run the command with extended privileges. Use only when the command really needs them.'),
  working_dir: d('The folder the command starts in.'),
  environment: d('Extra environment variables for this command only, as a list of `KEY=value` or a mapping.'),
};

const ROLLOUT: Table = {
  parallelism: d('How many containers are changed at the same time (0 means all at once).'),
  delay: d('How long to wait between changing one batch of containers and the next, as a duration such as `10s`.'),
  failure_action: d('What to do when a change fails: `continue`, `rollback` or `pause`.'),
  monitor: d('How long to watch each changed container for failure before moving on.'),
  max_failure_ratio: d('The share of failed containers (0 to 1) that is still tolerated during the rollout.'),
  order: d('`stop-first` stops the old container before starting the new one; `start-first` overlaps them briefly.'),
};

const DEVICE_REQUEST: Table = {
  capabilities: d('What the device must support, e.g. `[gpu]` or `[gpu, utility]`. Required for a device reservation.'),
  count: d('How many devices to reserve, or `all`. Cannot be combined with `device_ids`.'),
  device_ids: d('The exact devices to reserve, by id. Cannot be combined with `count`.'),
  driver: d('The device driver to ask for, e.g. `nvidia`.'),
  options: d('Driver-specific settings as key/value pairs.'),
};

const ULIMIT: Table = {
  soft: d('The limit the process gets by default; it may raise it up to the hard limit.'),
  hard: d('The ceiling the soft limit may be raised to.'),
};

const BLKIO_RATE: Table = {
  path: d('The block device the limit applies to, e.g. `/dev/sda`.'),
  rate: d('The limit: bytes per second (`1mb`) or operations per second, depending on the list.'),
};

const EXTERNAL: Table = {
  name: d('The name the existing resource has outside this project, when it differs from the key.'),
};

function fileGrant(kind: 'secret' | 'config'): Table {
  const where = kind === 'secret' ? 'under `/run/secrets/`' : 'at the root of the container';
  return {
    source: d(`The name of the ${kind} as defined in the top-level \`${kind}s\` section.`),
    target: d(`Where the ${kind} shows up in the container: a file name (placed ${where}) or an absolute path.`, `${kind}s:\n  - source: app_${kind}\n    target: ${kind === 'secret' ? 'app_password' : '/etc/app/config.yml'}`),
    uid: d('The numeric user id that owns the mounted file.'),
    gid: d('The numeric group id that owns the mounted file.'),
    mode: d('The file permissions, as an octal number such as `0440`.'),
  };
}

const SERVICE: Table = {
  develop: d('Settings for `docker compose watch`: which source changes sync, rebuild or restart this service during development.'),
  deploy: d('How the service runs: replicas, resource limits and reservations, restart policy, placement and rollout settings.', 'deploy:\n  resources:\n    limits:\n      cpus: "0.50"\n      memory: 512M\n  restart_policy:\n    condition: on-failure'),
  annotations: d('Annotations for the containers, as a list or mapping; unlike labels they are meant for runtime tooling.'),
  attach: d('Whether `docker compose up` shows this service\'s logs. Set `false` for noisy helpers.'),
  build: d('Builds the service\'s image from a Dockerfile. A string is the build context; a mapping gives context, Dockerfile, args, target stage and more.', 'build:\n  context: .\n  target: runtime\n  args:\n    APP_VERSION: "1.2.0"'),
  blkio_config: d('Limits and weights for block device input/output of the containers.'),
  cap_add: d('Linux capabilities to grant on top of the default set. Add only the few the process needs, ideally after `cap_drop: [ALL]`.', 'cap_drop: [ALL]\ncap_add: [NET_BIND_SERVICE]'),
  cap_drop: d('Linux capabilities to remove from the default set. Dropping `ALL` and adding back what is needed is the safest start.', 'cap_drop:\n  - ALL'),
  cgroup: d('The cgroup namespace: `host` shares the host\'s, `private` gives the container its own.'),
  cgroup_parent: d('The parent cgroup the containers are placed under.'),
  command: d('Replaces the image\'s default command (`CMD`). A list avoids shell parsing surprises.', 'command: ["npm", "start"]'),
  configs: d('Configs from the top-level `configs` section made available as files in the container. Short form is the name; long form sets target path and ownership.', 'configs:\n  - source: nginx_conf\n    target: /etc/nginx/nginx.conf'),
  container_name: d('A fixed container name instead of the generated one. A fixed name prevents scaling the service beyond one container.'),
  cpu_count: d('The number of CPUs usable by the container (Windows).'),
  cpu_percent: d('The usable share of CPU time in percent (Windows).'),
  cpu_shares: d('The relative CPU weight of the containers compared to others when the CPU is contended.'),
  cpu_quota: d('The CPU time (in microseconds) the container may use per `cpu_period`.'),
  cpu_period: d('The length of the CPU scheduling period, in microseconds, that `cpu_quota` refers to.'),
  cpu_rt_period: d('The real-time scheduling period, in microseconds.'),
  cpu_rt_runtime: d('The real-time CPU time, in microseconds, the container may use per period.'),
  cpus: d('How many CPUs the containers may use, as a decimal such as `1.5`.'),
  cpuset: d('The CPUs the containers may run on, e.g. `0-2` or `0,3`.'),
  credential_spec: d('The credential spec for a managed service account (Windows containers).'),
  depends_on: d('Services to start before this one. The long form waits for a condition: started, healthy (needs a healthcheck on the target) or completed successfully.', 'depends_on:\n  db:\n    condition: service_healthy\n    restart: true'),
  device_cgroup_rules: d('Device cgroup rules, e.g. `c 1:3 mr`, allowing access to devices by major/minor number.'),
  devices: d('Host devices mapped into the containers, as `host:container[:permissions]` or the long form.'),
  dns: d('DNS servers the containers use instead of the default ones.'),
  dns_opt: d('Options written to the containers\' resolver configuration, e.g. `ndots:2`.'),
  dns_search: d('Search domains for short host names.'),
  domainname: d('The domain name of the containers.'),
  entrypoint: d('Replaces the image\'s `ENTRYPOINT`; an empty value clears it. Setting it also drops the image\'s default command.'),
  env_file: d('Files of `KEY=value` lines whose variables are set inside the containers. Not to be confused with the `.env` file Compose reads to fill `${VAR}` in this file.', 'env_file:\n  - path: ./app.env\n    required: false'),
  label_file: d('Files of `KEY=value` lines added to the containers\' labels.'),
  environment: d('Environment variables set inside the containers, as a mapping or a list of `KEY=value`. Keep secrets out of it: use `secrets` instead.', 'environment:\n  NODE_ENV: production\n  DB_HOST: db'),
  expose: d('Ports the containers listen on, made known to other services only; nothing is published on the host.'),
  extends: d('Start from another service\'s configuration (in this file or another one) and override parts of it.'),
  provider: d('Lets an external tool (a Compose provider plugin) manage this service instead of a container.'),
  external_links: d('Links to containers started outside this project. Legacy: prefer shared networks.'),
  extra_hosts: d('Extra host name to IP mappings added to the containers\' `/etc/hosts`.', 'extra_hosts:\n  - "host.docker.internal:host-gateway"'),
  gpus: d('GPUs made available to the containers: `all` or a list of device requests.'),
  group_add: d('Additional groups (names or ids) the container\'s user belongs to.'),
  healthcheck: d('A command Docker runs regularly to tell whether the container works. Other services can wait for it with `depends_on` and `condition: service_healthy`.', 'healthcheck:\n  test: ["CMD", "pg_isready", "-U", "postgres"]\n  interval: 10s\n  timeout: 5s\n  retries: 5\n  start_period: 30s'),
  hostname: d('The host name the containers see for themselves.'),
  image: d('The image the containers run. With `build` it is also the name given to the built image. Pin a tag (or a digest) so rebuilds stay reproducible.', 'image: postgres:16-alpine'),
  init: d('Runs a small init process as PID 1, which forwards signals and reaps zombie processes.'),
  ipc: d('The IPC namespace: `shareable`, `host`, or `service:<name>` to share another service\'s.'),
  isolation: d('The container isolation technology (Windows: `process` or `hyperv`).'),
  labels: d('Metadata labels on the containers, as a mapping or list.'),
  links: d('Legacy links to other services with optional aliases. Services on a shared network already reach each other by name.'),
  logging: d('The logging driver and its options for the containers. Capping log size avoids filling the disk.', 'logging:\n  driver: json-file\n  options:\n    max-size: "10m"\n    max-file: "3"'),
  mac_address: d('A fixed MAC address for the container.'),
  mem_limit: d('A hard memory limit such as `512m`. The `deploy.resources.limits.memory` key is the newer way.'),
  mem_reservation: d('A soft memory limit the containers are pushed back to when memory is short.'),
  mem_swappiness: d('How readily the kernel swaps out the container\'s memory (0 to 100).'),
  memswap_limit: d('The total of memory and swap the containers may use; `-1` means unlimited swap.'),
  network_mode: d('The network stack: `bridge`, `host`, `none`, `service:<name>` or `container:<name>`. Cannot be combined with `networks`.'),
  models: d('AI models (from the top-level `models` section) this service uses; their endpoint and name reach it as environment variables.'),
  networks: d('The networks this service joins, from the top-level `networks` section. Without it the service joins the project\'s `default` network. The long form sets aliases and fixed addresses.', 'networks:\n  backend:\n    aliases: [api]'),
  oom_kill_disable: d('Keeps the kernel from killing the container when memory runs out. Risky without a memory limit.'),
  oom_score_adj: d('How eagerly the kernel kills this container when memory runs out (-1000 to 1000).'),
  pid: d('The PID namespace: `host` or `service:<name>` to see another service\'s processes.'),
  pids_limit: d('The maximum number of processes in the container; `-1` for no limit.'),
  platform: d('The platform the image is pulled or built for, e.g. `linux/amd64`.'),
  ports: d('Container ports published on the host as `[host_ip:]host_port:container_port[/protocol]`. Give a host IP such as `127.0.0.1` to keep a port off the outer network interfaces.', 'ports:\n  - "127.0.0.1:8080:80"'),
  post_start: d('Commands run inside the container right after it starts.'),
  pre_stop: d('Commands run inside the container just before it is stopped.'),
  privileged: d('Gives the containers nearly all host privileges. Avoid; grant specific capabilities instead.'),
  profiles: d('The profiles this service belongs to. A service with profiles starts only when one of them is enabled (`--profile` or `COMPOSE_PROFILES`).', 'profiles: [debug]'),
  pull_policy: d('When to pull the image: `always`, `missing` (the default), `never`, `build`, or e.g. `daily`.'),
  pull_refresh_after: d('How long a pulled image is considered fresh before it is pulled again.'),
  read_only: d('Mounts the container\'s root file system read-only. Combine with `tmpfs` or volumes for the few folders the process writes to.', 'read_only: true\ntmpfs:\n  - /tmp'),
  restart: d('When Docker restarts the containers: `no` (default), `always`, `on-failure[:max]` or `unless-stopped`.', 'restart: unless-stopped'),
  runtime: d('The container runtime to use, e.g. `runc` or `nvidia`.'),
  scale: d('The default number of containers for this service.'),
  security_opt: d('Security options such as `no-new-privileges:true`, or seccomp and AppArmor profiles.', 'security_opt:\n  - no-new-privileges:true'),
  shm_size: d('The size of `/dev/shm`, e.g. `256m`.'),
  secrets: d('Secrets from the top-level `secrets` section, mounted as files under `/run/secrets/`. They stay out of the environment and the image.', 'secrets:\n  - db_password'),
  sysctls: d('Kernel parameters set in the container\'s namespaces.'),
  stdin_open: d('Keeps standard input open (like `docker run -i`).'),
  stop_grace_period: d('How long to wait after the stop signal before killing the container (default 10s).'),
  stop_signal: d('The signal sent to stop the container, instead of the image\'s `STOPSIGNAL` or `SIGTERM`.'),
  storage_opt: d('Storage driver options for the container.'),
  tmpfs: d('In-memory file systems mounted in the container, as paths. Useful with `read_only: true`.', 'tmpfs:\n  - /tmp\n  - /run'),
  tty: d('Allocates a terminal for the container (like `docker run -t`).'),
  ulimits: d('Resource limits for processes in the container, such as open files (`nofile`) or processes (`nproc`).', 'ulimits:\n  nofile:\n    soft: 20000\n    hard: 40000'),
  use_api_socket: d('Gives the container access to the Docker Engine API socket. That is as much power as root on the host.'),
  user: d('The user (and optionally group) the process runs as, e.g. `1000:1000`.'),
  uts: d('The UTS namespace; `host` shares the host\'s host name.'),
  userns_mode: d('The user namespace mode, e.g. `host` to turn user namespace remapping off.'),
  volumes: d('Mounts for the containers: named volumes from the top-level `volumes` section, bind mounts of host paths, or `tmpfs`. Short form is `source:target[:ro]`.', 'volumes:\n  - db-data:/var/lib/postgresql/data\n  - ./config:/etc/app:ro'),
  volumes_from: d('Mounts all volumes of another service or container; add `:ro` for read-only.'),
  working_dir: d('The folder the process starts in, overriding the image\'s `WORKDIR`.'),
};

const BUILD: Table = {
  context: d('The build context: a folder (relative to this file) or a Git URL. Its files are what `COPY` can reach.'),
  dockerfile: d('The Dockerfile to use, relative to the context.'),
  dockerfile_inline: d('A Dockerfile written inline in this file instead of a separate one.'),
  entitlements: d('Extra privileges the build may use, e.g. `network.host`.'),
  args: d('Values for the Dockerfile\'s `ARG` instructions. Do not pass secrets this way: they end up in the image history.', 'args:\n  NODE_VERSION: "22"'),
  ssh: d('SSH agent sockets or keys the build can use (`RUN --mount=type=ssh`).'),
  labels: d('Labels added to the built image.'),
  cache_from: d('Sources of build cache to reuse, such as a registry reference.'),
  cache_to: d('Where to export the build cache.'),
  no_cache: d('Builds without using the cache.'),
  additional_contexts: d('Named extra contexts the Dockerfile can refer to (`COPY --from=<name>`).'),
  network: d('The network the `RUN` steps use during the build, e.g. `host` or `none`.'),
  pull: d('Always pulls the newest version of the base images before building.'),
  target: d('The Dockerfile stage to build; later stages are skipped. Lets one multi-stage Dockerfile serve development and production.', 'build:\n  context: .\n  target: dev'),
  shm_size: d('The size of `/dev/shm` for the build steps.'),
  extra_hosts: d('Host name mappings available during the build.'),
  isolation: d('The isolation technology used for the build (Windows).'),
  privileged: d('Runs the build with extended privileges.'),
  secrets: d('Secrets the build can read with `RUN --mount=type=secret`, without storing them in the image.', 'build:\n  secrets:\n    - npm_token'),
  tags: d('Extra tags given to the built image, besides `image`.'),
  ulimits: d('Resource limits for the build containers.'),
  platforms: d('The platforms to build the image for, e.g. `[linux/amd64, linux/arm64]`.'),
};

const DEPLOY: Table = {
  mode: d('`replicated` (a set number of containers), `global` (one per node), or their job variants.'),
  endpoint_mode: d('How clients reach the service in Swarm: `vip` (a virtual IP) or `dnsrr` (DNS round robin).'),
  replicas: d('The number of containers to run for a replicated service.'),
  labels: d('Labels on the service itself (not on its containers).'),
  rollback_config: d('How a failed update is rolled back.'),
  update_config: d('How the service is updated: batch size, delay and what to do on failure.'),
  resources: d('Resource limits (a ceiling) and reservations (a guaranteed minimum) for each container.', 'resources:\n  limits:\n    memory: 512M\n  reservations:\n    memory: 256M'),
  restart_policy: d('When and how often containers are restarted after they exit.', 'restart_policy:\n  condition: on-failure\n  delay: 5s\n  max_attempts: 3\n  window: 120s'),
  placement: d('Where containers may run: constraints and preferences on the nodes.'),
};

const HEALTHCHECK: Table = {
  disable: d('Turns off any healthcheck the image defines.'),
  interval: d('The time between two checks (default 30s).', 'interval: 30s'),
  retries: d('How many failures in a row mark the container unhealthy (default 3).'),
  test: d('The check to run: `["CMD", ...]` runs a program directly, `["CMD-SHELL", "..."]` or a plain string runs through a shell, `["NONE"]` turns checks off. Exit status 0 means healthy.', 'test: ["CMD", "curl", "-f", "http://localhost/health"]'),
  timeout: d('How long one check may take before it counts as failed (default 30s).'),
  start_period: d('A grace period after start in which failures do not count toward `retries` (default 0s).', 'start_period: 40s'),
  start_interval: d('The time between checks during the start period.'),
};

const SERVICE_NETWORK: Table = {
  aliases: d('Extra host names this service is reachable by on this network.', 'networks:\n  backend:\n    aliases: [database]'),
  interface_name: d('The name of the network interface inside the container.'),
  ipv4_address: d('A fixed IPv4 address on this network; the network needs a matching `ipam` subnet.'),
  ipv6_address: d('A fixed IPv6 address on this network.'),
  link_local_ips: d('Link-local addresses for the container on this network.'),
  mac_address: d('The MAC address used on this network.'),
  driver_opts: d('Driver options for this network attachment.'),
  priority: d('The order in which the container is connected to its networks (higher first).'),
  gw_priority: d('Which network provides the default gateway (highest wins).'),
};

const PORT: Table = {
  name: d('A human-readable name for the port.'),
  mode: d('`host` publishes on each node; `ingress` load-balances across the Swarm.'),
  host_ip: d('The host interface to publish on. `127.0.0.1` keeps the port reachable from this machine only.', 'ports:\n  - target: 80\n    published: "8080"\n    host_ip: 127.0.0.1'),
  target: d('The port the container listens on.'),
  published: d('The port (or range) on the host.'),
  protocol: d('`tcp` (default) or `udp`.'),
  app_protocol: d('The application protocol (e.g. `http`) for tools that care.'),
};

const MOUNT: Table = {
  type: d('The kind of mount: `volume`, `bind`, `tmpfs`, `image`, `npipe` or `cluster`.'),
  source: d('What is mounted: a named volume from the top-level `volumes` section, or a host path for a bind mount.'),
  target: d('The path inside the container where the mount appears.', 'volumes:\n  - type: volume\n    source: db-data\n    target: /var/lib/postgresql/data'),
  read_only: d('Mounts read-only.'),
  consistency: d('Consistency requirements of the mount (mostly for Docker Desktop on macOS).'),
  bind: d('Options for a bind mount.'),
  volume: d('Options for a volume mount.'),
  tmpfs: d('Options for a tmpfs mount.', 'volumes:\n  - type: tmpfs\n    target: /cache\n    tmpfs:\n      size: 64m'),
  image: d('Options for an image mount.'),
};

const TOP_NETWORK: Table = {
  name: d('The actual network name, instead of `<project>_<key>`.'),
  driver: d('The network driver: `bridge` on one host, `overlay` across a Swarm, or a plugin.'),
  driver_opts: d('Options for the network driver.'),
  ipam: d('IP address management: the driver and subnets for this network.'),
  external: d('The network exists already and is not created by Compose; it must exist when the project starts.', 'networks:\n  proxy:\n    external: true'),
  internal: d('An isolated network with no route outside; good for back-end tiers.', 'networks:\n  backend:\n    internal: true'),
  enable_ipv4: d('Whether containers get IPv4 addresses on this network.'),
  enable_ipv6: d('Whether containers get IPv6 addresses on this network.'),
  attachable: d('Lets standalone containers join this overlay network.'),
  labels: d('Metadata labels on the network.'),
};

const TOP_VOLUME: Table = {
  name: d('The actual volume name, instead of `<project>_<key>`.'),
  driver: d('The volume driver; `local` by default.'),
  driver_opts: d('Options for the volume driver, e.g. an NFS mount.'),
  external: d('The volume exists already and is not created (or removed) by Compose.', 'volumes:\n  db-data:\n    external: true'),
  labels: d('Metadata labels on the volume.'),
};

const TOP_SECRET: Table = {
  name: d('The actual secret name on the platform.'),
  environment: d('Creates the secret from the value of this environment variable.'),
  file: d('Creates the secret from this file\'s content.', 'secrets:\n  db_password:\n    file: ./secrets/db_password.txt'),
  external: d('The secret exists already on the platform and is not created by Compose.'),
  labels: d('Metadata labels on the secret.'),
  driver: d('The secret driver to use.'),
  driver_opts: d('Options for the secret driver.'),
  template_driver: d('The template engine used to render the secret\'s content.'),
};

const TOP_CONFIG: Table = {
  name: d('The actual config name on the platform.'),
  content: d('The config\'s content written inline (variables are interpolated).'),
  environment: d('Creates the config from the value of this environment variable.'),
  file: d('Creates the config from this file\'s content.'),
  external: d('The config exists already on the platform and is not created by Compose.'),
  labels: d('Metadata labels on the config.'),
  template_driver: d('The template engine used to render the config\'s content.'),
};

/** Place id → key → documentation. */
export const KEY_DOCS: Readonly<Record<string, Table>> = {
  '': {
    version: d('Obsolete: Compose ignores it and warns. Remove it.'),
    name: d('The project name, used as the prefix of containers, networks and volumes.'),
    include: d('Other Compose files whose services and resources are added to this project, each with its own folder and `.env`.'),
    services: d('The containers of the application: one entry per service, named by its key.'),
    models: d('AI models the services can use, run by Docker Model Runner.'),
    networks: d('Networks the services can join. Each project also gets a `default` network.', 'networks:\n  frontend:\n  backend:\n    internal: true'),
    volumes: d('Named volumes: storage that outlives containers. Services mount them by name.', 'volumes:\n  db-data:'),
    secrets: d('Secrets services can receive as files, read from a file or an environment variable.', 'secrets:\n  db_password:\n    file: ./db_password.txt'),
    configs: d('Configuration files services can receive, from a file, an environment variable or inline content.'),
  },
  'include[]': {
    path: d('The Compose file (or files) to include.'),
    env_file: d('The `.env` file used to interpolate the included file.'),
    project_directory: d('The folder relative paths of the included file are resolved against.'),
  },
  'services.*': SERVICE,
  'services.*.develop': { watch: d('Rules for `docker compose watch`: which paths to watch and what to do when they change.') },
  'services.*.develop.watch[]': {
    ignore: d('Patterns of files under `path` whose changes are ignored.'),
    include: d('Patterns limiting the watched files under `path`.'),
    path: d('The source path to watch, relative to this file.'),
    action: d('`sync` copies changes into the container, `rebuild` rebuilds the image, `sync+restart` and `restart` restart it, `sync+exec` runs a command.'),
    target: d('The path in the container that `sync` copies into.'),
    exec: d('The command `sync+exec` runs in the container after syncing.'),
  },
  'services.*.develop.watch[].exec': HOOK,
  'services.*.deploy': DEPLOY,
  'services.*.deploy.rollback_config': ROLLOUT,
  'services.*.deploy.update_config': ROLLOUT,
  'services.*.deploy.resources': {
    limits: d('The most each container may use: CPUs, memory, processes.'),
    reservations: d('What each container is guaranteed: CPUs, memory, devices.'),
  },
  'services.*.deploy.resources.limits': {
    cpus: d('The CPU ceiling, e.g. `"0.5"` for half a CPU.'),
    memory: d('The memory ceiling, e.g. `512M`; the container is killed when it goes over.'),
    pids: d('The most processes the container may run.'),
  },
  'services.*.deploy.resources.reservations': {
    cpus: d('The CPU share guaranteed to the container.'),
    memory: d('The memory guaranteed to the container.'),
    generic_resources: d('Reservations of custom resources the nodes advertise.'),
    devices: d('Devices such as GPUs reserved for the container.', 'devices:\n  - driver: nvidia\n    count: 1\n    capabilities: [gpu]'),
  },
  'services.*.deploy.resources.reservations.generic_resources[]': { discrete_resource_spec: d('A countable resource: its kind and how many.') },
  'services.*.deploy.resources.reservations.generic_resources[].discrete_resource_spec': {
    kind: d('The name of the resource.'),
    value: d('How many units to reserve.'),
  },
  'services.*.deploy.resources.reservations.devices[]': DEVICE_REQUEST,
  'services.*.deploy.restart_policy': {
    condition: d('When to restart: `none`, `on-failure` or `any` (the default).'),
    delay: d('How long to wait between restart attempts.'),
    max_attempts: d('How many restarts to try before giving up (counted within `window`).'),
    window: d('How long a restarted container must keep running to count as a successful restart.'),
  },
  'services.*.deploy.placement': {
    constraints: d('Conditions a node must meet, e.g. `node.role == manager`.'),
    preferences: d('How to spread containers over nodes, e.g. by a node label.'),
    max_replicas_per_node: d('The most containers of this service on one node.'),
  },
  'services.*.deploy.placement.preferences[]': { spread: d('A node label to spread containers evenly over, e.g. `node.labels.zone`.') },
  'services.*.build': BUILD,
  'services.*.build.secrets[]': {
    source: d('The name of the secret in the top-level `secrets` section.'),
    target: d('The id the Dockerfile uses in `RUN --mount=type=secret,id=...`.'),
    uid: d('The numeric user id that owns the secret file during the build.'),
    gid: d('The numeric group id that owns the secret file during the build.'),
    mode: d('The secret file\'s permissions during the build, in octal.'),
  },
  'services.*.build.ulimits.*': ULIMIT,
  'services.*.blkio_config': {
    device_read_bps: d('Read limits in bytes per second, per device.'),
    device_read_iops: d('Read limits in operations per second, per device.'),
    device_write_bps: d('Write limits in bytes per second, per device.'),
    device_write_iops: d('Write limits in operations per second, per device.'),
    weight: d('The relative block I/O weight (10 to 1000).'),
    weight_device: d('Block I/O weights per device.'),
  },
  'services.*.blkio_config.device_read_bps[]': BLKIO_RATE,
  'services.*.blkio_config.device_read_iops[]': BLKIO_RATE,
  'services.*.blkio_config.device_write_bps[]': BLKIO_RATE,
  'services.*.blkio_config.device_write_iops[]': BLKIO_RATE,
  'services.*.blkio_config.weight_device[]': {
    path: d('The block device the weight applies to.'),
    weight: d('The relative weight for this device (10 to 1000).'),
  },
  'services.*.configs[]': fileGrant('config'),
  'services.*.credential_spec': {
    config: d('A credential spec stored as a Compose config.'),
    file: d('A credential spec file.'),
    registry: d('A credential spec read from the Windows registry.'),
  },
  'services.*.depends_on.*': {
    condition: d('What to wait for: `service_started` (default), `service_healthy` (the target needs a healthcheck) or `service_completed_successfully` (for one-off jobs such as migrations).', 'depends_on:\n  db:\n    condition: service_healthy'),
    restart: d('Restarts this service when the dependency is restarted by a Compose operation.'),
    required: d('With `false`, a missing or disabled dependency only causes a warning.'),
  },
  'services.*.devices[]': {
    source: d('The device path on the host.'),
    target: d('The device path in the container.'),
    permissions: d('Access rights: a mix of `r`, `w` and `m` (mknod).'),
  },
  'services.*.env_file[]': {
    path: d('The file to read variables from, relative to this file.'),
    format: d('The file format; `raw` takes values as written, without interpolation.'),
    required: d('With `false`, a missing file is skipped instead of being an error.'),
  },
  'services.*.extends': {
    service: d('The service to start from.'),
    file: d('The Compose file that defines it, when it is not this one.'),
  },
  'services.*.provider': {
    type: d('The provider plugin that manages the service.'),
    options: d('Settings passed to the provider.'),
  },
  'services.*.gpus[]': DEVICE_REQUEST,
  'services.*.healthcheck': HEALTHCHECK,
  'services.*.logging': {
    driver: d('Where the container\'s output goes: `json-file` (default), `local`, `syslog`, `journald`, `none`…'),
    options: d('Settings of the logging driver; for `json-file`, `max-size` and `max-file` cap the disk used.', 'options:\n  max-size: "10m"\n  max-file: "3"'),
  },
  'services.*.models.*': {
    endpoint_var: d('The environment variable that receives the model\'s endpoint URL.'),
    model_var: d('The environment variable that receives the model\'s name.'),
  },
  'services.*.networks.*': SERVICE_NETWORK,
  'services.*.ports[]': PORT,
  'services.*.post_start[]': HOOK,
  'services.*.pre_stop[]': HOOK,
  'services.*.secrets[]': fileGrant('secret'),
  'services.*.ulimits.*': ULIMIT,
  'services.*.volumes[]': MOUNT,
  'services.*.volumes[].bind': {
    propagation: d('Mount propagation, e.g. `rprivate` or `shared`.'),
    create_host_path: d('Creates the host folder when it does not exist.'),
    recursive: d('How mounts below the source are handled (`enabled`, `disabled`, `writable`, `readonly`).'),
    selinux: d('SELinux relabelling: `z` (shared between containers) or `Z` (private).'),
  },
  'services.*.volumes[].volume': {
    labels: d('Labels on a volume created for this mount.'),
    nocopy: d('Does not copy the image\'s files at the target into a new volume.'),
    subpath: d('Mounts only this folder of the volume.'),
  },
  'services.*.volumes[].tmpfs': {
    size: d('The size of the tmpfs, in bytes or with a unit such as `64m`.'),
    mode: d('The tmpfs permissions, in octal.'),
  },
  'services.*.volumes[].image': { subpath: d('Mounts only this folder of the image.') },
  'models.*': {
    name: d('A custom name for the model.'),
    model: d('The model to run, as an OCI reference.'),
    context_size: d('The token context size for the model.'),
    runtime_flags: d('Extra flags passed to the inference engine.'),
  },
  'networks.*': TOP_NETWORK,
  'networks.*.ipam': {
    driver: d('The IP address management driver.'),
    config: d('Subnets and address ranges for the network.', 'ipam:\n  config:\n    - subnet: 172.28.0.0/16'),
    options: d('Options for the IPAM driver.'),
  },
  'networks.*.ipam.config[]': {
    subnet: d('The subnet in CIDR form, e.g. `172.28.0.0/16`.'),
    ip_range: d('The range containers get addresses from, within the subnet.'),
    gateway: d('The gateway address of the subnet.'),
    aux_addresses: d('Addresses the driver must not hand out, by host name.'),
  },
  'networks.*.external': EXTERNAL,
  'volumes.*': TOP_VOLUME,
  'volumes.*.external': EXTERNAL,
  'secrets.*': TOP_SECRET,
  'secrets.*.external': EXTERNAL,
  'configs.*': TOP_CONFIG,
  'configs.*.external': EXTERNAL,
};

const PLACE_NAMES: Record<string, string> = {
  '': 'top level',
  'include[]': 'include entry',
  'services.*': 'service',
  'services.*.networks.*': 'service network',
  'services.*.depends_on.*': 'depends_on entry',
  'services.*.ports[]': 'ports (long syntax)',
  'services.*.volumes[]': 'volumes (long syntax)',
  'services.*.secrets[]': 'service secrets (long syntax)',
  'services.*.configs[]': 'service configs (long syntax)',
  'services.*.build.secrets[]': 'build secrets (long syntax)',
  'networks.*': 'network',
  'volumes.*': 'volume',
  'secrets.*': 'secret',
  'configs.*': 'config',
  'models.*': 'model',
};

/** A readable name for a place: `service`, `build`, `deploy.resources.limits`. */
export function placeName(id: string): string {
  return PLACE_NAMES[id] ?? id.replace(/^services\.\*\./, '').replace(/\.\*/g, '.<name>').replace(/\[\]/g, '');
}

/** The hover text of a key at a place, or undefined when the table has none. */
export function keyHoverText(placeId: string, key: string): string | undefined {
  const table = KEY_DOCS[placeId];
  const doc = table && Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (!doc) return undefined;
  const parts = [`**${key}** — ${placeName(placeId)}`, doc.text];
  if (doc.example) parts.push('```yaml\n' + doc.example + '\n```');
  return parts.join('\n\n');
}
