/**
 * Hover texts for Dockerfile flags, `--mount` types and options, and parser
 * directives. Data only: the lookup and ranges live in `dockerfile.ts`.
 */

export interface FlagDoc {
  /** `--name=<value>` as written. */
  syntax: string;
  text: string;
  example: string;
  /** Instructions that accept the flag. */
  instructions: readonly string[];
  /** Default when the flag is left out, if it has one worth telling. */
  default?: string;
  /** Text for particular values (`--network=none`). */
  values?: Readonly<Record<string, string>>;
  /** Per-instruction wording where the flag differs (`--from` on COPY vs. others). */
  byInstruction?: Readonly<Record<string, string>>;
}

export const FLAG_DOCS: Readonly<Record<string, FlagDoc>> = {
  from: {
    syntax: '--from=<stage | index | image | named context>',
    text: 'Takes the sources from somewhere other than the build context: an earlier build stage (by its `AS` name or its 0-based index), any image reference, or a named context passed with `--build-context`.',
    example: 'COPY --from=build /app/dist /usr/share/nginx/html',
    instructions: ['COPY'],
  },
  chown: {
    syntax: '--chown=<user>[:<group>]',
    text: 'Sets the owner of the copied files and directories. Without it they belong to root (uid 0, gid 0). Names are looked up in the image\'s `/etc/passwd` and `/etc/group`; numeric ids need no lookup and also work in images without those files.',
    example: 'COPY --chown=app:app . /app',
    default: 'root:root (0:0)',
    instructions: ['COPY', 'ADD'],
  },
  chmod: {
    syntax: '--chmod=<octal | symbolic mode>',
    text: 'Sets the permission bits of the copied files in the same step, so no extra `RUN chmod` layer duplicates them. Octal (`0755`) works everywhere; symbolic modes (`u+x`) need a recent Dockerfile frontend.',
    example: 'COPY --chmod=0755 entrypoint.sh /usr/local/bin/',
    instructions: ['COPY', 'ADD'],
  },
  link: {
    syntax: '--link[=true|false]',
    text: 'Writes the files into an independent layer that does not depend on what is below it. BuildKit can then reuse that layer when the base image changes, and rebase it without rebuilding. Safe whenever the step does not rely on existing files at the destination (such as following symlinks there).',
    example: 'COPY --link --from=build /out/app /usr/local/bin/app',
    instructions: ['COPY', 'ADD'],
  },
  parents: {
    syntax: '--parents[=true|false]',
    text: 'Keeps the directory structure of the source paths below the destination instead of flattening them. A `./` in the source marks where the kept part starts. Requires Dockerfile frontend 1.7 or newer (a labs feature before 1.20).',
    example: 'COPY --parents ./packages/*/package.json /app/',
    instructions: ['COPY', 'ADD'],
  },
  exclude: {
    syntax: '--exclude=<pattern>',
    text: 'Leaves out source paths that match the pattern (same syntax as `.dockerignore`). Repeat the flag for several patterns. Needs a recent Dockerfile frontend.',
    example: 'COPY --exclude=*.md --exclude=tests/ . /app',
    instructions: ['COPY', 'ADD'],
  },
  checksum: {
    syntax: '--checksum=sha256:<hex>',
    text: 'Verifies a downloaded file (HTTP source) or Git commit against the given checksum and fails the build on mismatch, so a changed upstream file cannot slip in silently.',
    example: 'ADD --checksum=sha256:<64 hex digits> https://example.com/tool.tar.gz /tmp/',
    instructions: ['ADD'],
  },
  'keep-git-dir': {
    syntax: '--keep-git-dir[=true|false]',
    text: 'When `ADD` fetches a Git repository, keeps its `.git` directory in the destination. By default only the checked-out files are added.',
    example: 'ADD --keep-git-dir https://github.com/example/repo.git#v1.2.3 /src',
    default: 'false',
    instructions: ['ADD'],
  },
  unpack: {
    syntax: '--unpack[=true|false]',
    text: 'Controls whether `ADD` extracts a recognised archive (tar, optionally compressed). Local archives are unpacked by default and downloaded ones are not; this flag overrides either way.',
    example: 'ADD --unpack=true https://example.com/app.tar.gz /opt/app',
    instructions: ['ADD'],
  },
  platform: {
    syntax: '--platform=<os>/<arch>[/<variant>]',
    text: 'Picks the platform of the base image instead of the one being built for. Use `$BUILDPLATFORM` on build stages that only produce files (compilers, bundlers) so they run natively and cross-compile for `$TARGETPLATFORM`.',
    example: 'FROM --platform=$BUILDPLATFORM golang:1.27 AS build',
    default: 'the target platform of the build',
    instructions: ['FROM'],
  },
  network: {
    syntax: '--network=default|none|host',
    text: 'Chooses the network the command runs in.',
    example: 'RUN --network=none make test',
    default: 'default',
    instructions: ['RUN'],
    values: {
      default: '`default`: the build\'s normal network (what you get without the flag).',
      none: '`none`: no network at all, only loopback. Good for steps that must not download anything, which makes them reproducible.',
      host: '`host`: the host\'s network stack. Needs the `network.host` entitlement on the builder and `--allow network.host` on the build.',
    },
  },
  security: {
    syntax: '--security=sandbox|insecure',
    text: 'Chooses how isolated the command is.',
    example: 'RUN --security=insecure mount -t tmpfs none /mnt',
    default: 'sandbox',
    instructions: ['RUN'],
    values: {
      sandbox: '`sandbox`: the normal, confined container (the default).',
      insecure: '`insecure`: runs without the sandbox, like a privileged container. Needs the `security.insecure` entitlement on the builder and `--allow security.insecure` on the build; avoid it unless a step truly needs kernel access.',
    },
  },
  device: {
    syntax: '--device=<CDI device name>[,required=true|false]',
    text: 'Gives the command access to a device described by a CDI spec (for example a GPU). Labs feature: needs `# syntax=docker/dockerfile:1-labs` and a builder with CDI devices configured.',
    example: 'RUN --device=nvidia.com/gpu=all nvidia-smi',
    instructions: ['RUN'],
  },
  mount: {
    syntax: '--mount=type=<bind|cache|tmpfs|secret|ssh>[,<option>=<value>…]',
    text: 'Mounts something into the filesystem for this command only; nothing from the mount ends up in the layer. Repeat the flag for several mounts.',
    example: 'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    instructions: ['RUN'],
  },
  interval: {
    syntax: '--interval=<duration>',
    text: 'Time between two health probes, counted from the end of the previous one.',
    example: 'HEALTHCHECK --interval=10s CMD curl -fsS http://localhost/ || exit 1',
    default: '30s',
    instructions: ['HEALTHCHECK'],
  },
  timeout: {
    syntax: '--timeout=<duration>',
    text: 'How long one probe may run; a slower probe counts as a failure.',
    example: 'HEALTHCHECK --timeout=3s CMD pg_isready -U postgres',
    default: '30s',
    instructions: ['HEALTHCHECK'],
  },
  'start-period': {
    syntax: '--start-period=<duration>',
    text: 'Grace period after the container starts: failing probes in this window do not count towards `--retries`, but one success already marks the container healthy.',
    example: 'HEALTHCHECK --start-period=40s CMD curl -fsS http://localhost:8080/ready || exit 1',
    default: '0s',
    instructions: ['HEALTHCHECK'],
  },
  'start-interval': {
    syntax: '--start-interval=<duration>',
    text: 'Time between probes during the start period, so a quick-starting service becomes healthy sooner without probing often afterwards. Needs Docker Engine 25 or newer.',
    example: 'HEALTHCHECK --start-period=30s --start-interval=2s CMD redis-cli ping',
    default: '5s',
    instructions: ['HEALTHCHECK'],
  },
  retries: {
    syntax: '--retries=<n>',
    text: 'How many probes in a row must fail before the container is marked `unhealthy`.',
    example: 'HEALTHCHECK --retries=5 CMD wget -q --spider http://localhost/ || exit 1',
    default: '3',
    instructions: ['HEALTHCHECK'],
  },
};

export type MountType = 'bind' | 'cache' | 'tmpfs' | 'secret' | 'ssh';

export const MOUNT_TYPES: Readonly<Record<MountType, { text: string; example: string }>> = {
  bind: {
    text: 'Mounts files from the build context, a stage or an image (read-only by default) without copying them into a layer. Handy for source trees and lock files only one step needs.',
    example: 'RUN --mount=type=bind,source=go.sum,target=go.sum go mod download',
  },
  cache: {
    text: 'A persistent directory the builder keeps between builds, for package manager and compiler caches. Its contents never reach the image, and a cold cache must not change the result.',
    example: 'RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update',
  },
  tmpfs: {
    text: 'An empty in-memory filesystem for scratch files that should vanish after the command.',
    example: 'RUN --mount=type=tmpfs,target=/tmp,size=256m ./build.sh',
  },
  secret: {
    text: 'Exposes a secret passed with `docker build --secret id=…` as a file (or an environment variable) for this command only; it is neither stored in a layer nor in the build cache key.',
    example: 'RUN --mount=type=secret,id=npmrc,target=/root/.npmrc npm ci',
  },
  ssh: {
    text: 'Forwards an SSH agent socket from the client (`docker build --ssh default`) so the command can fetch private repositories without a key in the image.',
    example: 'RUN --mount=type=ssh git clone git@github.com:example/private.git',
  },
};

export interface MountOptionDoc {
  /** Other spellings (`dst`, `destination`). */
  aliases?: readonly string[];
  text: string;
  /** Which mount types accept the option. */
  types: readonly MountType[];
  /** Extra wording for a particular type (defaults differ). */
  byType?: Partial<Record<MountType, string>>;
  values?: Readonly<Record<string, string>>;
}

export const MOUNT_OPTIONS: Readonly<Record<string, MountOptionDoc>> = {
  type: {
    text: 'What kind of mount this is.',
    types: ['bind', 'cache', 'tmpfs', 'secret', 'ssh'],
    byType: { bind: 'Defaults to `bind` when left out.' },
  },
  target: {
    aliases: ['dst', 'destination'],
    text: 'Where the mount appears inside the build container.',
    types: ['bind', 'cache', 'tmpfs', 'secret', 'ssh'],
    byType: {
      secret: 'Optional for secrets: defaults to `/run/secrets/<id>`.',
      ssh: 'Optional for SSH: defaults to a socket under `/run/buildkit/` that `SSH_AUTH_SOCK` points to.',
    },
  },
  source: {
    aliases: ['src'],
    text: 'The path to mount from the `from` source.',
    types: ['bind', 'cache'],
    byType: {
      bind: 'Path inside the build context, stage or image; defaults to its root.',
      cache: 'Sub-path of the `from` stage or image used to seed the cache.',
    },
  },
  from: {
    text: 'Where the files come from: a stage name, an image, or a named build context.',
    types: ['bind', 'cache'],
    byType: {
      bind: 'Defaults to the build context.',
      cache: 'Seeds the cache from that stage or image instead of starting empty.',
    },
  },
  rw: {
    aliases: ['readwrite'],
    text: 'Lets the command write to a bind mount. The writes are thrown away after the step; they never reach the build context or the image.',
    types: ['bind'],
  },
  readonly: {
    aliases: ['ro'],
    text: 'Mounts the cache read-only, so this step can use it but not change it.',
    types: ['cache'],
  },
  id: {
    text: 'The identifier of the mount.',
    types: ['cache', 'secret', 'ssh'],
    byType: {
      cache: 'Caches with the same id share their contents across stages and Dockerfiles; defaults to the `target` path.',
      secret: 'Must match the `id` given to `docker build --secret`; defaults to the file name of `target`.',
      ssh: 'Must match a key given to `docker build --ssh`; defaults to `default`.',
    },
  },
  sharing: {
    text: 'What happens when several builds use the same cache at once.',
    types: ['cache'],
    values: {
      shared: '`shared` (default): all writers use it at the same time.',
      private: '`private`: a concurrent writer gets a fresh, separate cache.',
      locked: '`locked`: other writers wait until this one is done. Use it for tools that cannot handle concurrent access, such as apt.',
    },
  },
  mode: {
    text: 'Permission bits of the mount, in octal.',
    types: ['cache', 'secret', 'ssh'],
    byType: { cache: 'Defaults to `0755` for a new cache directory.', secret: 'Defaults to `0400`.', ssh: 'Defaults to `0600`.' },
  },
  uid: {
    text: 'Numeric user id that owns the mount; defaults to `0` (root). Set it when a later `USER` must read or write it.',
    types: ['cache', 'secret', 'ssh'],
  },
  gid: {
    text: 'Numeric group id of the mount; defaults to `0`.',
    types: ['cache', 'secret', 'ssh'],
  },
  size: {
    text: 'Upper limit of the tmpfs size, in bytes or with a unit suffix (`64m`).',
    types: ['tmpfs'],
  },
  required: {
    text: 'Fails the step when the secret or SSH socket was not provided. Without it a missing one is silently skipped.',
    types: ['secret', 'ssh'],
    byType: { secret: 'Defaults to `false`.', ssh: 'Defaults to `false`.' },
  },
  env: {
    text: 'Exposes the secret as this environment variable instead of (or besides) a file. Needs Dockerfile frontend 1.10 or newer.',
    types: ['secret'],
  },
};

/** The canonical option name for an alias (`dst` → `target`). */
export function mountOptionName(name: string): string | undefined {
  const lower = name.toLowerCase();
  if (MOUNT_OPTIONS[lower]) return lower;
  return Object.keys(MOUNT_OPTIONS).find((key) => MOUNT_OPTIONS[key].aliases?.includes(lower));
}

export interface DirectiveDoc {
  syntax: string;
  text: string;
  example: string;
  /** Text for `key=value` parts inside the value (`check`). */
  parts?: Readonly<Record<string, string>>;
}

export const DIRECTIVE_DOCS: Readonly<Record<string, DirectiveDoc>> = {
  syntax: {
    syntax: '# syntax=<frontend image>',
    text: 'Selects the Dockerfile frontend BuildKit uses to read this file. `docker/dockerfile:1` follows the newest stable 1.x release, so new syntax works without upgrading Docker; pin a minor (`1.14`) or a digest for fully repeatable builds. Like every directive, it must come before any instruction or other comment.',
    example: '# syntax=docker/dockerfile:1',
  },
  escape: {
    syntax: '# escape=\\ | `',
    text: 'Sets the character that escapes characters and continues lines. The default is a backslash; Windows Dockerfiles often switch to a backtick so paths such as `C:\\app` need no doubling.',
    example: '# escape=`',
  },
  check: {
    syntax: '# check=skip=<rule>[,<rule>…];error=true|false',
    text: 'Configures BuildKit\'s build checks for this file: which checks to skip and whether a failing check fails the build. Parts are separated by `;`.',
    example: '# check=skip=JSONArgsRecommended;error=true',
    parts: {
      skip: '`skip=`: comma-separated names of build checks to turn off, or `all`.',
      error: '`error=true`: a check violation fails the build instead of only warning.',
    },
  },
};
