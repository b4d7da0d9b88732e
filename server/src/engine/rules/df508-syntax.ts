import { PropertyInstruction, type Argument, type Flag, type Instruction } from 'dockerfile-ast';
import { isModifiable } from '../dockerfile/instructions';
import type { DockerfileModel } from '../dockerfile/model';
import { byCloseness } from '../dockerfile/similar';
import { instructionsRule, type RuleContext } from '../rule';
import type { Range } from '../types';

const INSTRUCTIONS = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL'];

type FlagKind = 'string' | 'bool' | 'repeatable';

/** The flags BuildKit's current Dockerfile frontend accepts (HEALTHCHECK's belong to DF402). */
const FLAGS: Record<string, Record<string, FlagKind>> = {
  FROM: { platform: 'string' },
  COPY: { from: 'string', chown: 'string', chmod: 'string', link: 'bool', parents: 'bool', exclude: 'repeatable' },
  ADD: { chown: 'string', chmod: 'string', link: 'bool', checksum: 'string', 'keep-git-dir': 'bool', exclude: 'repeatable', unpack: 'bool' },
  RUN: { mount: 'repeatable', network: 'string', security: 'string', device: 'repeatable' },
};

/** BuildKit's rule for stage names, checked after lowercasing. */
const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

function between(a: Range, b: Range): Range {
  return { start: a.start, end: b.end };
}

/** Arguments written on the instruction itself, not heredoc bodies (which dockerfile-ast lists as arguments too). */
function ownArguments(instruction: Instruction): Argument[] {
  const args = instruction.getArguments();
  const marker = args.findIndex((a) => /^\d?<<-?["']?[A-Za-z_]/.test(a.getValue()));
  if (marker < 0) return args;
  const line = args[marker].getRange().start.line;
  return args.filter((a) => a.getRange().start.line <= line);
}

function jsonArray(model: DockerfileModel, instruction: Instruction): unknown[] | undefined {
  const range = instruction.getArgumentsRange();
  if (!range) return undefined;
  const text = model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end));
  if (!text.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

function checkFlags(instruction: Instruction, keyword: string, context: RuleContext): void {
  const known = FLAGS[keyword];
  if (!known || !isModifiable(instruction)) return;
  const used = new Set<string>();
  for (const flag of instruction.getFlags()) {
    const name = flag.getName();
    const written = `--${name}`;
    const nameRange = between(flag.getRange(), flag.getNameRange());
    const kind = Object.prototype.hasOwnProperty.call(known, name) ? known[name] : undefined;
    if (kind === undefined && keyword === 'ADD' && name === 'from') {
      context.report({ range: nameRange, message: "ADD has no '--from' flag; use COPY --from to copy from another stage or image." });
      continue;
    }
    if (kind === undefined) {
      const close = byCloseness(name, Object.keys(known), 3);
      const hint = close.length > 0 ? ` Did you mean '--${close[0]}'?` : ` ${keyword} accepts ${Object.keys(known).map((k) => `--${k}`).join(', ')}.`;
      context.report({ range: nameRange, message: `Unknown flag '${written}' for ${keyword}.${hint}` });
      continue;
    }
    if (kind !== 'repeatable' && used.has(name)) context.report({ range: nameRange, message: `Flag '${written}' is given more than once; keep one.` });
    used.add(name);
    checkFlagValue(flag, kind, written, context);
  }
}

function checkFlagValue(flag: Flag, kind: FlagKind, written: string, context: RuleContext): void {
  const value = flag.getValue();
  if (kind === 'bool') {
    if (value !== null && !/^(true|false)$/i.test(value)) context.report({ range: flag.getRange(), message: `Flag '${written}' takes no value, or 'true' / 'false'; '${value}' is neither.` });
  } else if (value === null) {
    context.report({ range: flag.getRange(), message: `Flag '${written}' needs a value: write '${written}=<value>'.` });
  }
}

function checkFrom(instruction: Instruction, context: RuleContext): void {
  const args = ownArguments(instruction);
  if (args.length === 1) return;
  if (args.length === 3 && args[1].getValue().toLowerCase() === 'as') {
    const name = args[2].getValue();
    if (!STAGE_NAME.test(name.toLowerCase())) {
      context.report({ range: args[2].getRange(), message: `Stage name '${name}' is not valid: it must start with a letter and use only letters, digits, '-', '_' and '.'.` });
    }
    return;
  }
  const extra = args.slice(1);
  context.report({ range: between(extra[0].getRange(), extra[extra.length - 1].getRange()), message: "FROM takes an image, optionally followed by 'AS <name>'; remove or fix the extra words." });
}

function checkArguments(model: DockerfileModel, instruction: Instruction, keyword: string, context: RuleContext): void {
  const keywordRange = instruction.getInstructionRange();
  const args = ownArguments(instruction);
  if (args.length === 0) {
    context.report({ range: keywordRange, message: `${keyword} has no arguments.` });
    return;
  }
  switch (keyword) {
    case 'FROM':
      checkFrom(instruction, context);
      return;
    case 'COPY':
    case 'ADD': {
      const count = jsonArray(model, instruction)?.length ?? args.length;
      if (count < 2) context.report({ range: keywordRange, message: `${keyword} needs at least one source and a destination.` });
      return;
    }
    case 'ENV':
    case 'LABEL':
      if (!(instruction instanceof PropertyInstruction)) return;
      for (const property of instruction.getProperties()) {
        if (property.getValue() === null) context.report({ range: property.getNameRange(), message: `${keyword} '${property.getName()}' has no value; write '${property.getName()}=<value>'.` });
        else if (property.getName() === '') context.report({ range: property.getRange(), message: `${keyword} has a value without a name.` });
      }
      return;
    case 'SHELL':
      if (!jsonArray(model, instruction)) context.report({ range: instruction.getArgumentsRange() ?? keywordRange, message: 'SHELL needs the JSON array form, for example ["/bin/bash", "-c"].' });
      return;
    case 'ONBUILD': {
      const trigger = args[0].getValue().toUpperCase();
      if (trigger === 'ONBUILD' || trigger === 'FROM' || trigger === 'MAINTAINER') context.report({ range: args[0].getRange(), message: `${trigger} cannot be an ONBUILD trigger.` });
      return;
    }
  }
}

export const df508 = instructionsRule({
  id: 'DF508',
  name: 'syntax',
  severity: 'error',
  language: 'dockerfile',
  peers: ['DL3061', 'dockerfile-utils'],
  docs: {
    summary: 'The Dockerfile does not parse: an unknown instruction, missing arguments, an instruction before the first `FROM` other than `ARG`, or a bad flag.',
    why: 'Docker reads the whole Dockerfile before building anything, so one malformed line stops the build before its first step, often with an error far less specific than the line it came from. Catching the line while editing saves the round trip.',
  },
  checkInstructions(model: DockerfileModel, instructions: readonly Instruction[], context: RuleContext, afterFrom: boolean) {
    for (const instruction of instructions) check(model, instruction, afterFrom, context);
  },
});

/** `afterFrom`: whether a FROM stands above the instruction. */
function check(model: DockerfileModel, instruction: Instruction, afterFrom: boolean, context: RuleContext): void {
  const keyword = instruction.getKeyword();
  const keywordRange = instruction.getInstructionRange();
  if (!INSTRUCTIONS.includes(keyword)) {
    const close = byCloseness(keyword, INSTRUCTIONS, 2);
    const hint = close.length > 0 ? ` Did you mean '${close[0]}'?` : '';
    context.report({ range: keywordRange, message: `Unknown instruction '${instruction.getInstruction()}'.${hint}` });
    return;
  }
  if (!afterFrom && keyword !== 'FROM' && keyword !== 'ARG') context.report({ range: keywordRange, message: `${keyword} comes before the first FROM; only ARG may stand there.` });
  // HEALTHCHECK's arguments and flags are DF402's.
  if (keyword === 'HEALTHCHECK') return;
  checkFlags(instruction, keyword, context);
  checkArguments(model, instruction, keyword, context);
}
