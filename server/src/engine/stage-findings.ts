import type { DockerfileModel, Stage } from './dockerfile/model';
import type { Report, RuleContext, StageRule } from './rule';
import type { FileAccess, Position, Range } from './types';

/**
 * What per-stage rules reported on one version of a Dockerfile, kept so that the next
 * version reuses the reports of every stage whose inputs are unchanged (see `stageKey`).
 */
export class StageFindings {
  /** Per rule: its file-wide inputs, and its entries in stage order. */
  private readonly byRule = new Map<string, { fileKey: string; entries: Entry[] }>();
  /** The stages' pieces of the document (their content ids), `stageKey`s and lines, in stage order. */
  private readonly chunks: number[];
  private readonly keys: string[];
  private readonly spans: { start: number; end: number }[];
  /** Per stage, where the earlier version has the same stage with the same `stageKey`; -1 where it has none. */
  private readonly sameAt: number[];
  /** Per stage of the earlier version that this one has unchanged: how many lines it moved. */
  private readonly shifts = new Map<number, number>();
  /** Whether any unchanged stage moved: while none did, every reused position still holds. */
  private readonly anyMoved: boolean;
  /** Dropped once the lint is done: each version holding the one before would keep every version alive. */
  private earlier: StageFindings | undefined;

  /**
   * `context`: everything outside the document the reports depend on, as a key; `earlier`:
   * the previous version's findings, used only when that key matches.
   */
  constructor(
    readonly context: string,
    private readonly model: DockerfileModel,
    earlier: StageFindings | undefined,
  ) {
    this.earlier = earlier?.context === context ? earlier : undefined;
    this.chunks = model.stages.map((stage) => stage.chunk);
    this.keys = model.stages.map((stage) => model.stageKey(stage));
    const pieces = model.chunks.pieces;
    this.spans = model.stages.map((stage) => ({ start: pieces[stage.index + 1].startLine, end: pieces[stage.index + 2]?.startLine ?? model.lines.lineCount }));
    const before = new Map(this.earlier?.chunks.map((chunk, index) => [chunk, index]));
    this.sameAt = this.chunks.map((chunk, i) => {
      const index = before.get(chunk);
      return index !== undefined && this.earlier?.keys[index] === this.keys[i] ? index : -1;
    });
    this.sameAt.forEach((at, i) => {
      if (at >= 0) this.shifts.set(at, this.spans[i].start - (this.earlier as StageFindings).spans[at].start);
    });
    this.anyMoved = [...this.shifts.values()].some((by) => by !== 0);
  }

  /**
   * Every stage's reports for a rule, in stage order: for each, the earlier version's when its
   * stage had the same inputs and the files it read still read the same, else a fresh check.
   */
  reports(rule: StageRule, context: RuleContext): Report[] {
    const fileKey = rule.fileInputs?.(this.model) ?? '';
    const known = this.earlier?.byRule.get(rule.id);
    const reusable = known?.fileKey === fileKey ? known.entries : undefined;
    const stages = this.model.stages;
    const entries = new Array<Entry>(stages.length);
    this.byRule.set(rule.id, { fileKey, entries });
    const out: Report[] = [];
    for (let i = 0; i < stages.length; i++) {
      const inputs = rule.stageInputs?.(this.model, stages[i]) ?? '';
      const at = this.sameAt[i];
      const entry = reusable && at >= 0 ? reusable[at] : undefined;
      const held = entry && entry.inputs === inputs && readsHold(entry.reads, context.files) ? this.relocated(entry, at) : undefined;
      const kept = held ?? check(rule, this.model, stages[i], context, inputs);
      entries[i] = kept;
      for (const report of kept.reports) out.push(report);
    }
    return out;
  }

  /**
   * The earlier version's entry for its stage `at`, each position moved with the stage it lies
   * in: a report may lie in another stage (DF401 on a parent's `EXPOSE`), which may have moved
   * by another number of lines, or not at all where this one moved. Undefined when a position
   * lies in a stage this version changed, or in no stage. While no unchanged stage moved, every
   * position holds as it is: a report in another stage lies in one the reused stage is built on
   * or reads, which its `stageKey` covers, so that stage did not change either.
   */
  private relocated(entry: Entry, at: number): Entry | undefined {
    if (!this.anyMoved || entry.reports.length === 0) return entry;
    const spans = (this.earlier as StageFindings).spans;
    const within = (span: { start: number; end: number }, p: Position) => (p.line >= span.start && p.line < span.end) || (p.line === span.end && p.character === 0);
    const shiftOf = (p: Position) => this.shifts.get(within(spans[at], p) ? at : spans.findIndex((span) => within(span, p)));
    const shifts = new Map<Range, number>();
    for (const range of entry.reports.flatMap((r) => [r.range, ...(r.fixes ?? []).flatMap((f) => f.edits.map((e) => e.range))])) {
      const by = shiftOf(range.start);
      if (by === undefined || by !== shiftOf(range.end)) return undefined;
      shifts.set(range, by);
    }
    const shift = (r: Range): Range => {
      const by = shifts.get(r) as number;
      return { start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } };
    };
    const reports = entry.reports.map((r) => ({ ...r, range: shift(r.range), ...(r.fixes && { fixes: r.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: shift(e.range) })) })) }) }));
    return { ...entry, reports };
  }

  /** Called when every rule has reported: the earlier version is not needed any more. */
  done(): void {
    this.earlier = undefined;
  }
}

interface Entry {
  /** The rule's `stageInputs` for the stage. */
  inputs: string;
  reports: Report[];
  reads: Read[];
}

type Read = { exists: string; result: boolean } | { read: string; result: string | undefined };

function check(rule: StageRule, model: DockerfileModel, stage: Stage, context: RuleContext, inputs: string): Entry {
  const entry: Entry = { inputs, reports: [], reads: [] };
  const files = context.files;
  const recorded: FileAccess | undefined = files && {
    exists: (path) => {
      const result = files.exists(path);
      entry.reads.push({ exists: path, result });
      return result;
    },
    read: (path) => {
      const result = files.read(path);
      entry.reads.push({ read: path, result });
      return result;
    },
  };
  rule.checkStage(model, stage, { ...context, files: recorded, report: (r) => entry.reports.push(r) });
  return entry;
}

function readsHold(reads: readonly Read[], files: FileAccess | undefined): boolean {
  return reads.every((r) => files !== undefined && ('exists' in r ? files.exists(r.exists) === r.result : files.read(r.read) === r.result));
}
