import { Argument, From, Instruction } from 'dockerfile-ast';
import { parseChunks, type Chunk, type DockerfileAst, type ParsedChunks } from './chunks';
import { parseImageRef, type ImageRef } from '../image-ref';
import { keywordCase } from './casing';
import { argWords } from './instructions';
import { LineIndex } from '../text';
import { readRawArguments } from './raw-arguments';
import { stageSources } from './stage-sources';
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
  /** What the stage's piece of the document reads, wherever it stands (`Chunk.content`; see `DockerfileModel.stageKey`). */
  chunk: number;
  /** The earlier stage this one builds on (`FROM builder`). */
  parent?: Stage;
  /** Instructions after `FROM`, up to the next `FROM`. */
  instructions: Instruction[];
}

/** One parse of a Dockerfile, shared by every rule and the hover. */
export class DockerfileModel {
  readonly ast: DockerfileAst;
  readonly lines: LineIndex;
  readonly stages: Stage[];
  /** `ARG`s before the first `FROM`: the scope of every `FROM` line. */
  readonly globalArgs: Scope;
  /** The instructions before the first `FROM` (all of them when there is none). */
  readonly preamble: Instruction[];
  /** The parsed pieces, for the next version of the document to reuse. */
  readonly chunks: ParsedChunks;
  private readonly stageKeys = new Map<Stage, string>();
  private stageTable?: string;
  private byName?: Map<string, Stage[]>;

  /** `previous`: the model of an earlier version of the same document, whose unchanged stages are reused. */
  constructor(
    readonly text: string,
    previous?: DockerfileModel,
  ) {
    this.lines = new LineIndex(text);
    this.chunks = parseChunks(text, this.lines, memoizeArguments, previous?.chunks);
    this.ast = this.chunks.ast;
    this.preamble = this.chunks.pieces[0].instructions;
    this.globalArgs = collectGlobalArgs(this.ast);
    this.stages = buildStages(this.chunks, this.globalArgs);
  }

  get finalStage(): Stage | undefined {
    return this.stages[this.stages.length - 1];
  }

  /** The stages a name (any case) belongs to, in file order; usually one. */
  stagesNamed(name: string): readonly Stage[] {
    if (!this.byName) {
      this.byName = new Map();
      for (const stage of this.stages) {
        if (stage.name === undefined) continue;
        const named = this.byName.get(stage.name);
        if (named) named.push(stage);
        else this.byName.set(stage.name, [stage]);
      }
    }
    return this.byName.get(name.toLowerCase()) ?? [];
  }

  /** The stage a `--from` or mount `from=` value names: by index, or the first of that name, as BuildKit resolves it. */
  stageNamed(value: string): Stage | undefined {
    return /^\d+$/.test(value) ? this.stages[Number(value)] : this.stagesNamed(value)[0];
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

  /**
   * Equal for two models exactly when the stage's text, the global ARGs it names and the escape
   * character, the stages it is built on, whether it is the final stage, and the file's keyword
   * casing and line breaks (which fixes follow) are all the same: everything a per-stage check
   * may read from the document. Not its place: findings of a stage that moved are moved with it
   * (`StageFindings`). Not its index, which moves whenever a stage is added above: a check that
   * reads indexes or lines takes `stagesKey` as an input.
   */
  stageKey(stage: Stage): string {
    let key = this.stageKeys.get(stage);
    if (key === undefined) {
      key = `${keywordCase(this)}${this.lines.eol}${stage === this.finalStage ? '$' : ''}:${this.lineage(stage)
        .map((s) => s.chunk)
        .join(',')}`;
      this.stageKeys.set(stage, key);
    }
    return key;
  }

  /**
   * Every stage's name, line, parent and the sources it copies or mounts from, as a key: for
   * checks that compare a stage with all the others or follow the stages' dependencies.
   */
  stagesKey(): string {
    return (this.stageTable ??= this.stages
      .map((s) => `${s.name ?? ''}@${s.from.getRange().start.line}<${s.parent?.index ?? ''}<${JSON.stringify(stageSources(this, s).map((source) => source.value))}`)
      .join(','));
  }
}

/**
 * dockerfile-ast re-reads an instruction's text on every `getRawArguments()` call, which its
 * own getters (`getArguments`, `getFlags`, `getArgumentsRange`, heredocs, the JSON forms)
 * make again and again, and nearly every rule asks: most of the lint time went there. A parse
 * never changes, so each instruction keeps its first answer and hands out a new array of the
 * same arguments, as dockerfile-ast shifts flags off the array it gets. `FROM`'s registry and
 * name getters also move the ends of its first argument's range, so a `FROM` hands out copies
 * of the arguments themselves (positions are replaced there, never changed in place). The
 * first answer itself comes from `readRawArguments`, a faster reading of the same arguments.
 */
/** Kept on the instruction itself: a WeakMap over every instruction held ~100 MiB more at peak on large files. */
const RAW_ARGUMENTS = Symbol('rawArguments');
type WithRawArguments = Instruction & { [RAW_ARGUMENTS]?: Argument[] };
const handOut = (instruction: Instruction, args: Argument[]) =>
  instruction instanceof From
    ? args.map((a) => {
        const r = a.getRange();
        return new Argument(a.getValue(), { start: r.start, end: r.end });
      })
    : args.slice();
(Instruction.prototype as unknown as { getRawArguments: () => Argument[] }).getRawArguments = function (this: WithRawArguments): Argument[] {
  return handOut(this, (this[RAW_ARGUMENTS] ??= readRawArguments(this)));
};

/** The same for `getArguments()`, which subclasses override with more parsing of their own (ENV, ARG, LABEL). */
function memoizeArguments(instructions: Instruction[]): void {
  for (const instruction of instructions) {
    const read = instruction.getArguments.bind(instruction);
    let known: Argument[] | undefined;
    instruction.getArguments = () => handOut(instruction, (known ??= read()));
  }
}

function collectGlobalArgs(ast: DockerfileAst): Scope {
  const scope = new Map<string, string | undefined>();
  // One ARG may declare several names (`ARG A B=2`), which dockerfile-ast reads as one property.
  for (const arg of ast.getInitialARGs()) {
    for (const { name, value } of argWords(arg)) {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) continue;
      const raw = value?.replace(/^(["'])(.*)\1$/s, '$2');
      scope.set(name, raw === undefined ? undefined : substitute(raw, scope));
    }
  }
  return scope;
}

/** Each piece after the first is one stage: its `FROM`, then the rest (see `parseChunks`). */
function buildStages(chunks: ParsedChunks, scope: Scope): Stage[] {
  const stages: Stage[] = [];
  const named = new Map<string, Stage>();
  for (const piece of chunks.pieces.slice(1)) {
    const facts = fromFacts(piece, scope);
    const stage: Stage = { index: stages.length, from: facts.from, chunk: piece.content, instructions: piece.instructions.slice(1) };
    if (facts.name !== undefined) stage.name = facts.name;
    if (facts.imageRange) stage.imageRange = facts.imageRange;
    const parent = facts.text === undefined ? undefined : named.get(facts.text.toLowerCase());
    if (parent) stage.parent = parent;
    else if (facts.text !== undefined) {
      stage.imageText = facts.text;
      stage.image = facts.image;
    }
    stages.push(stage);
    // The first stage of a name is the one later stages build on.
    if (stage.name !== undefined && !named.has(stage.name)) named.set(stage.name, stage);
  }
  return stages;
}

interface FromFacts {
  from: From;
  name?: string;
  imageRange?: Range;
  /** The image text after substitution, which may instead name an earlier stage. */
  text?: string;
  image?: ImageRef;
}

/** What a stage's `FROM` says, read once per piece: a piece is reused only where the global ARGs it names are unchanged. */
const fromFactsOf = new WeakMap<Chunk, FromFacts>();

function fromFacts(piece: Chunk, scope: Scope): FromFacts {
  let facts = fromFactsOf.get(piece);
  if (!facts) {
    const from = piece.instructions[0] as From;
    facts = { from };
    const name = from.getBuildStage();
    if (name) facts.name = name.toLowerCase();
    const written = from.getImage();
    const writtenRange = from.getImageRange();
    if (written && writtenRange) {
      facts.imageRange = writtenRange;
      facts.text = substitute(written, scope);
      if (facts.text !== undefined) facts.image = parseImageRef(facts.text);
    }
    fromFactsOf.set(piece, facts);
  }
  return facts;
}
