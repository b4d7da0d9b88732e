import { JSONInstruction, PropertyInstruction, type Instruction } from 'dockerfile-ast';
import { shellCommands, wordRange, type ShellCommand } from '../dockerfile/commands';
import { keyword, sourceText } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import type { Word } from '../dockerfile/shell';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, Range, TextEdit } from '../types';
import { substitute } from '../variables';

/** Official images whose default user is not root: a `RUN` there starts unprivileged. */
const NON_ROOT_OFFICIAL = new Set(['elasticsearch', 'groovy', 'jetty', 'kibana', 'logstash', 'odoo', 'solr', 'sonarqube', 'teamspeak']);

/** sudo options that change nothing when the caller already is root. */
const HARMLESS_FLAGS = /^-[EHnSPk]+$|^--(preserve-env(=.*)?|set-home|non-interactive|stdin|reset-timestamp)$/;
const USER_FLAGS = new Set(['-u', '-g', '--user', '--group']);
const ROOT = new Set(['root', '0', '#0', 'root:root', '0:0']);
/** A RUN that tests who it runs as uses sudo only when it must. */
const CHECKS_USER = /\bid\s+-u\b|\bid\s+-un\b|\$\{?EUID\b|\$\{?UID\b|\bwhoami\b/;
/** Commands that do the same as any user, so a RUN of them and sudo'd ones can switch USER as a whole. */
const USER_NEUTRAL = new Set(['cd', 'set', 'export', 'true', ':', 'echo']);

const isRoot = (user: string) => ROOT.has(user.toLowerCase()) || /^(root|0):/i.test(user);

interface SudoUse {
  command: ShellCommand;
  sudo: Word;
  /** The last of `sudo` and its options; undefined when an option changes more than sudo itself. */
  optionsEnd?: Word;
  /** `sudo -u postgres …`: run as another, unprivileged user. */
  dropsPrivileges: boolean;
}

function sudoUse(command: ShellCommand): SudoUse | undefined {
  const words = command.command.words;
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i].value)) i++;
  if (words[i]?.value.split('/').pop() !== 'sudo') return undefined;
  const sudo = words[i];
  let last = sudo;
  let safe = true;
  let dropsPrivileges = false;
  for (i++; i < words.length && words[i].value.startsWith('-'); i++) {
    const value = words[i].value;
    if (value === '--') {
      last = words[i];
      break;
    }
    const eq = value.indexOf('=');
    const name = eq > 0 ? value.slice(0, eq) : value;
    if (USER_FLAGS.has(name)) {
      const user = eq > 0 ? value.slice(eq + 1) : words[++i]?.value ?? '';
      if (!isRoot(user)) dropsPrivileges = true;
    } else if (!HARMLESS_FLAGS.test(value)) {
      safe = false;
    }
    last = words[i] ?? last;
  }
  return { command, sudo, optionsEnd: safe && !dropsPrivileges ? last : undefined, dropsPrivileges };
}

/** `ARG`/`ENV` values a stage has set before an instruction, to read `USER ${NAME}` with. */
function stageScope(model: DockerfileModel, stage: Stage, upTo: Instruction): Map<string, string | undefined> {
  const scope = new Map<string, string | undefined>();
  for (const instruction of stage.instructions) {
    if (instruction === upTo) break;
    const k = keyword(instruction);
    if ((k !== 'ARG' && k !== 'ENV') || !(instruction instanceof PropertyInstruction)) continue;
    for (const p of instruction.getProperties()) {
      const value = p.getValue();
      const resolved = value === null ? (k === 'ARG' ? model.globalArgs.get(p.getName()) : undefined) : substitute(value, scope);
      scope.set(p.getName(), resolved);
    }
  }
  return scope;
}

type User = { kind: 'root' } | { kind: 'user'; name: string } | { kind: 'unknown' };

/** Who runs the `RUN`: the last `USER` before it in the stage's lineage, else the base image's default. */
function userAt(model: DockerfileModel, stage: Stage, run: Instruction): User {
  const chain = model.lineage(stage);
  for (let s = chain.length - 1; s >= 0; s--) {
    const list = chain[s].instructions;
    const end = s === chain.length - 1 ? list.indexOf(run) : list.length;
    for (let i = end - 1; i >= 0; i--) {
      if (keyword(list[i]) !== 'USER') continue;
      const written = list[i].getArgumentsContent()?.trim() ?? '';
      const name = substitute(written, stageScope(model, chain[s], list[i]));
      if (name === undefined || name === '') return { kind: 'unknown' };
      return isRoot(name) ? { kind: 'root' } : { kind: 'user', name };
    }
  }
  const image = chain[0].image;
  if (image?.official && !NON_ROOT_OFFICIAL.has(image.repository)) return { kind: 'root' };
  return { kind: 'unknown' };
}

/** Removes `sudo` and its options, and the blanks after them on the same line. */
function dropSudo(model: DockerfileModel, use: SudoUse): TextEdit | undefined {
  const start = wordRange(model, use.command, use.sudo);
  const end = use.optionsEnd && wordRange(model, use.command, use.optionsEnd);
  if (!start || !end) return undefined;
  let to = model.lines.offsetAt(end.end);
  while (model.text[to] === ' ' || model.text[to] === '\t') to++;
  return { range: { start: start.start, end: model.lines.positionAt(to) }, newText: '' };
}

function jsonSudoRange(run: Instruction): Range | undefined {
  if (!(run instanceof JSONInstruction)) return undefined;
  return run.getJSONStrings().find((s) => s.getJSONValue() === 'sudo')?.getRange();
}

function switchUserFix(model: DockerfileModel, run: Instruction, uses: SudoUse[], commands: readonly ShellCommand[], user: string): Fix | undefined {
  const sudoed = new Set(uses.map((u) => u.command));
  if (!commands.every((c) => sudoed.has(c) || c.words.length === 0 || USER_NEUTRAL.has(c.words[0]))) return undefined;
  const drops = uses.map((u) => dropSudo(model, u));
  if (drops.some((d) => d === undefined)) return undefined;
  const eol = model.lines.eol;
  const r = run.getRange();
  const lineStart = { line: r.start.line, character: 0 };
  return {
    title: `Run this RUN as root with USER root, then switch back to USER ${user}`,
    edits: [{ range: { start: lineStart, end: lineStart }, newText: `USER root${eol}` }, ...(drops as TextEdit[]), { range: { start: r.end, end: r.end }, newText: `${eol}USER ${user}` }],
  };
}

export const df105 = stageRule({
  id: 'DF105',
  name: 'no-sudo',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Drop sudo',
  peers: ['DL3004'],
  docs: {
    summary: 'A `RUN` command uses `sudo`.',
    why: 'Docker runs each `RUN` as the stage\'s current `USER`. As root, `sudo` adds nothing but a package to install and an environment reset that can change `PATH`; as another user, it means the image ships a sudo setup that lets that user become root at run time. Use `USER root` for the steps that need root and switch back afterwards.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    for (const run of stage.instructions) {
      if (keyword(run) !== 'RUN' || CHECKS_USER.test(sourceText(model, run))) continue;
      const commands = shellCommands(model, run);
      const uses = commands.map(sudoUse).filter((u): u is SudoUse => u !== undefined && !u.dropsPrivileges);
      if (uses.length === 0) continue;
      const user = userAt(model, stage, run);
      const switchFix = user.kind === 'user' ? switchUserFix(model, run, uses, commands, user.name) : undefined;
      for (const use of uses) {
        const range = wordRange(model, use.command, use.sudo) ?? jsonSudoRange(run) ?? run.getInstructionRange();
        const drop = user.kind === 'user' ? undefined : dropSudo(model, use);
        const what = use.command.words.slice(0, 2).join(' ');
        let message: string;
        const fixes: Fix[] = [];
        if (user.kind === 'root') {
          message = `This RUN already runs as root, so 'sudo' adds nothing but a dependency on the sudo package. Drop it.`;
          if (drop) fixes.push({ title: `Drop sudo from '${what}'`, edits: [drop], safe: true, preferred: true });
        } else if (user.kind === 'user') {
          message = `The stage runs as '${user.name}' here, and 'sudo' is how this RUN becomes root. Switch with USER root before the commands that need it and back to USER ${user.name} after them.`;
          if (switchFix) fixes.push({ ...switchFix, preferred: true });
        } else {
          message = `'sudo' in a RUN: Docker runs RUN as the stage's USER, so either it is root already and sudo is not needed, or use USER root for the commands that need it and switch back after them.`;
          if (drop) fixes.push({ title: `Drop sudo from '${what}' (when the stage already runs as root)`, edits: [drop] });
        }
        context.report({ range, message, fixes });
      }
    }
  },
});
