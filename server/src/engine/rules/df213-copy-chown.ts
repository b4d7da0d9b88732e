import type { Instruction } from 'dockerfile-ast';
import { deleteInstruction } from '../dockerfile/removal';
import { copyOperands, flagValue, keyword, runScript, type ShellScript } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { snippet } from '../dockerfile/snippet';
import { programWords, type Command } from '../dockerfile/shell';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, Range, TextEdit } from '../types';

/** Directories the base image fills: a `chown -R` there also changes files no COPY brought. */
const SYSTEM_DIRS = new Set(['/', '/bin', '/boot', '/dev', '/etc', '/home', '/lib', '/lib64', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/sbin', '/srv', '/sys', '/tmp', '/usr', '/var', '/usr/bin', '/usr/lib', '/usr/local', '/usr/local/bin', '/usr/local/lib', '/usr/share', '/var/cache', '/var/lib', '/var/log', '/var/run', '/var/tmp']);

/** Trees package managers install into, and the programs that do so. */
const SYSTEM_TREES = ['/etc', '/usr', '/var', '/opt', '/lib', '/run', '/srv'];
const INSTALLERS = new Set(['apt-get', 'apt', 'aptitude', 'dpkg', 'apk', 'dnf', 'yum', 'microdnf', 'tdnf', 'rpm', 'zypper', 'pip', 'pip3', 'npm', 'gem', 'make']);

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i;

/** Programs that change no file contents under the directory, whatever they are given. */
const HARMLESS = new Set(['useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'chmod', 'chown', 'chgrp', 'ls', 'echo', 'true', 'set', 'id']);

/** `chown` options that keep its meaning equal to COPY --chown: recursion and reporting only. */
const PLAIN_OPTIONS = /^(-[Rvcf]+|--recursive|--verbose|--changes|--silent|--quiet)$/;

/** A literal `user`, `user:group` or `uid:gid`; variables and `user:`/`:group` forms are not read. */
const OWNER = /^[A-Za-z0-9_][A-Za-z0-9_-]*(:[A-Za-z0-9_][A-Za-z0-9_-]*)?$/;

function normalize(path: string, cwd: string | undefined): string | undefined {
  if (/[$*?[\]{}~`]/.test(path)) return undefined;
  if (!path.startsWith('/') && cwd === undefined) return undefined;
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `${cwd}/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

/** The directory after a WORKDIR; undefined while it depends on the base image's or on a variable. */
function workdir(instruction: Instruction, cwd: string | undefined): string | undefined {
  const value = instruction.getExpandedArguments()[0]?.getValue();
  return value === undefined ? undefined : normalize(value, cwd);
}

const within = (path: string, dir: string) => path === dir || path.startsWith(dir === '/' ? '/' : `${dir}/`);

interface Chown {
  run: Instruction;
  script: ShellScript;
  command: Command;
  owner: string;
  /** Absolute, resolved against the RUN's working directory. */
  paths: string[];
}

function readChown(run: Instruction, script: ShellScript, command: Command, cwd: string | undefined): Chown | undefined {
  const [program, ...args] = programWords(command);
  if (program !== 'chown') return undefined;
  const options = args.filter((a) => a.startsWith('-'));
  const operands = args.filter((a) => !a.startsWith('-'));
  if (!options.some((o) => o === '--recursive' || /^-[a-zA-Z]*R/.test(o)) || !options.every((o) => PLAIN_OPTIONS.test(o))) return undefined;
  const [owner, ...written] = operands;
  if (!owner || !OWNER.test(owner) || written.length === 0) return undefined;
  const paths = written.map((p) => normalize(p, cwd));
  if (paths.some((p) => p === undefined || SYSTEM_DIRS.has(p))) return undefined;
  return { run, script, command, owner, paths: paths as string[] };
}

/** Whether a shell command may put files under one of the paths (so only the chown would own them). */
function mayWriteUnder(model: DockerfileModel, script: ShellScript, command: Command, cwd: string | undefined, paths: string[]): boolean {
  const program = programWords(command)[0];
  if (program === undefined || HARMLESS.has(program)) return false;
  // Package managers write all over the system trees, whatever their arguments say.
  if (INSTALLERS.has(program.split('/').pop() as string) && paths.some((p) => SYSTEM_TREES.some((tree) => within(p, tree)))) return true;
  // An unknown directory is the base image's WORKDIR, rarely the application's own.
  if (cwd !== undefined && paths.some((p) => within(cwd, p))) return true;
  const text = model.text.slice(script.offset + command.start, script.offset + command.end);
  return paths.some((p) => text.includes(p));
}

interface Plan {
  /** The COPY/ADD instructions that brought files under the paths without `--chown`. */
  writers: Instruction[];
  /** Whether a RUN comes between the first writer and the chown (a user it creates would not exist yet at COPY time). */
  runBetween: boolean;
}

/** The COPY/ADD instructions a `chown -R` re-owns, when rewriting them would give the same ownership. */
function plan(model: DockerfileModel, stage: Stage, chown: Chown): Plan | undefined {
  const lineage = model.lineage(stage);
  const writers: Instruction[] = [];
  let runBetween = false;
  let cwd: string | undefined;
  for (const s of lineage) {
    for (const instruction of s.instructions) {
      if (instruction === chown.run) {
        const before = chown.script.commands.slice(0, chown.script.commands.indexOf(chown.command));
        if (before.some((c) => mayWriteUnder(model, chown.script, c, cwd, chown.paths))) return undefined;
        return writers.length > 0 ? { writers, runBetween } : undefined;
      }
      const k = keyword(instruction);
      if (k === 'WORKDIR') {
        cwd = workdir(instruction, cwd);
      } else if (k === 'RUN') {
        if (writers.length > 0) runBetween = true;
        const script = runScript(model, instruction);
        if (!script) return undefined;
        if (script.commands.some((c) => mayWriteUnder(model, script, c, cwd, chown.paths))) return undefined;
      } else if (k === 'COPY' || k === 'ADD') {
        const operands = copyOperands(instruction);
        // A relative destination with no WORKDIR in sight depends on the base image's.
        const destination = operands && normalize(operands.destination, cwd);
        if (!operands || !destination) return undefined;
        if (!chown.paths.some((p) => within(destination, p))) {
          if (chown.paths.some((p) => within(p, destination))) return undefined;
          continue;
        }
        // Files from an earlier stage's COPY are that stage's; an archive ADD unpacks with its own owners.
        if (s !== stage || (k === 'ADD' && operands.sources.some((src) => ARCHIVE.test(src)))) return undefined;
        const existing = flagValue(instruction, 'chown');
        if (existing === undefined || existing === null) writers.push(instruction);
        else if (existing !== chown.owner) return undefined;
      }
    }
  }
  return undefined;
}

function commandRange(model: DockerfileModel, chown: Chown): Range {
  return model.lines.range(chown.script.offset + chown.command.start, chown.script.offset + chown.command.end);
}

function fix(model: DockerfileModel, chown: Chown, p: Plan): Fix | undefined {
  // Without a group, COPY --chown uses the user id as group id, where chown leaves the group alone.
  if (!chown.owner.includes(':') || p.runBetween) return undefined;
  const commands = chown.script.commands;
  const index = commands.indexOf(chown.command);
  if (index !== 0) return undefined;
  const edits: TextEdit[] = p.writers.map((w) => {
    const end = w.getInstructionRange().end;
    return { range: { start: end, end }, newText: ` --chown=${chown.owner}` };
  });
  if (commands.length === 1) {
    edits.push(deleteInstruction(model, chown.run));
  } else {
    if (chown.command.next !== '&&') return undefined;
    const offset = chown.script.offset;
    edits.push({ range: model.lines.range(offset + chown.command.start, offset + commands[1].start), newText: '' });
  }
  return { title: `Use COPY --chown=${chown.owner} and drop 'chown -R … ${chown.paths.join(' ')}'`, edits, preferred: true };
}

export const df213 = stageRule({
  id: 'DF213',
  name: 'copy-chown',
  severity: 'info',
  language: 'dockerfile',
  fix: 'Rewrite the COPY with --chown=',
  docs: {
    summary: 'A `RUN chown -R` re-owns files that an earlier `COPY` brought in.',
    why: 'Changing the owner of a file in a later layer stores the whole file again, so `COPY` followed by `chown -R` ships every copied file twice and doubles that part of the image. `COPY --chown=` sets the owner as the files are written, in one layer.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    let cwd: string | undefined;
    for (const s of model.lineage(stage)) {
      for (const instruction of s.instructions) {
        const k = keyword(instruction);
        if (k === 'WORKDIR') {
          cwd = workdir(instruction, cwd);
          continue;
        }
        if (s !== stage || k !== 'RUN') continue;
        const script = runScript(model, instruction);
        if (!script) continue;
        for (const command of script.commands) {
          const chown = readChown(instruction, script, command, cwd);
          const p = chown && plan(model, stage, chown);
          if (!chown || !p) continue;
          const written = programWords(command).join(' ');
          const where = p.writers.length === 1 ? `'${snippet(model, p.writers[0])}'` : `${p.writers.length} earlier COPY instructions`;
          const f = fix(model, chown, p);
          context.report({
            range: commandRange(model, chown),
            message: `'${written}' re-owns files ${where} brought in, which stores each of them again in a new layer. Give the COPY '--chown=${chown.owner.includes(':') ? chown.owner : `${chown.owner}:<group>`}' instead.`,
            fixes: f ? [f] : [],
          });
        }
      }
    }
  },
});
