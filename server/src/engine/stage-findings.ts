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
      const held = entry && entry.inputs === inputs && readsHold(entry.reads, context.files) ? moved(entry, (this.earlier as StageFindings).spans[at], this.spans[i]) : undefined;
      const kept = held ?? check(rule, this.model, stages[i], context, inputs);
      entries[i] = kept;
      for (const report of kept.reports) out.push(report);
    }
    return out;
  }

  /** Called when every rule has reported: the earlier version is not needed any more. */
  done(): void {
    this.earlier = undefined;
  }
}

/**
 * A stage's entry where the stage now stands, its positions moved by as many lines as the
 * stage, when every one lies in the stage; undefined when one does not. A report elsewhere
 * (DF401 on a parent's `EXPOSE`) moves with that other stage, which may have moved by another
 * number of lines even when this one did not move at all.
 */
function moved(entry: Entry, from: { start: number; end: number }, to: { start: number; end: number }): Entry | undefined {
  const within = (p: Position) => (p.line >= from.start && p.line < from.end) || (p.line === from.end && p.character === 0);
  const ranges = entry.reports.flatMap((r) => [r.range, ...(r.fixes ?? []).flatMap((f) => f.edits.map((e) => e.range))]);
  if (!ranges.every((r) => within(r.start) && within(r.end))) return undefined;
  const by = to.start - from.start;
  if (by === 0) return entry;
  const shift = (r: Range): Range => ({ start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } });
  const reports = entry.reports.map((r) => ({ ...r, range: shift(r.range), ...(r.fixes && { fixes: r.fixes.map((f) => ({ ...f, edits: f.edits.map((e) => ({ ...e, range: shift(e.range) })) })) }) }));
  return { ...entry, reports };
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
