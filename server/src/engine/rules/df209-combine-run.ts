import type { Instruction } from 'dockerfile-ast';
import { isModifiable, keyword, runScript, type ShellScript } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { imageStageInput, isImageStage } from '../dockerfile/package-managers';
import { programWords, type Command } from '../dockerfile/shell';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

/**
 * Whether a RUN is one pipeline (`a`, `curl … | tar x`). A RUN that already chains commands
 * with `&&`, `;` or `||` was written by someone who knows how to chain, so a RUN next to it
 * was kept apart on purpose.
 */
function singlePipeline(commands: Command[]): boolean {
  return commands.every((c, i) => (i < commands.length - 1 ? c.next === '|' : c.next === undefined || c.next === ';'));
}

const SYSTEM_PACKAGE_MANAGERS = new Set(['apt-get', 'apt', 'aptitude', 'apk', 'dnf', 'yum', 'microdnf', 'tdnf', 'zypper']);

/** Whether a command installs dependencies: the slow step authors keep in a layer of its own. */
function installs(words: string[]): boolean {
  const [program, sub, third] = words;
  if (program === undefined) return false;
  if (SYSTEM_PACKAGE_MANAGERS.has(program.split('/').pop() as string)) return true;
  switch (program) {
    case 'pip':
    case 'pip3':
    case 'gem':
    case 'conda':
    case 'mamba':
    case 'micromamba':
    case 'poetry':
      return sub === 'install';
    case 'python':
    case 'python3':
      return sub === '-m' && installs(words.slice(2));
    case 'uv':
      return sub === 'sync' || (sub === 'pip' && third === 'install');
    case 'npm':
      return sub === 'ci' || sub === 'install' || sub === 'i';
    case 'yarn':
      return sub === undefined || sub === 'install' || sub === 'add' || sub.startsWith('-');
    case 'pnpm':
    case 'bun':
      return sub === 'install' || sub === 'i' || sub === 'add';
    case 'bundle':
      return sub === undefined || sub === 'install';
    case 'composer':
      return sub === 'install' || sub === 'require';
    case 'go':
      return (sub === 'mod' && third === 'download') || sub === 'get' || sub === 'install';
    case 'cargo':
      return sub === 'fetch' || sub === 'install';
    case 'dotnet':
      return sub === 'restore' || (sub === 'tool' && third === 'install');
    case 'mix':
      return sub === 'deps.get';
    case 'mvn':
    case './mvnw':
      return words.some((w) => w.startsWith('dependency:'));
    case 'gradle':
    case './gradlew':
      return words.includes('dependencies');
    default:
      return false;
  }
}

/** Commands whose effect (directory, variables, shell options) would carry over into the joined commands. */
const CARRIES_STATE = new Set(['cd', 'pushd', 'popd', 'export', 'set', 'unset', 'source', '.', 'umask', 'ulimit', 'shopt', 'alias', 'trap', 'exec', 'eval']);

interface Candidate {
  run: Instruction;
  script: ShellScript;
  /** Document offset where the instruction's arguments end. */
  argsEnd: number;
  flags: string;
  installs: boolean;
}

function candidate(model: DockerfileModel, instruction: Instruction): Candidate | undefined {
  if (keyword(instruction) !== 'RUN') return undefined;
  // Shell form without heredocs only: exec form may be there because the image has no shell.
  const script = runScript(model, instruction);
  const args = instruction.getArgumentsRange();
  if (!script || !args || script.commands.length === 0 || !singlePipeline(script.commands)) return undefined;
  const flags = isModifiable(instruction)
    ? instruction
        .getFlags()
        .map((f) => f.toString())
        .sort()
        .join(' ')
    : '';
  return { run: instruction, script, argsEnd: model.lines.offsetAt(args.end), flags, installs: script.commands.some((c) => installs(programWords(c))) };
}

/** Comments that switch checks off for the next instruction (ours, hadolint's, BuildKit's). */
const DIRECTIVE = /^#\s*(dockerpatterns|hadolint|check\s*=)/i;

const POSIX_SHELLS = /(^|\/)(sh|bash|ash|dash|zsh|ksh)$/;

/** Whether `&&` and line continuations mean what the fix writes: a POSIX shell runs the stage's RUNs. */
function posixShell(model: DockerfileModel, stage: Stage, before: Instruction): boolean {
  const image = model.rootImage(stage);
  if (image && /windows|nanoserver|servercore/i.test(`${image.repository}:${image.tag ?? ''}`)) return false;
  const shells = model
    .lineage(stage)
    .flatMap((s) => s.instructions)
    .filter((i) => keyword(i) === 'SHELL' && i.getRange().start.line < before.getRange().start.line);
  const last = shells[shells.length - 1];
  if (!last) return true;
  try {
    const argv: unknown = JSON.parse(last.getRawArgumentsContent() ?? '');
    return Array.isArray(argv) && typeof argv[0] === 'string' && POSIX_SHELLS.test(argv[0]);
  } catch {
    return false;
  }
}

/** The first line of a RUN's commands, without its keyword and flags, for messages. */
function scriptHead(model: DockerfileModel, c: Candidate): string {
  const start = c.script.offset + c.script.commands[0].start;
  const escape = model.ast.getEscapeCharacter();
  let line = model.text.slice(start, model.lines.lineEnd(model.lines.positionAt(start).line)).trim();
  if (line.endsWith(escape)) line = line.slice(0, -1).trimEnd();
  line = line.replace(/\s*(&&|\|\||;|\|)$/, '');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

function endsCleanly(model: DockerfileModel, c: Candidate): boolean {
  const last = c.script.commands[c.script.commands.length - 1];
  // A trailing `;` or a shell comment after the last command would swallow or split the join.
  return last.next === undefined && model.text.slice(c.script.offset + last.end, c.argsEnd).trim() === '';
}

function carriesState(command: Command): boolean {
  const words = programWords(command);
  // No program left: a bare `VAR=value`, which would stay set for the joined command.
  return words.length === 0 || CARRIES_STATE.has(words[0]);
}

/** Joining keeps the build's meaning only when nothing leaks from the first RUN into the second; `&&` binds the second's whole pipeline. */
function mergeFix(model: DockerfileModel, first: Candidate, second: Candidate): Fix | undefined {
  if (!endsCleanly(model, first) || first.script.commands.some(carriesState)) return undefined;
  const lines = model.lines;
  const escape = model.ast.getEscapeCharacter();
  const firstRange = first.run.getRange();
  const secondRange = second.run.getRange();
  const lastCommand = first.script.commands[first.script.commands.length - 1];
  const head = lines.range(lines.lineStart(secondRange.start.line), second.script.offset + second.script.commands[0].start);
  // Comment lines between `RUN \` and its first command would go with the keyword.
  if (model.text.slice(lines.offsetAt(head.start), lines.offsetAt(head.end)).includes('#')) return undefined;
  const indent = firstRange.end.line > firstRange.start.line ? (/^[ \t]+/.exec(lines.lineText(firstRange.start.line + 1))?.[0] ?? '    ') : '    ';
  const edits: TextEdit[] = [{ range: lines.range(first.script.offset + lastCommand.end, first.argsEnd), newText: ` && ${escape}` }];
  // Blank lines inside a continued instruction are deprecated; comment lines are kept, unless
  // they are ignore directives that would stop applying once inside the joined RUN.
  for (let line = firstRange.end.line + 1; line < secondRange.start.line; line++) {
    const text = lines.lineText(line).trim();
    if (DIRECTIVE.test(text)) return undefined;
    if (text === '') edits.push({ range: lines.range(lines.lineStart(line), lines.lineStart(line + 1)), newText: '' });
  }
  edits.push({ range: head, newText: indent });
  return { title: `Merge RUN instructions: join '${scriptHead(model, second)}' to the RUN before it`, edits, preferred: true, safe: true };
}

export const df209 = stageRule({
  id: 'DF209',
  name: 'combine-run',
  severity: 'info',
  language: 'dockerfile',
  fix: 'Merge RUN instructions',
  peers: ['DL3059'],
  docs: {
    summary: 'Consecutive one-command `RUN` instructions in a stage could be a single layer.',
    why: 'Every `RUN` adds a layer. Files a later layer deletes still sit in the earlier one and are pulled with the image, and many tiny layers make the image slower to push, pull and read. Chaining short, related commands with `&&` in one `RUN` keeps them in one layer.',
  },
  stageInputs: imageStageInput,
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    // A stage that is only copied from ships none of its layers: splitting RUNs there just gives finer caching.
    if (!isImageStage(model, stage)) return;
    const list = stage.instructions;
    for (let i = 1; i < list.length; i++) {
      const second = candidate(model, list[i]);
      const first = second && candidate(model, list[i - 1]);
      if (!first || !second || first.flags !== second.flags || first.installs !== second.installs) continue;
      if (!posixShell(model, stage, second.run)) continue;
      const fix = mergeFix(model, first, second);
      context.report({
        range: second.run.getInstructionRange(),
        message: `'RUN ${scriptHead(model, second)}' directly follows another one-command RUN, and each RUN adds a layer of its own. Chain them with '&&' in one RUN.`,
        fixes: fix ? [fix] : [],
      });
    }
  },
});
