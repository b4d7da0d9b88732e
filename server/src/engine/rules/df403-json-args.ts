import type { Instruction } from 'dockerfile-ast';
import { keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { parseShell, type Word } from '../dockerfile/shell';
import { snippet } from '../dockerfile/snippet';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, Range } from '../types';

/** Builtins have no executable to run once the shell is gone. */
const BUILTINS = new Set(['cd', 'source', '.', 'export', 'set', 'unset', 'ulimit', 'umask', 'exit', 'eval', 'trap', 'wait', 'read', 'shift', 'alias', 'exec', ':']);

/** Whether a word, as written, asks the shell for more than quote removal. */
function needsShell(raw: string): boolean {
  let quote: string | undefined;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (quote === "'") {
      if (c === "'") quote = undefined;
    } else if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '$' || c === '`') return true;
      else if (c === '\\') i++;
    } else if (c === "'" || c === '"') {
      quote = c;
    } else if (c === '\\') {
      i++;
    } else if ('$`*?[]{}<>~'.includes(c)) {
      return true;
    }
  }
  return false;
}

function isWindows(model: DockerfileModel, stage: Stage): boolean {
  const image = model.rootImage(stage);
  return image !== undefined && /windows|nanoserver|servercore/i.test(`${image.repository}:${image.tag ?? ''}`);
}

/** The arguments as Docker reads them: continuation lines joined, comment and empty lines inside them dropped. */
function joined(text: string, escape: string): string {
  const continuation = new RegExp(`${escape.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}[ \t]*$`);
  return text
    .split(/\r?\n/)
    .filter((line, i) => i === 0 || !/^\s*(#|$)/.test(line))
    .map((line) => line.replace(continuation, ''))
    .join('');
}

function jsonArray(values: string[]): string {
  return `[${values.map((v) => JSON.stringify(v)).join(', ')}]`;
}

/** The argv a shell-form command stands for, when it needs nothing from the shell but word splitting and quotes. */
function plainArgv(text: string, escape: string): string[] | undefined {
  const commands = parseShell(text, { escape });
  if (commands.length !== 1 || commands[0].next !== undefined) return undefined;
  const words: Word[] = commands[0].words;
  // A `#` outside the words is a comment the JSON form would lose.
  let covered = 0;
  for (const w of words) {
    if (text.slice(covered, w.start).includes('#')) return undefined;
    covered = w.end;
  }
  if (text.slice(covered).includes('#')) return undefined;
  if (words.some((w) => needsShell(text.slice(w.start, w.end)))) return undefined;
  const values = words.map((w) => w.value);
  if (BUILTINS.has(values[0]) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(values[0])) return undefined;
  return values;
}

/** `CMD ['node', 'app.js']`: JSON with single quotes, which Docker hands to the shell as text. */
function singleQuotedJson(text: string): string[] | undefined {
  if (!text.includes("'")) return undefined;
  try {
    const argv: unknown = JSON.parse(text.replace(/'/g, '"'));
    return Array.isArray(argv) && argv.length > 0 && argv.every((a) => typeof a === 'string') ? argv : undefined;
  } catch {
    return undefined;
  }
}

function convertFix(kind: string, argsRange: Range, argv: string[]): Fix {
  const json = jsonArray(argv);
  return { title: `Convert to JSON form: ${kind} ${json}`, edits: [{ range: argsRange, newText: json }], preferred: true };
}

function check(model: DockerfileModel, stage: Stage, instruction: Instruction, context: RuleContext): void {
  const kind = keyword(instruction);
  const argsRange = instruction.getArgumentsRange();
  if (!argsRange) return;
  const text = model.text.slice(model.lines.offsetAt(argsRange.start), model.lines.offsetAt(argsRange.end));
  const quoted = `'${snippet(model, instruction)}'`;
  const escape = model.ast.getEscapeCharacter();
  if (text.startsWith('[')) {
    const json = joined(text, escape);
    try {
      const argv: unknown = JSON.parse(json);
      if (Array.isArray(argv) && argv.every((a) => typeof a === 'string')) return;
    } catch {
      // Not JSON: Docker runs the text through the shell, brackets and all.
    }
    const argv = singleQuotedJson(json);
    context.report({
      range: argsRange,
      message: `${quoted} is not a JSON array of strings${argv ? ' (JSON needs double quotes)' : ''}, so Docker runs the text through a shell, brackets included. Write a JSON array of double-quoted strings.`,
      fixes: argv ? [convertFix(kind, argsRange, argv)] : [],
    });
    return;
  }
  const words = parseShell(text, { escape });
  // `exec` makes the program replace the shell: the shell form chosen knowingly.
  if (words[0]?.words[0]?.value === 'exec') return;
  const earlier = model.lineage(stage).flatMap((s) => s.instructions).filter((i) => i.getRange().start.line < instruction.getRange().start.line);
  const customShell = earlier.some((i) => keyword(i) === 'SHELL');
  // A JSON ENTRYPOINT takes the stage's CMD as arguments, which the shell form ignored.
  const cmdWouldAppend = kind === 'ENTRYPOINT' && stage.instructions.some((i) => keyword(i) === 'CMD');
  const argv = customShell || cmdWouldAppend ? undefined : plainArgv(text, escape);
  const program = words[0]?.words[0]?.value;
  context.report({
    range: argsRange,
    message: argv
      ? `${quoted} is in shell form: Docker starts it through a shell, which can keep stop signals from reaching '${program}'. Write it in JSON form: ${kind} ${jsonArray(argv)}.`
      : `${quoted} is in shell form: Docker starts it through a shell, which can keep stop signals from reaching the program. Write it in JSON form, or begin it with 'exec' where it needs the shell.`,
    fixes: argv ? [convertFix(kind, argsRange, argv)] : [],
  });
}

export const df403 = stageRule({
  id: 'DF403',
  name: 'json-args',
  severity: 'info',
  language: 'dockerfile',
  fix: 'Convert to JSON form',
  peers: ['DL3025', 'JSONArgsRecommended'],
  docs: {
    summary: '`CMD` or `ENTRYPOINT` is written in shell form.',
    why: 'In shell form Docker starts the command through `/bin/sh -c`, so the shell can end up as process 1. `docker stop` signals process 1, and a shell does not pass the signal on: the program is killed after the grace period instead of shutting down cleanly. A shell-form `ENTRYPOINT` also ignores `CMD` and `docker run` arguments. The JSON (exec) form runs the program directly.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    if (isWindows(model, stage)) return;
    for (const instruction of stage.instructions) {
      const kind = keyword(instruction);
      if (kind === 'CMD' || kind === 'ENTRYPOINT') check(model, stage, instruction, context);
    }
  },
});
