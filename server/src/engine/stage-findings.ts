import type { DockerfileModel, Stage } from './dockerfile/model';
import type { Report, RuleContext, StageRule } from './rule';
import type { FileAccess } from './types';

/**
 * What per-stage rules reported on one version of a Dockerfile, kept so that the next
 * version reuses the reports of every stage whose inputs are unchanged (see `stageKey`).
 */
export class StageFindings {
  /** Per rule: its file-wide inputs, and its entries in stage order. */
  private readonly byRule = new Map<string, { fileKey: string; entries: Entry[] }>();
  /** The stages' pieces of the document and their `stageKey`s, in stage order. */
  private readonly chunks: number[];
  private readonly keys: string[];
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
      const entry = reusable && this.sameAt[i] >= 0 ? reusable[this.sameAt[i]] : undefined;
      const kept = entry && entry.inputs === inputs && readsHold(entry.reads, context.files) ? entry : check(rule, this.model, stages[i], context, inputs);
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
