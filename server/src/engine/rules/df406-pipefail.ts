import type { Instruction } from 'dockerfile-ast';
import type { ImageRef } from '../image-ref';
import { inFileCase } from '../dockerfile/casing';
import type { ShellCommand } from '../dockerfile/commands';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { shellScripts, type ShellScript } from '../dockerfile/run-scripts';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, Range } from '../types';

/** How `/bin/sh` behaves in an image family, as far as pipefail goes. */
type DefaultShell = 'ash' | 'bash' | 'dash' | 'windows' | 'unknown';

/** What runs a RUN's script: a shell that knows pipefail, dash (which does not), or one we cannot tell. */
type ShellKind = 'pipefail-capable' | 'dash' | 'unknown';

const BASH_IS_SH = new Set(['fedora', 'almalinux', 'rockylinux', 'centos', 'oraclelinux', 'amazonlinux', 'amazoncorretto', 'photon', 'archlinux', 'clearlinux', 'mageia']);
const ALPINE_BASED = new Set(['alpine', 'busybox', 'docker', 'traefik', 'caddy', 'registry']);
const CAPABLE_SHELLS = new Set(['bash', 'zsh', 'ksh', 'mksh', 'ash']);
/** Producers that cannot fail for a reason worth stopping the build for; `yes` even dies of SIGPIPE by design, which pipefail would turn into a failure. */
const HARMLESS_PRODUCERS = new Set(['echo', 'printf', 'yes', 'true', ':']);

function defaultShell(image: ImageRef | undefined): DefaultShell {
  if (!image) return 'unknown';
  const repo = image.repository.toLowerCase();
  const tag = (image.tag ?? '').toLowerCase();
  if (/windows|nanoserver/.test(repo) || /windowsservercore|nanoserver|ltsc20/.test(tag)) return 'windows';
  if (/(^|-)alpine/.test(tag) || repo.endsWith('/alpine') || (image.official && ALPINE_BASED.has(repo))) return 'ash';
  if (/(^|-)(ubi\d*|oraclelinux\d*|al2\d*|amazonlinux\d*|fedora)(-|$)/.test(tag) || /^(redhat\/)?ubi\d/.test(repo) || (image.official && BASH_IS_SH.has(repo))) return 'bash';
  return image.official ? 'dash' : 'unknown';
}

function jsonArgv(model: DockerfileModel, instruction: Instruction): string[] | undefined {
  const args = instruction.getArgumentsRange();
  if (!args) return undefined;
  try {
    const argv: unknown = JSON.parse(model.text.slice(model.lines.offsetAt(args.start), model.lines.offsetAt(args.end)));
    return Array.isArray(argv) && argv.every((a) => typeof a === 'string') ? argv : undefined;
  } catch {
    return undefined;
  }
}

/** `-o pipefail`, also bundled as `-eo pipefail` or `-euxo pipefail`. */
function setsPipefail(words: readonly string[]): boolean {
  return words.some((w, i) => w === 'pipefail' && i > 0 && /^-[A-Za-z]*o$/.test(words[i - 1]));
}

function programName(path: string | undefined): string {
  return (path ?? '').split(/[\\/]/).pop()!.toLowerCase().replace(/\.exe$/, '');
}

/** The kind of shell a SHELL argv (or the default `/bin/sh -c`) gives on an image family; undefined when it is not a POSIX shell at all. */
function shellKind(argv: string[] | undefined, family: DefaultShell): ShellKind | undefined {
  let program = argv ? programName(argv[0]) : 'sh';
  if (program === 'busybox' && argv) program = programName(argv[1]) === 'sh' ? 'ash' : programName(argv[1]);
  if (CAPABLE_SHELLS.has(program)) return 'pipefail-capable';
  if (program === 'dash') return 'dash';
  if (program !== 'sh' || family === 'windows') return undefined;
  if (family === 'ash' || family === 'bash') return 'pipefail-capable';
  return family === 'dash' ? 'dash' : 'unknown';
}

/** The `|` after a command, found by skipping blanks, escaped line breaks and comment lines. */
function pipeRange(model: DockerfileModel, command: ShellCommand): Range {
  const base = command.base as number;
  const escape = model.ast.getEscapeCharacter();
  let i = base + command.command.end;
  const text = model.text;
  while (i < text.length && text[i] !== '|') {
    if (text[i] === '#' && /^[ \t]*$/.test(text.slice(model.lines.lineStart(model.lines.positionAt(i).line), i))) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (/[\s]/.test(text[i]) || text[i] === escape) {
      i++;
    } else {
      return model.lines.range(base + command.command.start, base + command.command.end);
    }
  }
  return model.lines.range(i, i + 1);
}

interface Unprotected {
  pipe: Range;
  /** The program whose failure the pipe hides, or undefined for a compound command (`done |`, `fi |`). */
  producer?: string;
  script: ShellScript;
}

/** Reserved words parseShell leaves at the front of a command (`then echo x`). */
const LEADING_KEYWORDS = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until']);
/** Words that close a compound command; `}` closes a group. */
const CLOSERS = new Set(['}', 'done', 'fi', 'esac']);

const rawFirst = (c: ShellCommand) => c.command.words[0]?.value;

function program(c: ShellCommand): string | undefined {
  const words = c.words;
  let i = 0;
  while (i < words.length && LEADING_KEYWORDS.has(words[i])) i++;
  return words[i];
}

/** Whether the commands producing into a pipe can fail in a way worth stopping for; a `{ …; }` group counts as its members. */
function riskyProducer(commands: readonly ShellCommand[], index: number): { command: ShellCommand; name?: string } | undefined {
  const name = program(commands[index]);
  if (name === undefined || HARMLESS_PRODUCERS.has(name)) return undefined;
  if (!CLOSERS.has(name)) return { command: commands[index], name };
  if (name !== '}') return { command: commands[index] };
  let depth = 0;
  for (let j = index - 1; j >= 0; j--) {
    if (rawFirst(commands[j]) === '}') depth++;
    if (rawFirst(commands[j]) === '{') {
      if (depth === 0) {
        const inside = commands.slice(j, index).map(program);
        return inside.every((p) => p === undefined || HARMLESS_PRODUCERS.has(p)) ? undefined : { command: commands[index] };
      }
      depth--;
    }
  }
  return { command: commands[index] };
}

/**
 * The first pipe whose producer could fail unnoticed, before any `set -o pipefail`.
 * Pipes in `if`/`while` conditions are tested by the shell rather than failing the RUN,
 * and `a | b)` inside a `case` is a list of patterns, not a pipe.
 */
function firstUnprotectedPipe(model: DockerfileModel, run: Instruction): Unprotected | undefined {
  for (const script of shellScripts(model, run)) {
    const commands = script.commands;
    let condition = false;
    let caseDepth = 0;
    for (let i = 0; i < commands.length; i++) {
      const first = rawFirst(commands[i]);
      if (first === 'if' || first === 'elif' || first === 'while' || first === 'until') condition = true;
      else if (first === 'then' || first === 'do') condition = false;
      if (first === 'case') caseDepth++;
      else if (first === 'esac') caseDepth = Math.max(0, caseDepth - 1);
      if (commands[i].words[0] === 'set' && setsPipefail(commands[i].words)) return undefined;
      if (commands[i].command.next !== '|') continue;
      let last = i;
      while (last < commands.length - 1 && commands[last].command.next === '|') last++;
      const pattern = caseDepth > 0 && commands[last].command.next === ')';
      if (!condition && !pattern) {
        for (let p = i; p < last; p++) {
          const risky = riskyProducer(commands, p);
          if (risky) return { pipe: pipeRange(model, risky.command), producer: risky.name, script };
        }
      }
      i = last;
    }
  }
  return undefined;
}

const BASH_SHELL = '["/bin/bash", "-o", "pipefail", "-c"]';

function lineIndent(model: DockerfileModel, instruction: Instruction): string {
  const start = instruction.getRange().start;
  return model.lines.lineText(start.line).slice(0, start.character);
}

/** `shellAt`: where a SHELL fix goes, before the stage's first RUN that needs it, so one SHELL serves them all. */
function fixesFor(model: DockerfileModel, kind: ShellKind, found: Unprotected, shellAt: Instruction): Fix[] {
  if (kind === 'pipefail-capable') {
    const at = model.lines.positionAt(found.script.start);
    const newText = found.script.heredoc ? `set -o pipefail${model.lines.eol}` : 'set -o pipefail && ';
    return [{ title: 'Prefix with set -o pipefail', preferred: true, edits: [{ range: { start: at, end: at }, newText }] }];
  }
  if (kind === 'dash') {
    const keyword = inFileCase(model, 'SHELL');
    const at = shellAt.getRange().start;
    return [{ title: 'Add SHELL with bash and pipefail', preferred: true, edits: [{ range: { start: at, end: at }, newText: `${keyword} ${BASH_SHELL}${model.lines.eol}${lineIndent(model, shellAt)}` }] }];
  }
  return [];
}

function message(kind: ShellKind, found: Unprotected): string {
  const failing = found.producer === undefined ? 'the commands before the pipe fail' : `'${found.producer}' fails`;
  const what = `Without pipefail this RUN does not fail when ${failing}, only when the last command of the pipe does.`;
  if (kind === 'pipefail-capable') return found.script.heredoc ? `${what} Put 'set -o pipefail' at the top of the script.` : `${what} Start the RUN with 'set -o pipefail &&'.`;
  if (kind === 'dash') return `${what} The image's /bin/sh is dash, which has no pipefail: run it with SHELL ${BASH_SHELL}.`;
  return `${what} Add 'set -o pipefail &&' if the image's /bin/sh supports it (bash, BusyBox ash), or SHELL ${BASH_SHELL} if the image has bash.`;
}

export const df406 = stageRule({
  id: 'DF406',
  name: 'pipefail',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Prefix with set -o pipefail / Add SHELL with bash and pipefail',
  peers: ['DL4006'],
  docs: {
    summary: 'A `RUN` pipes one command into another without pipefail, so a failure before the pipe goes unnoticed.',
    why: 'A shell pipeline reports the status of its last command only. In `curl -fsSL $URL | tar -xz` a failed download still lets the step succeed, and the image is built with whatever half-written state is left. With `set -o pipefail` (or a SHELL that sets it) any failing command in the pipe fails the build where it happened.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    const family = defaultShell(model.rootImage(stage));
    let argv: string[] | undefined;
    let shellAt: Instruction | undefined;
    for (const s of model.lineage(stage)) {
      for (const instruction of s.instructions) {
        if (instruction.getKeyword() === 'SHELL') {
          argv = jsonArgv(model, instruction) ?? argv;
          shellAt = undefined;
        } else if (s === stage && instruction.getKeyword() === 'RUN') {
          const needs = check(model, context, instruction, argv, family, shellAt);
          shellAt ??= needs;
        }
      }
    }
  },
});

/** Reports the RUN if it needs pipefail; returns it when the fix for it is a SHELL. */
function check(model: DockerfileModel, context: RuleContext, run: Instruction, argv: string[] | undefined, family: DefaultShell, shellAt: Instruction | undefined): Instruction | undefined {
  if (argv && setsPipefail(argv)) return undefined;
  const kind = shellKind(argv, family);
  if (kind === undefined) return undefined;
  const found = firstUnprotectedPipe(model, run);
  if (!found) return undefined;
  context.report({ range: found.pipe, message: message(kind, found), fixes: fixesFor(model, kind, found, shellAt ?? run) });
  return kind === 'dash' ? run : undefined;
}
