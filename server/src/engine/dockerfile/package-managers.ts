import { JSONInstruction, type Instruction } from 'dockerfile-ast';
import type { Range, TextEdit } from '../types';
import { heredocs, keptOn, keyword } from './instructions';
import type { DockerfileModel, Stage } from './model';
import { shellCommands, type ShellCommand } from './commands';
import { descendantsKey, lastBefore, stageOf } from './instruction-order';
import { programWordObjects, type Word } from './shell';
import { stageSources } from './stage-sources';

/**
 * Package-manager commands inside `RUN` (system managers, pip, npm, gem, go) as the rules see
 * them: which tool, which action, which options and operands; which stages reach an image;
 * and the small edits those rules make to a `RUN`. The one reader of such commands.
 */

export type Ecosystem = 'apt' | 'aptitude' | 'apk' | 'dnf' | 'zypper' | 'pip' | 'uv' | 'npm' | 'gem' | 'go';

interface ToolSpec {
  ecosystem: Ecosystem;
  /** The program's file name (any directory: `/venv/bin/pip` is pip). */
  program: RegExp;
  /** Words right after the program that make it this tool: `-m pip` for `python -m pip`, `pip` for `uv pip`. */
  then?: readonly RegExp[];
  /** Options that take the next word as their value, before or after the action. */
  valueOptions: readonly string[];
  /** Action as written (aliases included) → the action it is. */
  actions: Readonly<Record<string, string>>;
}

const same = (...names: string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, n]));
const aliases = (action: string, ...names: string[]): Record<string, string> => Object.fromEntries(names.map((n) => [n, action]));

const APT_VALUE_OPTIONS = ['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture'];
const PIP_VALUE_OPTIONS = [
  '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--trusted-host', '--cert', '--client-cert',
  '--python', '--use-feature', '--use-deprecated', '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target',
  '--prefix', '--root', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--platform', '--python-version',
  '--implementation', '--abi', '--src', '--upgrade-strategy', '--progress-bar', '--no-binary', '--only-binary', '-C',
  '--config-settings', '--global-option', '--report', '--root-user-action', '--group',
];
const PIP_ACTIONS = same('install', 'download', 'wheel', 'uninstall', 'freeze', 'list', 'show', 'check', 'config', 'cache', 'index', 'inspect', 'hash');

const TOOLS: readonly ToolSpec[] = [
  {
    ecosystem: 'apt',
    program: /^apt(-get)?$/,
    valueOptions: APT_VALUE_OPTIONS,
    actions: same(
      'install', 'reinstall', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'satisfy', 'source', 'download',
      'update', 'clean', 'autoclean', 'autoremove', 'dist-clean', 'check', 'changelog', 'list', 'search', 'show', 'policy',
    ),
  },
  {
    // Installs from apt's archives, with options of its own (`--without-recommends`): the apt-get rules leave it alone.
    ecosystem: 'aptitude',
    program: /^aptitude$/,
    valueOptions: APT_VALUE_OPTIONS,
    actions: same('install', 'reinstall', 'remove', 'purge', 'update', 'upgrade', 'safe-upgrade', 'full-upgrade', 'build-dep', 'markauto', 'unmarkauto', 'hold', 'unhold', 'clean', 'autoclean', 'download', 'search', 'show'),
  },
  {
    ecosystem: 'apk',
    program: /^apk$/,
    valueOptions: ['-X', '--repository', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '-t', '--virtual', '--cache-max-age', '--timeout', '--wait'],
    actions: same('add', 'del', 'update', 'upgrade', 'fix', 'fetch', 'info', 'search', 'cache', 'version', 'index', 'manifest', 'policy', 'stats', 'audit', 'verify', 'list', 'dot'),
  },
  {
    ecosystem: 'dnf',
    program: /^(dnf|yum|microdnf|tdnf)$/,
    valueOptions: ['-x', '--exclude', '--releasever', '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '--setopt', '-c', '--config'],
    actions: {
      ...aliases('install', 'install', 'in', 'localinstall'),
      ...aliases('remove', 'remove', 'rm', 'erase'),
      ...aliases('reinstall', 'reinstall', 'rei'),
      ...aliases('makecache', 'makecache', 'mc'),
      ...aliases('upgrade', 'upgrade', 'up'),
      ...same('autoremove', 'update', 'downgrade', 'distro-sync', 'clean', 'check-update', 'group', 'groupinstall', 'module', 'builddep'),
      ...same('download', 'info', 'list', 'search', 'provides', 'repolist', 'repoquery', 'history', 'mark', 'swap'),
    },
  },
  {
    ecosystem: 'zypper',
    program: /^zypper$/,
    valueOptions: ['-r', '--repo', '--from', '-t', '--type'],
    actions: {
      ...aliases('install', 'install', 'in'),
      ...aliases('remove', 'remove', 'rm'),
      ...aliases('refresh', 'refresh', 'ref'),
      ...aliases('update', 'update', 'up'),
      ...aliases('dist-upgrade', 'dist-upgrade', 'dup'),
      ...same('clean', 'patch', 'search', 'info', 'addrepo', 'source-install'),
    },
  },
  { ecosystem: 'pip', program: /^pip\d*(\.\d+)?$/, valueOptions: PIP_VALUE_OPTIONS, actions: PIP_ACTIONS },
  { ecosystem: 'pip', program: /^python\d*(\.\d+)?$/, then: [/^-m$/, /^pip\d*(\.\d+)?$/], valueOptions: PIP_VALUE_OPTIONS, actions: PIP_ACTIONS },
  {
    // uv's pip interface: pip's operands, uv's own cache and options.
    ecosystem: 'uv',
    program: /^uv$/,
    then: [/^pip$/],
    valueOptions: [...PIP_VALUE_OPTIONS, '-p', '--override', '--index', '--default-index'],
    actions: same('install', 'uninstall', 'compile', 'sync', 'freeze', 'list', 'show', 'tree', 'check'),
  },
  {
    ecosystem: 'npm',
    program: /^npm$/,
    valueOptions: ['--prefix', '--cache', '-w', '--workspace', '--loglevel', '--registry', '--userconfig', '--globalconfig', '--omit', '--include', '--only', '--tag', '--before', '--location', '--install-strategy'],
    actions: {
      ...aliases('install', 'install', 'i', 'in', 'ins', 'inst', 'insta', 'instal', 'isnt', 'isnta', 'isntal', 'isntall', 'add', 'it', 'install-test'),
      ...aliases('ci', 'ci', 'clean-install', 'ic', 'install-clean', 'isntall-clean', 'cit', 'install-ci-test', 'clean-install-test'),
      ...same('cache', 'run', 'run-script', 'uninstall', 'update', 'prune', 'rebuild', 'exec', 'pack', 'publish', 'config', 'test'),
    },
  },
  {
    ecosystem: 'gem',
    program: /^gem$/,
    valueOptions: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '-P', '--trust-policy', '--platform', '--build-root', '-g', '--file'],
    actions: { ...aliases('install', 'install', 'i'), ...same('uninstall', 'update', 'list', 'build', 'fetch', 'sources', 'cleanup', 'pristine') },
  },
  {
    ecosystem: 'go',
    program: /^go$/,
    valueOptions: ['-C', '-o', '-p', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-modfile', '-buildmode', '-overlay', '-pkgdir', '-toolexec', '-exec', '-run', '-timeout', '-count'],
    actions: same('build', 'install', 'get', 'test', 'run', 'mod', 'generate', 'vet', 'list', 'env', 'version', 'work', 'clean'),
  },
];

/** apt actions that fetch packages, so they need (and read) the package lists. */
export const APT_INSTALLS: ReadonlySet<string> = new Set(['install', 'reinstall', 'upgrade', 'dist-upgrade', 'full-upgrade', 'build-dep', 'satisfy', 'source', 'download']);

/** Whether an apt command fetches the package lists: `apt-get update`, or an install with `--update` (apt 3). */
export function fetchesLists(command: PackageCommand): boolean {
  if (command.ecosystem !== 'apt') return false;
  return command.action === 'update' || (APT_INSTALLS.has(command.action ?? '') && findOption(command, '--update') !== undefined);
}

/** Words that come before a command without being it: shell keywords and runners. */
const KEYWORDS = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{', 'time', 'eatmydata']);
const XARGS_VALUE_OPTIONS = new Set(['-n', '-I', '-L', '-P', '-d', '-E', '-s', '-a', '--max-args', '--max-procs', '--delimiter', '--arg-file']);

/** One package-manager command a `RUN` executes. */
export interface PackageCommand {
  shell: ShellCommand;
  ecosystem: Ecosystem;
  /** The program word (`apt-get`; `python3` for `python3 -m pip`). */
  program: Word;
  /** The action it performs, aliases resolved (`install` for `npm i`). */
  action?: string;
  actionWord?: Word;
  /** Every word after the program (after `-m pip`, or uv's `pip`): options, their values and operands. */
  args: Word[];
  /** The command as written up to its action, for messages (`python3 -m pip install`). */
  label: string;
  /** Options of this tool that take the next word as their value. */
  valueOptions: readonly string[];
}

function withoutRunners(words: Word[]): Word[] {
  let i = 0;
  while (i < words.length) {
    if (KEYWORDS.has(words[i].value)) i++;
    else if (words[i].value === 'xargs') {
      i++;
      while (i < words.length && words[i].value.startsWith('-')) i += XARGS_VALUE_OPTIONS.has(words[i].value) ? 2 : 1;
    } else break;
  }
  return words.slice(i);
}

const basename = (program: string) => program.slice(program.lastIndexOf('/') + 1);

/** The package-manager command a simple command runs, if it runs one; read once per command, as most rules ask. */
export function asPackageCommand(shell: ShellCommand): PackageCommand | undefined {
  return keptOn(shell, PACKAGE_COMMAND, () => readPackageCommand(shell));
}

const PACKAGE_COMMAND = Symbol('packageCommand');

function readPackageCommand(shell: ShellCommand): PackageCommand | undefined {
  const words = withoutRunners(programWordObjects(shell.command));
  if (words.length === 0) return undefined;
  const name = basename(words[0].value);
  for (const tool of TOOLS) {
    if (!tool.program.test(name)) continue;
    const lead = tool.then ?? [];
    if (!lead.every((pattern, i) => pattern.test(words[i + 1]?.value ?? ''))) continue;
    const rest = words.slice(1 + lead.length);
    let actionWord: Word | undefined;
    for (let i = 0; i < rest.length; i++) {
      const v = rest[i].value;
      if (tool.valueOptions.includes(v)) i++;
      else if (!v.startsWith('-')) {
        actionWord = rest[i];
        break;
      }
    }
    const action = actionWord ? tool.actions[actionWord.value] : undefined;
    const head = words.slice(0, 1 + lead.length).map((w) => w.value).join(' ');
    return {
      shell,
      ecosystem: tool.ecosystem,
      program: words[0],
      action,
      actionWord: action ? actionWord : undefined,
      args: rest,
      label: action ? `${head} ${actionWord?.value}` : head,
      valueOptions: tool.valueOptions,
    };
  }
  return undefined;
}

/** The package-manager commands of a `RUN`, in the order `shellCommands` gives. */
export function packageCommands(model: DockerfileModel, run: Instruction): PackageCommand[] {
  return shellCommands(model, run).flatMap((c) => asPackageCommand(c) ?? []);
}

/** The option word `name` (or `name=value`), wherever it stands among the arguments. */
export function findOption(command: PackageCommand, ...names: string[]): Word | undefined {
  return command.args.find((w) => names.some((n) => w.value === n || (n.startsWith('--') && w.value.startsWith(n + '='))));
}

/** Values given to an option: `--opt value`, `--opt=value`, and `-ovalue` for short ones. */
export function optionValues(command: PackageCommand, ...names: string[]): string[] {
  const out: string[] = [];
  command.args.forEach((w, i) => {
    for (const n of names) {
      if (w.value === n && command.args[i + 1]) out.push(command.args[i + 1].value);
      else if (n.startsWith('--') && w.value.startsWith(n + '=')) out.push(w.value.slice(n.length + 1));
      else if (!n.startsWith('--') && w.value.startsWith(n) && w.value.length > n.length) out.push(w.value.slice(n.length));
    }
  });
  return out;
}

/** Where a command stands, from its program to its action; the `RUN`'s arguments when offsets are unknown. */
export function commandRange(model: DockerfileModel, command: PackageCommand): Range {
  const base = command.shell.base;
  if (base === undefined) return command.shell.run.getArgumentsRange() ?? command.shell.run.getRange();
  const end = command.actionWord ?? command.program;
  return model.lines.range(base + command.program.start, base + end.end);
}

/** The operands after the action (packages, files), options and their values left out; every word after `--`. */
export function operandWords(command: PackageCommand): Word[] {
  const start = command.actionWord ? command.args.indexOf(command.actionWord) + 1 : 0;
  const out: Word[] = [];
  for (let i = start; i < command.args.length; i++) {
    const v = command.args[i].value;
    if (v === '--') return [...out, ...command.args.slice(i + 1)];
    if (command.valueOptions.includes(v)) i++;
    else if (!v.startsWith('-')) out.push(command.args[i]);
  }
  return out;
}

export function operands(command: PackageCommand): string[] {
  return operandWords(command).map((w) => w.value);
}

/** The command and its first operand (`apt-get install curl`), to tell several apart in fix titles. */
export function shortText(command: PackageCommand): string {
  const first = operands(command)[0];
  return first === undefined ? command.label : `${command.label} ${first}`;
}

// ---- Stages ------------------------------------------------------------------------

/**
 * Whether a stage's files end up in an image: the final stage, any stage no other stage
 * builds on or copies from (a `--target`), and the stages those are built `FROM`. A
 * stage that is only copied from (`COPY --from`, `RUN --mount=from=`) hands over
 * chosen files; what it leaves elsewhere (package caches, lists) never ships.
 */
export function isImageStage(model: DockerfileModel, stage: Stage): boolean {
  return imageStageSet(model).has(stage);
}

const imageStagesOf = new WeakMap<DockerfileModel, Set<Stage>>();

function imageStageSet(model: DockerfileModel): Set<Stage> {
  let stages = imageStagesOf.get(model);
  if (!stages) imageStagesOf.set(model, (stages = new Set(readImageStages(model))));
  return stages;
}

/** For checks of image stages only: whether the stage is one, as a key (`DockerfileRule.stageInputs`). */
export const imageStageInput = (model: DockerfileModel, stage: Stage): string => (isImageStage(model, stage) ? 'image' : '');

/** The same, for checks that also look at what later RUNs do (`firstsAfter`): the stages built on it too. */
export const imageStageAndLaterInput = (model: DockerfileModel, stage: Stage): string => `${imageStageInput(model, stage)}/${descendantsKey(model, stage)}`;

function readImageStages(model: DockerfileModel): Stage[] {
  const used = new Set<Stage>();
  for (const stage of model.stages) {
    if (stage.parent) used.add(stage.parent);
    for (const { value } of stageSources(model, stage)) {
      const source = model.stageNamed(value);
      if (source && source !== stage) used.add(source);
    }
  }
  const out = new Set<Stage>();
  for (const stage of model.stages) {
    if (stage === model.finalStage || !used.has(stage)) for (const s of model.lineage(stage)) out.add(s);
  }
  return model.stages.filter((s) => out.has(s));
}

const POSIX_SHELLS = /^(sh|bash|ash|dash|zsh|ksh)$/;
const isShell = (i: Instruction) => keyword(i) === 'SHELL';

/**
 * Whether a `RUN` goes to a POSIX shell: not after `SHELL ["powershell", …]` or
 * `SHELL ["cmd", "/S", "/C"]`, and not on a Windows base image (whose default is cmd).
 */
export function runsPosixShell(model: DockerfileModel, run: Instruction): boolean {
  const shell = lastBefore(model, run, isShell);
  if (shell instanceof JSONInstruction) {
    const program = shell.getJSONStrings()[0]?.getJSONValue() ?? '';
    return POSIX_SHELLS.test(basename(program.replace(/\\/g, '/')).replace(/\.exe$/i, ''));
  }
  const stage = stageOf(model, run);
  const image = stage ? model.rootImage(stage) : undefined;
  return !image || !/windows|nanoserver|servercore/i.test(`${image.repository}:${image.tag ?? ''}`);
}

// ---- Edits -------------------------------------------------------------------------

const insertAt = (model: DockerfileModel, offset: number, newText: string): TextEdit => ({ range: model.lines.range(offset, offset), newText });

/** Inserts ` text` right after a word of the command; undefined inside JSON strings. */
export function insertAfterWord(model: DockerfileModel, shell: ShellCommand, word: Word, text: string): TextEdit | undefined {
  return shell.base === undefined ? undefined : insertAt(model, shell.base + word.end, ` ${text}`);
}

/** Deletes a word together with the blank (or continuation) before it. */
export function deleteWord(model: DockerfileModel, shell: ShellCommand, word: Word): TextEdit | undefined {
  if (shell.base === undefined) return undefined;
  const index = shell.command.words.indexOf(word);
  if (index <= 0) return undefined;
  const previous = shell.command.words[index - 1];
  return { range: model.lines.range(shell.base + previous.end, shell.base + word.end), newText: '' };
}

/** Commands of the same script as `shell` (same offsets), in text order. */
function siblings(model: DockerfileModel, shell: ShellCommand): ShellCommand[] {
  return shellCommands(model, shell.run)
    .filter((c) => c.base === shell.base)
    .sort((a, b) => a.command.start - b.command.start);
}

const CHAINING = new Set(['&&', ';', '\n']);
/** A command starting with one of these belongs to a compound command: removing it would break the syntax. */
const SHELL_SYNTAX = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{', '}', 'fi', 'done', 'esac', 'case', 'for']);

/**
 * Deletes several commands of one RUN: each run of neighbouring ones goes as one edit that
 * takes exactly one separator with it, so the commands left stay chained. One entry per run
 * of neighbours, undefined where that run cannot be removed cleanly.
 */
export function deleteCommands(model: DockerfileModel, shells: readonly ShellCommand[]): (TextEdit | undefined)[] {
  const out: (TextEdit | undefined)[] = [];
  const byScript = new Map<number | undefined, ShellCommand[]>();
  for (const shell of shells) {
    const group = byScript.get(shell.base);
    if (group) group.push(shell);
    else byScript.set(shell.base, [shell]);
  }
  for (const [base, group] of byScript) {
    if (base === undefined) {
      out.push(...group.map(() => undefined));
      continue;
    }
    const list = siblings(model, group[0]);
    const doomed = new Set(group.map((shell) => list.findIndex((c) => c.command.start === shell.command.start)));
    if (doomed.has(-1)) {
      out.push(undefined);
      continue;
    }
    for (let i = 0; i < list.length; i++) {
      if (!doomed.has(i)) continue;
      let j = i;
      while (doomed.has(j + 1)) j++;
      out.push(deleteRun(model, base, list, i, j));
      i = j;
    }
  }
  return out;
}

/** Deletes commands `first`…`last` of a script's list, with the separator before or after them. */
function deleteRun(model: DockerfileModel, base: number, list: readonly ShellCommand[], first: number, last: number): TextEdit | undefined {
  const run = list.slice(first, last + 1).map((c) => c.command);
  if (run.some((c) => c.words.length === 0 || SHELL_SYNTAX.has(c.words[0].value))) return undefined;
  if (run.slice(0, -1).some((c) => !CHAINING.has(c.next ?? ''))) return undefined;
  const previous = list[first - 1]?.command;
  const next = list[last + 1]?.command;
  const after = run[run.length - 1].next;
  if (previous) {
    if (!CHAINING.has(previous.next ?? '') || (after !== undefined && !CHAINING.has(after) && after !== ')')) return undefined;
    return { range: model.lines.range(base + previous.end, base + run[run.length - 1].end), newText: '' };
  }
  if (!next || after === undefined || !CHAINING.has(after)) return undefined;
  return { range: model.lines.range(base + run[0].start, base + next.start), newText: '' };
}

function heredocHolding(run: Instruction, model: DockerfileModel, offset: number): boolean {
  return (heredocs(run) ?? []).some((h) => {
    const content = h.getContentRange();
    return content !== null && model.lines.offsetAt(content.start) <= offset && offset <= model.lines.offsetAt(content.end);
  });
}

const indentOf = (line: string) => /^[ \t]*/.exec(line)?.[0] ?? '';

/**
 * Appends `text` as one more `&&` link after the last command a `RUN` executes, in the
 * layout the `RUN` already uses: on the same line for a one-line `RUN`, else on a new
 * continuation line with a leading or trailing `&&` as the other lines have it.
 * Undefined when the commands' offsets are unknown (JSON) or the last one is piped or
 * sent to the background.
 */
export function appendToRun(model: DockerfileModel, run: Instruction, text: string): TextEdit | undefined {
  let last: ShellCommand | undefined;
  for (const c of shellCommands(model, run)) {
    if (c.base === undefined || c.command.words.length === 0) continue;
    if (!last || c.base + c.command.end > (last.base as number) + last.command.end) last = c;
  }
  // After an unclosed quote the text would land inside it, not after the command.
  if (!last || last.base === undefined || last.command.next === '&' || last.command.next === '|' || last.command.words.some((w) => w.unclosed)) return undefined;
  const start = last.base + last.command.start;
  const end = last.base + last.command.end;
  const inHeredoc = heredocHolding(run, model, start);
  const escape = inHeredoc ? '\\' : model.ast.getEscapeCharacter();
  const eol = model.lines.eol;
  const startLine = model.lines.positionAt(start).line;
  const endLine = model.lines.positionAt(end).line;
  const firstLine = inHeredoc ? startLine : run.getRange().start.line;
  if (startLine === firstLine && endLine === firstLine) return insertAt(model, end, ` && ${text}`);
  const startText = model.lines.lineText(startLine);
  const leading = /^[ \t]*(&&|\|\||;)/.test(startText) && model.lines.offsetAt({ line: startLine, character: indentOf(startText).length }) < start;
  if (leading || startLine === firstLine) {
    const indent = leading ? indentOf(startText) : indentOf(model.lines.lineText(endLine));
    return insertAt(model, end, ` ${escape}${eol}${indent}&& ${text}`);
  }
  return insertAt(model, end, ` && ${escape}${eol}${indentOf(startText)}${text}`);
}
