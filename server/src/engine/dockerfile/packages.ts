import type { Instruction } from 'dockerfile-ast';
import { shellCommands, type ShellCommand } from './commands';
import type { DockerfileModel } from './model';
import type { Word } from './shell';

/** System package managers whose installs and removals the rules follow. */
export type PackageManager = 'apt' | 'apk' | 'dnf' | 'zypper';

export interface PackageWord {
  /** The package name without version, release or architecture qualifiers. */
  name: string;
  word: Word;
}

export interface PackageInstall {
  manager: PackageManager;
  command: ShellCommand;
  packages: PackageWord[];
  /** `apk add --virtual NAME`: the group name a later `apk del NAME` removes. */
  virtual?: string;
}

const MANAGERS: Record<string, PackageManager> = {
  'apt-get': 'apt',
  apt: 'apt',
  aptitude: 'apt',
  apk: 'apk',
  dnf: 'dnf',
  yum: 'dnf',
  microdnf: 'dnf',
  tdnf: 'dnf',
  zypper: 'zypper',
};

const INSTALL = new Set(['install', 'add', 'in']);
const REMOVE = new Set(['remove', 'purge', 'del', 'erase', 'autoremove', 'rm']);

/** Options that take the next word as their value, per manager. */
const VALUE_OPTIONS: Record<PackageManager, Set<string>> = {
  apt: new Set(['-o', '--option', '-t', '--target-release', '--default-release', '-c', '--config-file']),
  apk: new Set(['-t', '--virtual', '-X', '--repository', '--repositories-file', '-p', '--root', '--arch', '--cache-dir', '--keys-dir']),
  dnf: new Set(['-x', '--exclude', '--releasever', '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--setopt', '-c', '--config']),
  zypper: new Set(['-r', '--repo', '--from', '-t', '--type']),
};

interface Parsed {
  manager: PackageManager;
  subcommand: string;
  /** Words after the subcommand that are not options, with their option values dropped. */
  operands: Word[];
  options: Map<string, string>;
}

/** Reads `<manager> [options] <subcommand> [options] operands…`, whatever wrappers precede it. */
function parse(command: ShellCommand): Parsed | undefined {
  // Program words already skip wrappers and reserved words (`then apt-get …`).
  const program = command.words[0];
  const manager = MANAGERS[(program ?? '').split('/').pop() as string];
  if (!manager) return undefined;
  const all = command.command.words;
  const at = all.findIndex((w) => w.value === program);
  if (at < 0) return undefined;
  const takesValue = VALUE_OPTIONS[manager];
  const options = new Map<string, string>();
  let subcommand: string | undefined;
  const operands: Word[] = [];
  for (let i = at + 1; i < all.length; i++) {
    const value = all[i].value;
    if (/^\d*[<>]/.test(value) || value === '&>' || value === '>&') break;
    if (value.startsWith('-')) {
      const eq = value.indexOf('=');
      if (eq > 0) options.set(value.slice(0, eq), value.slice(eq + 1));
      else if (takesValue.has(value) && i + 1 < all.length) options.set(value, all[++i].value);
      else options.set(value, '');
      continue;
    }
    if (subcommand === undefined) subcommand = value;
    else operands.push(all[i]);
  }
  return subcommand === undefined ? undefined : { manager, subcommand, operands, options };
}

/** `gcc=4:12.2.0-3`, `gcc~=12`, `libc6-dev:arm64` → the bare package name. */
function packageName(value: string): string {
  return value.split(/[=<>~:]/)[0];
}

/** Every package a `RUN` installs with a system package manager, wherever in the script. */
export function packageInstalls(model: DockerfileModel, run: Instruction): PackageInstall[] {
  const out: PackageInstall[] = [];
  for (const command of shellCommands(model, run)) {
    const parsed = parse(command);
    if (!parsed || !INSTALL.has(parsed.subcommand)) continue;
    const packages = parsed.operands.filter((w) => !w.value.includes('$') && !w.value.startsWith('/') && !w.value.endsWith('.rpm')).map((word) => ({ name: packageName(word.value), word }));
    const virtual = parsed.manager === 'apk' ? (parsed.options.get('--virtual') ?? parsed.options.get('-t')) : undefined;
    out.push({ manager: parsed.manager, command, packages, virtual });
  }
  return out;
}

/**
 * Whether the same `RUN` removes a package again after installing it: by name, by its
 * `apk --virtual` group, or through Debian's `apt-mark auto` + `purge --auto-remove`
 * idiom, which drops everything not marked as manually installed.
 */
export function removedLater(model: DockerfileModel, install: PackageInstall, name: string): boolean {
  const commands = shellCommands(model, install.command.run);
  const after = commands.slice(commands.indexOf(install.command) + 1);
  let markedAuto = false;
  for (const command of after) {
    const parsed = parse(command);
    // `apt-mark auto '.*'`, or `apt-mark showmanual | xargs apt-mark auto`.
    const mark = command.words.indexOf('apt-mark');
    if (mark >= 0 && command.words[mark + 1] === 'auto') markedAuto = true;
    if (command.words[0] === 'apt-mark' && command.words[1] === 'manual' && command.words.slice(2).includes(name)) markedAuto = false;
    if (!parsed || parsed.manager !== install.manager || !REMOVE.has(parsed.subcommand)) continue;
    const removed = parsed.operands.map((w) => packageName(w.value));
    if (removed.includes(name) || (install.virtual !== undefined && removed.includes(install.virtual))) return true;
    const autoRemove = parsed.subcommand === 'autoremove' || parsed.options.has('--auto-remove') || parsed.options.has('--autoremove');
    if (install.manager === 'apt' && markedAuto && autoRemove) return true;
  }
  return false;
}
