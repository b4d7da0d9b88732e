import { Copy, Run, type Heredoc, type Instruction, type ModifiableInstruction } from 'dockerfile-ast';
import type { Position } from '../types';
import { openAt } from './chunks';
import type { DockerfileModel } from './model';
import { parseShell, type Command } from './shell';

/** Helpers over dockerfile-ast instructions that several rules share. */

export function keyword(instruction: Instruction): string {
  return instruction.getKeyword();
}

/** What each word of an `ARG` declares, its default as written: `ARG A B=2` declares A (no default) and B. */
export function argWords(instruction: Instruction): { name: string; value?: string }[] {
  return instruction.getArguments().map((argument) => {
    const word = argument.getValue();
    const eq = word.indexOf('=');
    return eq < 0 ? { name: word } : { name: word.slice(0, eq), value: word.slice(eq + 1) };
  });
}

export function isModifiable(instruction: Instruction): instruction is ModifiableInstruction {
  return typeof (instruction as Partial<ModifiableInstruction>).getFlags === 'function';
}

export function flagValue(instruction: Instruction, name: string): string | null | undefined {
  if (!isModifiable(instruction)) return undefined;
  const flag = instruction.getFlags().find((f) => f.getName() === name);
  return flag ? flag.getValue() : undefined;
}

/** The instruction exactly as written, continuation lines included. */
export function sourceText(model: DockerfileModel, instruction: Instruction): string {
  const r = instruction.getRange();
  return model.text.slice(model.lines.offsetAt(r.start), model.lines.offsetAt(r.end));
}

export interface CopyPaths {
  readonly sources: readonly string[];
  readonly destination: string;
}

/** `COPY`/`ADD` sources and destination, for the non-heredoc forms. Read once per instruction: they depend on its words only. */
export function copyOperands(instruction: Instruction): CopyPaths | undefined {
  return keptOn(instruction, COPY_PATHS, () => {
    const args = instruction.getArguments().map((a) => a.getValue());
    if (args.length < 2 || args[0].startsWith('[') || args.some((a) => a.startsWith('<<'))) return undefined;
    return { sources: args.slice(0, -1), destination: args[args.length - 1] };
  });
}

const COPY_PATHS = Symbol('copyPaths');

export interface ShellScript {
  commands: Command[];
  /** Document offset of the first character the commands index from. */
  offset: number;
}

/**
 * The heredocs of a `RUN`/`COPY`; undefined when dockerfile-ast cannot read them (it throws
 * on some valid forms, such as `<<-"EOT" cmd` with a tab-indented end), so callers skip it.
 */
export function heredocs(instruction: Instruction): Heredoc[] | undefined {
  if (!(instruction instanceof Run || instruction instanceof Copy)) return [];
  // dockerfile-ast reads them afresh on every call, and a parse never changes.
  return keptOn(instruction, HEREDOCS, () => {
    // Its reading costs about 1 ms per thousand lines even where there is none to find, and
    // every here-document starts with `<<`.
    if (!instruction.getTextContent().includes('<')) return [];
    try {
      return instruction.getHeredocs();
    } catch {
      return undefined;
    }
  });
}

const HEREDOCS = Symbol('heredocs');

/**
 * An answer that depends on the object alone, read once and kept on the object itself
 * (WeakMaps over every instruction hold memory far longer); `null` records "none".
 */
export function keptOn<T>(owner: object, key: symbol, read: () => T | undefined): T | undefined {
  const memo = owner as { [key: symbol]: T | null | undefined };
  if (memo[key] === undefined) memo[key] = read() ?? null;
  return memo[key] ?? undefined;
}

/**
 * Where the file stops taking new instructions: text added after this point would become part
 * of an instruction that is still open. That is a here-document never closed (every later line
 * is its body), or a last line that ends in the escape character (the next line continues it).
 */
export function openEnd(model: DockerfileModel): Position | undefined {
  return openAt(model.ast.getInstructions(), model.lines, model.lines.lineCount - 1, model.ast.getEscapeCharacter());
}

/**
 * An answer kept on the instruction with the document offset it was read at. A later version
 * of the document may reuse the instruction below text that changed length: the answer is
 * then moved by as much, not read again.
 */
export function keptAt<T>(instruction: Instruction, key: symbol, at: number, read: () => T, move: (known: T, by: number) => T): T {
  const memo = instruction as Instruction & { [key: symbol]: { at: number; value: T } | undefined };
  const known = memo[key];
  if (known?.at === at) return known.value;
  const value = known ? move(known.value, at - known.at) : read();
  memo[key] = { at, value };
  return value;
}

/** The shell commands of a shell-form `RUN` (exec form and heredocs give none). Read once per instruction. */
export function runScript(model: DockerfileModel, instruction: Instruction): ShellScript | undefined {
  const args = instruction.getArgumentsRange();
  if (!args) return undefined;
  const start = model.lines.offsetAt(args.start);
  const read = (): ShellScript | null => {
    const text = model.text.slice(start, model.lines.offsetAt(args.end));
    return text.startsWith('[') || heredocs(instruction)?.length !== 0 ? null : { commands: parseShell(text, { escape: model.ast.getEscapeCharacter() }), offset: start };
  };
  return keptAt(instruction, SCRIPT, start, read, (script, by) => script && { commands: script.commands, offset: script.offset + by }) ?? undefined;
}

const SCRIPT = Symbol('runScript');

/** A `COPY`/`ADD` of the whole build context (`.` or `./` as a source, not from a stage). */
export function isBroadCopy(instruction: Instruction): boolean {
  const k = keyword(instruction);
  if ((k !== 'COPY' && k !== 'ADD') || flagValue(instruction, 'from') !== undefined) return false;
  const operands = copyOperands(instruction);
  return operands !== undefined && operands.sources.some((s) => s === '.' || s === './');
}
