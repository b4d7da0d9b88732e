import type { Instruction } from 'dockerfile-ast';
import type { Range } from '../types';
import { heredocs as heredocsOf, isModifiable, keptAt, runScript } from './instructions';
import type { DockerfileModel } from './model';
import { parseShell, programWords, type Command, type Word } from './shell';

/** One simple command that a `RUN` executes, wherever it is written. */
export interface ShellCommand {
  run: Instruction;
  command: Command;
  /** Program and arguments: assignments, wrappers and redirections removed. */
  words: string[];
  /** Document offset the command's word offsets count from; undefined inside JSON strings. */
  base?: number;
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh']);

function isShell(program: string | undefined): boolean {
  return program !== undefined && SHELLS.has(program.split('/').pop() as string);
}

/** The script a `sh -c '…'` command runs, with the offset of its first character when it maps 1:1. */
function inlineScript(command: Command, values: readonly string[], base: number | undefined, text: string): { script: string; base?: number } | undefined {
  const c = values.indexOf('-c');
  if (!isShell(values[0]) || c < 0 || values[c + 1] === undefined) return undefined;
  const word = command.words.find((w, i) => w.value === values[c + 1] && i > 0 && command.words[i - 1].value === '-c') as Word | undefined;
  if (!word) return { script: values[c + 1] };
  const written = text.slice(word.start, word.end);
  const quoted = /^(['"]).*\1$/s.test(written) && written.slice(1, -1) === word.value;
  return { script: word.value, base: quoted && base !== undefined ? base + word.start + 1 : undefined };
}

function collect(run: Instruction, text: string, base: number | undefined, escape: string, out: ShellCommand[], depth: number): Command[] {
  return collectParsed(run, parseShell(text, { escape }), text, base, out, depth);
}

function collectParsed(run: Instruction, commands: Command[], text: string, base: number | undefined, out: ShellCommand[], depth: number): Command[] {
  for (const command of commands) {
    const words = programWords(command);
    out.push({ run, command, words, base });
    const inner = depth < 3 ? inlineScript(command, words, base, text) : undefined;
    if (inner) collect(run, inner.script, inner.base, '\\', out, depth + 1);
  }
  return commands;
}

const COMMANDS = Symbol('shellCommands');

/**
 * Every simple command a `RUN` executes: shell form, exec form running a shell with
 * `-c`, heredoc scripts fed to a shell, and `sh -c '…'` nested inside any of them.
 * Computed once per instruction; many rules ask.
 */
export function shellCommands(model: DockerfileModel, run: Instruction): readonly ShellCommand[] {
  // Fields one by one: a spread would also copy answers memoised on the command that point back at it.
  const move = (commands: readonly ShellCommand[], by: number) =>
    commands.map((c) => (c.base === undefined ? c : { run: c.run, command: c.command, words: c.words, base: c.base + by }));
  return keptAt(run, COMMANDS, model.lines.offsetAt(run.getRange().start), () => readCommands(model, run), move);
}

function readCommands(model: DockerfileModel, run: Instruction): ShellCommand[] {
  if (run.getKeyword() !== 'RUN') return [];
  const args = run.getArgumentsRange();
  if (!args) return [];
  const out: ShellCommand[] = [];
  const start = model.lines.offsetAt(args.start);
  const escape = model.ast.getEscapeCharacter();
  const raw = model.text.slice(start, model.lines.offsetAt(args.end));
  if (raw.startsWith('[')) {
    try {
      const argv: unknown = JSON.parse(raw);
      if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) {
        if (isShell(argv[0]) && argv[1] === '-c' && argv[2] !== undefined) collect(run, argv[2], undefined, '\\', out, 1);
        else out.push({ run, command: { words: argv.map((value) => ({ value, start: 0, end: 0 })), start: 0, end: 0 }, words: argv });
      }
    } catch {
      // Not JSON after all: Docker then runs it in a shell, as written.
      collect(run, raw, start, escape, out, 0);
    }
    return out;
  }
  const heredocs = heredocsOf(run);
  if (heredocs === undefined) return out;
  if (heredocs.length === 0) {
    // The same text `runScript` reads (shell form, no heredocs, so it always has a script): one parse serves both.
    const script = runScript(model, run);
    if (script) collectParsed(run, script.commands, raw, start, out, 0);
    return out;
  }
  // With heredocs, the first line holds the commands; each body is data for its command,
  // or the script when that command is a shell (or empty: `RUN <<EOF`).
  const firstLineEnd = model.lines.lineEnd(args.start.line);
  const commands = collect(run, model.text.slice(start, firstLineEnd), start, escape, out, 0);
  for (const heredoc of heredocs) {
    const content = heredoc.getContentRange();
    if (!content) continue;
    const at = model.lines.offsetAt(heredoc.getStartRange().start) - start;
    const owner = commands.find((c) => c.start <= at && at <= c.end);
    const program = owner ? programWords(owner)[0] : undefined;
    if (program !== undefined && !isShell(program)) continue;
    const bodyStart = model.lines.offsetAt(content.start);
    collect(run, model.text.slice(bodyStart, model.lines.offsetAt(content.end)), bodyStart, '\\', out, 1);
  }
  return out;
}

/** The document range of one word of a command, when its offsets are known. */
export function wordRange(model: DockerfileModel, command: ShellCommand, word: Word): Range | undefined {
  return command.base === undefined ? undefined : model.lines.range(command.base + word.start, command.base + word.end);
}

export interface Mount {
  type: string;
  target?: string;
  source?: string;
  from?: string;
  id?: string;
  options: Record<string, string>;
}

/** The `--mount` flags of a `RUN`, parsed into their options (`type` defaults to `bind`). */
export function mounts(run: Instruction): Mount[] {
  if (!isModifiable(run)) return [];
  return run
    .getFlags()
    .filter((f) => f.getName() === 'mount')
    .map((f) => {
      const options: Record<string, string> = {};
      for (const part of (f.getValue() ?? '').split(',')) {
        const eq = part.indexOf('=');
        if (eq > 0) options[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim();
        else if (part.trim()) options[part.trim().toLowerCase()] = 'true';
      }
      const target = options.target ?? options.dst ?? options.destination;
      return { type: options.type ?? 'bind', target, source: options.source ?? options.src, from: options.from, id: options.id, options };
    });
}

/** Whether a `RUN` has a cache mount on or under one of the given paths. */
export function hasCacheMount(run: Instruction, ...paths: string[]): boolean {
  return mounts(run).some((m) => m.type === 'cache' && m.target !== undefined && paths.some((p) => m.target === p || m.target?.startsWith(p.replace(/\/?$/, '/')) || p.startsWith(m.target!.replace(/\/?$/, '/'))));
}
