import { Argument, DockerfileParser, Instruction, type Dockerfile, type From } from 'dockerfile-ast';
import { parseImageRef, type ImageRef } from '../image-ref';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { substitute, type Scope } from '../variables';

export interface Stage {
  index: number;
  from: From;
  /** The `AS name`, lower-cased as BuildKit compares it. */
  name?: string;
  /** The image reference after `ARG` substitution; undefined when it names a stage or cannot be known. */
  image?: ImageRef;
  /** The written image text after substitution (`node:20`), or undefined when unknown. */
  imageText?: string;
  /** Where the image reference stands in the `FROM` line. */
  imageRange?: Range;
  /** The earlier stage this one builds on (`FROM builder`). */
  parent?: Stage;
  /** Instructions after `FROM`, up to the next `FROM`. */
  instructions: Instruction[];
}

/** One parse of a Dockerfile, shared by every rule and the hover. */
export class DockerfileModel {
  readonly ast: Dockerfile;
  readonly lines: LineIndex;
  readonly stages: Stage[];
  /** `ARG`s before the first `FROM`: the scope of every `FROM` line. */
  readonly globalArgs: Scope;

  constructor(readonly text: string) {
    this.ast = DockerfileParser.parse(text);
    memoizeArguments(this.ast);
    this.lines = new LineIndex(text);
    this.globalArgs = collectGlobalArgs(this.ast);
    this.stages = buildStages(this.ast, this.globalArgs);
  }

  get finalStage(): Stage | undefined {
    return this.stages[this.stages.length - 1];
  }

  /** The stage chain from the image a stage starts from up to the stage itself. */
  lineage(stage: Stage): Stage[] {
    const seen = new Set<Stage>();
    for (let s: Stage | undefined = stage; s && !seen.has(s); s = s.parent) seen.add(s);
    return [...seen].reverse();
  }

  /** The image at the root of a stage's lineage. */
  rootImage(stage: Stage): ImageRef | undefined {
    return this.lineage(stage)[0].image;
  }
}

/**
 * dockerfile-ast re-reads an instruction's text on every `getRawArguments()` call, which its
 * own getters (`getArguments`, `getFlags`, `getArgumentsRange`, heredocs, the JSON forms)
 * make again and again, and nearly every rule asks: most of the lint time went there. A parse
 * never changes, so each instruction keeps its first answer and hands out copies:
 * dockerfile-ast edits what it gets back (it shifts flags off the array, and `FROM`'s
 * registry and name getters move the ends of an argument's range).
 */
/** Kept on the instruction itself: a WeakMap over every instruction held ~100 MiB more at peak on large files. */
const RAW_ARGUMENTS = Symbol('rawArguments');
type WithRawArguments = Instruction & { [RAW_ARGUMENTS]?: Argument[] };
const copies = (args: Argument[]) =>
  args.map((a) => {
    const r = a.getRange();
    return new Argument(a.getValue(), { start: { ...r.start }, end: { ...r.end } });
  });
const readRawArguments = (Instruction.prototype as unknown as { getRawArguments: () => Argument[] }).getRawArguments;
(Instruction.prototype as unknown as { getRawArguments: () => Argument[] }).getRawArguments = function (this: WithRawArguments): Argument[] {
  return copies((this[RAW_ARGUMENTS] ??= readRawArguments.call(this)));
};

/** The same for `getArguments()`, which subclasses override with more parsing of their own (ENV, ARG, LABEL). */
function memoizeArguments(ast: Dockerfile): void {
  for (const instruction of ast.getInstructions()) {
    const read = instruction.getArguments.bind(instruction);
    let known: Argument[] | undefined;
    instruction.getArguments = () => copies((known ??= read()));
  }
}

function collectGlobalArgs(ast: Dockerfile): Scope {
  const scope = new Map<string, string | undefined>();
  // One ARG may declare several names (`ARG A B=2`), which dockerfile-ast reads as one property.
  for (const arg of ast.getInitialARGs()) {
    for (const word of arg.getArguments().map((a) => a.getValue())) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word : word.slice(0, eq);
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
      const raw = eq < 0 ? undefined : word.slice(eq + 1).replace(/^(["'])(.*)\1$/s, '$2');
      scope.set(name, raw === undefined ? undefined : substitute(raw, scope));
    }
  }
  return scope;
}

function buildStages(ast: Dockerfile, scope: Scope): Stage[] {
  const stages: Stage[] = [];
  let current: Stage | undefined;
  for (const instruction of ast.getInstructions()) {
    if (instruction.getKeyword() === 'FROM') {
      current = makeStage(instruction as From, stages, scope);
      stages.push(current);
    } else if (current) {
      current.instructions.push(instruction);
    }
  }
  return stages;
}

function makeStage(from: From, earlier: readonly Stage[], scope: Scope): Stage {
  const stage: Stage = { index: earlier.length, from, instructions: [] };
  const name = from.getBuildStage();
  if (name) stage.name = name.toLowerCase();
  const written = from.getImage();
  const writtenRange = from.getImageRange();
  if (!written || !writtenRange) return stage;
  stage.imageRange = writtenRange;
  const text = substitute(written, scope);
  if (text === undefined) return stage;
  const parent = earlier.find((s) => s.name !== undefined && s.name === text.toLowerCase());
  if (parent) {
    stage.parent = parent;
    return stage;
  }
  stage.imageText = text;
  stage.image = parseImageRef(text);
  return stage;
}
