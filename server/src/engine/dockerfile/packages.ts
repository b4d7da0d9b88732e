import type { Instruction } from 'dockerfile-ast';
import { shellCommands, type ShellCommand } from './commands';
import type { DockerfileModel } from './model';
import { asPackageCommand, findOption, operands, operandWords, optionValues, type Ecosystem, type PackageCommand } from './package-managers';
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

/** The system package managers, by the ecosystem their commands are read as. */
const SYSTEM: Partial<Record<Ecosystem, PackageManager>> = { apt: 'apt', aptitude: 'apt', apk: 'apk', dnf: 'dnf', zypper: 'zypper' };

const INSTALL = new Set(['install', 'add']);
const REMOVE = new Set(['remove', 'purge', 'del', 'autoremove']);

/** A system package manager's command, with its manager. */
function systemCommand(command: ShellCommand): { pc: PackageCommand; manager: PackageManager } | undefined {
  const pc = asPackageCommand(command);
  const manager = pc && SYSTEM[pc.ecosystem];
  return manager ? { pc, manager } : undefined;
}

/** `gcc=4:12.2.0-3`, `gcc~=12`, `libc6-dev:arm64` → the bare package name. */
function packageName(value: string): string {
  return value.split(/[=<>~:]/)[0];
}

/** Every package a `RUN` installs with a system package manager, wherever in the script. */
export function packageInstalls(model: DockerfileModel, run: Instruction): PackageInstall[] {
  const out: PackageInstall[] = [];
  for (const command of shellCommands(model, run)) {
    const system = systemCommand(command);
    if (!system || !INSTALL.has(system.pc.action ?? '')) continue;
    const { pc, manager } = system;
    const packages = operandWords(pc).filter((w) => !w.value.includes('$') && !w.value.startsWith('/') && !w.value.endsWith('.rpm')).map((word) => ({ name: packageName(word.value), word }));
    const virtual = manager === 'apk' ? optionValues(pc, '--virtual', '-t')[0] : undefined;
    out.push({ manager, command, packages, virtual });
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
    const system = systemCommand(command);
    // `apt-mark auto '.*'`, or `apt-mark showmanual | xargs apt-mark auto`.
    const mark = command.words.indexOf('apt-mark');
    if (mark >= 0 && command.words[mark + 1] === 'auto') markedAuto = true;
    if (command.words[0] === 'apt-mark' && command.words[1] === 'manual' && command.words.slice(2).includes(name)) markedAuto = false;
    if (!system || system.manager !== install.manager || !REMOVE.has(system.pc.action ?? '')) continue;
    const removed = operands(system.pc).map(packageName);
    if (removed.includes(name) || (install.virtual !== undefined && removed.includes(install.virtual))) return true;
    const autoRemove = system.pc.action === 'autoremove' || findOption(system.pc, '--auto-remove', '--autoremove') !== undefined;
    if (install.manager === 'apt' && markedAuto && autoRemove) return true;
  }
  return false;
}
