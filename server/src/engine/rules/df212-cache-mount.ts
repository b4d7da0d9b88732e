import type { Instruction } from 'dockerfile-ast';
import { hasCacheMount, mounts, shellCommands, wordRange, type ShellCommand } from '../dockerfile/commands';
import { environmentAt, lastBefore } from '../dockerfile/instruction-order';
import { keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import {
  APT_INSTALLS,
  asPackageCommand,
  commandRange,
  deleteCommands,
  deleteWord,
  fetchesLists,
  findOption,
  runsPosixShell,
  shortText,
  type Ecosystem,
  type PackageCommand,
} from '../dockerfile/package-managers';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

type Env = Map<string, string>;

interface Cache {
  /** Whether a command of the ecosystem downloads what the cache would keep. */
  downloads(pc: PackageCommand): boolean;
  /** Where the cache lives for root, given the environment; undefined when it cannot be told. */
  targets(pc: PackageCommand[], env: Env, stage: Stage, model: DockerfileModel): string[] | undefined;
  /** A cache mount the user chose elsewhere still counts (`/home/app/.cache/pip`). */
  recognised: RegExp;
  /** Whether the RUN still works when the mount hides what earlier layers left in the target. */
  selfContained?(pcs: PackageCommand[], all: PackageCommand[]): boolean;
  /** apt takes locks in its cache; parallel builds must wait for each other. */
  sharing?: 'locked';
  /** What to call the cache when its directory cannot be told. */
  name: string;
  /** Per-user caches need the RUN to run as root for `/root/…` to be right. */
  perUser: boolean;
}

/** The directory a variable names: undefined when unset, null when it is not a plain absolute path (so the cache cannot be located). */
function pathFrom(env: Env, name: string): string | undefined | null {
  const value = env.get(name);
  if (value === undefined || value === '') return undefined;
  return value.startsWith('/') && !value.includes('$') ? value.replace(/\/$/, '') : null;
}

/** The first configured directory, else the default; undefined when a variable cannot be resolved. */
function resolve(...choices: (string | undefined | null)[]): string | undefined {
  for (const c of choices) {
    if (c === null) return undefined;
    if (c !== undefined) return c;
  }
  return undefined;
}

const under = (dir: string | undefined | null, sub: string) => (dir === undefined || dir === null ? dir : `${dir}/${sub}`);

/** The ecosystems whose caches a mount can keep, and where they live. */
const CACHES: Partial<Record<Ecosystem, Cache>> = {
  apt: {
    name: "apt's package caches",
    downloads: (pc) => APT_INSTALLS.has(pc.action ?? ''),
    // The mount hides lists an earlier layer fetched: the RUN must fetch its own.
    selfContained: (_pcs, all) => all.some(fetchesLists),
    targets: () => ['/var/cache/apt', '/var/lib/apt'],
    recognised: /^\/var\/(cache|lib)\/apt(\/|$)/,
    sharing: 'locked',
    perUser: false,
  },
  apk: {
    name: "apk's cache",
    // `--no-network` installs from what is already there.
    downloads: (pc) => (pc.action === 'add' || pc.action === 'upgrade') && !findOption(pc, '--no-network'),
    // With /etc/apk/cache present apk looks for the index there, not where an earlier layer left it.
    selfContained: (pcs, all) =>
      all.some((pc) => pc.ecosystem === 'apk' && pc.action === 'update') || pcs.every((pc) => findOption(pc, '--no-cache', '-U', '--update-cache', '--update') !== undefined),
    // apk keeps packages only when /etc/apk/cache exists; /var/cache/apk alone holds just the index.
    targets: () => ['/etc/apk/cache'],
    recognised: /^\/(etc\/apk\/cache|var\/cache\/apk)(\/|$)/,
    perUser: false,
  },
  pip: {
    name: "pip's cache",
    downloads: (pc) => pc.action === 'install' || pc.action === 'download' || pc.action === 'wheel',
    targets: (_pc, env) => {
      const dir = resolve(pathFrom(env, 'PIP_CACHE_DIR'), under(pathFrom(env, 'XDG_CACHE_HOME'), 'pip'), '/root/.cache/pip');
      return dir ? [dir] : undefined;
    },
    recognised: /\/\.cache(\/pip)?\/?$/,
    perUser: true,
  },
  npm: {
    name: "npm's cache",
    downloads: (pc) => pc.action === 'install' || pc.action === 'ci',
    targets: (_pc, env) => {
      const dir = resolve(pathFrom(env, 'npm_config_cache'), pathFrom(env, 'NPM_CONFIG_CACHE'), '/root/.npm');
      return dir ? [dir] : undefined;
    },
    recognised: /\/\.npm\/?$/,
    perUser: true,
  },
  go: {
    name: "Go's module and build caches",
    downloads: (pc) => ['build', 'install', 'get', 'test', 'run', 'mod', 'generate', 'vet'].includes(pc.action ?? ''),
    targets: (pcs, env, stage, model) => {
      // The golang images set GOPATH=/go; elsewhere Go defaults to ~/go.
      const gopath = resolve(pathFrom(env, 'GOPATH'), model.rootImage(stage)?.repository === 'golang' ? '/go' : '/root/go');
      const modules = resolve(pathFrom(env, 'GOMODCACHE'), under(gopath, 'pkg/mod'));
      const build = resolve(pathFrom(env, 'GOCACHE'), under(pathFrom(env, 'XDG_CACHE_HOME'), 'go-build'), '/root/.cache/go-build');
      const compiles = pcs.some((pc) => pc.action !== 'mod' && pc.action !== 'get');
      if (!modules || (compiles && !build)) return undefined;
      return compiles ? [modules, build as string] : [modules];
    },
    recognised: /(\/pkg\/mod|\/go-build)\/?$/,
    perUser: true,
  },
};

const isUser = (i: Instruction) => keyword(i) === 'USER';

function runsAsRoot(model: DockerfileModel, run: Instruction): boolean {
  const user = lastBefore(model, run, isUser)
    ?.getArguments()[0]
    ?.getValue()
    .split(':')[0];
  return user === undefined || user === 'root' || user === '0';
}

function homeOf(path: string): string {
  return path.replace(/^(~|\$HOME|\$\{HOME\})(?=\/|$)/, '/root').replace(/\/\*?$/, '');
}

function linksCache(path: string, cache: Cache, targets: string[] | undefined): boolean {
  const dir = path.replace(/\/$/, '');
  return cache.recognised.test(dir) || (targets ?? []).some((t) => dir === t || t.startsWith(dir + '/'));
}

const within = (path: string, dirs: string[]) => dirs.some((d) => path === d || path.startsWith(d + '/'));

/**
 * The edits that stop a RUN from emptying or bypassing the cache it now mounts:
 * `rm` of the cached directories, `apt-get clean`, `npm cache clean`, pip's
 * `--no-cache-dir`, apk's `--no-cache` (which becomes `--update-cache`, so the index
 * is still fetched). Undefined when one of them cannot be removed cleanly.
 */
function keepCacheEdits(model: DockerfileModel, ecosystem: Ecosystem, commands: readonly ShellCommand[], targets: string[]): TextEdit[] | undefined {
  const edits: TextEdit[] = [];
  const push = (edit: TextEdit | undefined) => {
    if (edit) edits.push(edit);
    return edit !== undefined;
  };
  // Deleted together at the end, so neighbouring ones share their separators correctly.
  const doomed: ShellCommand[] = [];
  for (const shell of commands) {
    const pc = asPackageCommand(shell);
    if (pc?.ecosystem === ecosystem) {
      const cleaning =
        (ecosystem === 'apt' && ['clean', 'autoclean', 'dist-clean'].includes(pc.action ?? '')) ||
        (ecosystem === 'npm' && pc.action === 'cache' && pc.args.some((w) => w.value === 'clean')) ||
        (ecosystem === 'pip' && pc.action === 'cache' && pc.args.some((w) => w.value === 'purge'));
      if (cleaning) doomed.push(shell);
      const bypass = ecosystem === 'pip' ? findOption(pc, '--no-cache-dir') : ecosystem === 'apk' ? findOption(pc, '--no-cache') : undefined;
      if (bypass && ecosystem === 'pip' && !push(deleteWord(model, shell, bypass))) return undefined;
      const replaced = bypass && ecosystem === 'apk' ? wordRange(model, shell, bypass) : undefined;
      if (bypass && ecosystem === 'apk' && !push(replaced && { range: replaced, newText: '--update-cache' })) return undefined;
      continue;
    }
    const [program, ...args] = shell.words;
    if (program !== 'rm') continue;
    const paths = args.filter((a) => !a.startsWith('-'));
    const cached = paths.filter((p) => within(homeOf(p), targets));
    if (cached.length === 0) continue;
    if (cached.length === paths.length) {
      doomed.push(shell);
    } else {
      for (const word of shell.command.words.filter((w) => cached.includes(w.value))) if (!push(deleteWord(model, shell, word))) return undefined;
    }
  }
  for (const drop of deleteCommands(model, doomed)) if (!push(drop)) return undefined;
  return edits;
}

function alreadyCached(run: Instruction, commands: readonly ShellCommand[], cache: Cache, targets: string[] | undefined): boolean {
  const existing = mounts(run).flatMap((m) => (m.type === 'cache' && m.target !== undefined ? [m.target] : []));
  if (existing.some((t) => cache.recognised.test(t)) || (targets ?? []).some((t) => hasCacheMount(run, t))) return true;
  // `ln -s /mounted /etc/apk/cache`: the cache already lives on a mount.
  return existing.length > 0 && commands.some((c) => c.words[0] === 'ln' && linksCache(c.words[c.words.length - 1], cache, targets));
}

function mountFix(model: DockerfileModel, run: Instruction, first: PackageCommand, cache: Cache, commands: readonly ShellCommand[], targets: string[]): Fix | undefined {
  const args = run.getArgumentsRange();
  const keep = args ? keepCacheEdits(model, first.ecosystem, commands, targets) : undefined;
  if (!args || !keep) return undefined;
  const sharing = cache.sharing;
  const flags = targets.map((t) => `--mount=type=cache,target=${t}${sharing ? `,sharing=${sharing}` : ''} `).join('');
  return { title: `Add cache mount: keep ${targets.join(' and ')} between builds of '${shortText(first)}'`, edits: [{ range: { start: args.start, end: args.start }, newText: flags }, ...keep], preferred: true };
}

export const df212 = stageRule({
  id: 'DF212',
  name: 'cache-mount',
  severity: 'off',
  language: 'dockerfile',
  fix: 'Add cache mount',
  docs: {
    summary: 'A RUN downloads packages with apt, apk, pip, npm or Go without a cache mount to keep them between builds.',
    why: 'When a layer has to be rebuilt, every package it installs is downloaded again. A BuildKit cache mount (`RUN --mount=type=cache,target=…`) keeps the package manager\'s cache on the build machine, outside the image: rebuilds reuse what was downloaded before, and the image stays as small as with the cache cleaned.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    for (const run of stage.instructions) {
      // Cache mounts and their targets are for Linux builds.
      if (keyword(run) !== 'RUN' || !runsPosixShell(model, run)) continue;
      const commands = shellCommands(model, run);
      const all = commands.map((c) => asPackageCommand(c)).filter((pc): pc is PackageCommand => pc !== undefined);
      const found = all.filter((pc) => CACHES[pc.ecosystem]?.downloads(pc));
      if (found.length === 0) continue;
      const env = environmentAt(model, run);
      for (const [ecosystem, cache] of Object.entries(CACHES) as [Ecosystem, Cache][]) {
        const pcs = found.filter((pc) => pc.ecosystem === ecosystem);
        if (pcs.length === 0) continue;
        // With caching turned off for the whole stage, a mount would stay empty.
        if (ecosystem === 'pip' && env.has('PIP_NO_CACHE_DIR')) continue;
        // Per-user caches live in the home of whoever runs the RUN: /root only for root.
        const targets = cache.perUser && !runsAsRoot(model, run) ? undefined : cache.targets(pcs, env, stage, model);
        if (alreadyCached(run, commands, cache, targets)) continue;
        const fix = targets && (cache.selfContained?.(pcs, all) ?? true) ? mountFix(model, run, pcs[0], cache, commands, targets) : undefined;
        const first = pcs[0];
        context.report({
          range: commandRange(model, first),
          message: `'${shortText(first)}' downloads everything again whenever this layer is rebuilt. A cache mount on ${targets ? targets.map((t) => `'${t}'`).join(' and ') : cache.name} keeps the downloads between builds.`,
          fixes: fix ? [fix] : [],
        });
      }
    }
  },
});
