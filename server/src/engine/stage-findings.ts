import type { DockerfileModel, Stage } from './dockerfile/model';
import type { Report, RuleContext, StageRule } from './rule';
import type { FileAccess } from './types';

/**
 * What per-stage rules reported on one version of a Dockerfile, kept so that the next
 * version reuses the reports of every stage whose inputs are unchanged (see `stageKey`).
 */
export class StageFindings {
  /** Per rule: its file-wide inputs, and its entries by the stage's piece of the document. */
  private readonly byRule = new Map<string, { fileKey: string; stages: Map<number, Entry> }>();
  /** `stageKey` of each stage, by its piece. */
  private readonly stageKeys = new Map<number, string>();
  /** Per piece, whether its `stageKey` is the earlier version's: compared once per lint, not once per rule. */
  private readonly sameStage = new Map<number, boolean>();
  private readonly earlier: StageFindings | undefined;

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
    for (const stage of model.stages) this.stageKeys.set(stage.chunk, model.stageKey(stage));
  }

  /**
   * Every stage's reports for a rule, in stage order: for each, the earlier version's when its
   * stage had the same inputs and the files it read still read the same, else a fresh check.
   */
  reports(rule: StageRule, context: RuleContext): Report[] {
    const fileKey = rule.fileInputs?.(this.model) ?? '';
    const known = this.earlier?.byRule.get(rule.id);
    const reusable = known?.fileKey === fileKey ? known.stages : undefined;
    const stages = new Map<number, Entry>();
    this.byRule.set(rule.id, { fileKey, stages });
    const out: Report[] = [];
    for (const stage of this.model.stages) {
      const inputs = rule.stageInputs?.(this.model, stage) ?? '';
      const entry = reusable?.get(stage.chunk);
      const reused = entry && entry.inputs === inputs && this.unchanged(stage.chunk) && readsHold(entry.reads, context.files) ? entry : check(rule, this.model, stage, context, inputs);
      stages.set(stage.chunk, reused);
      out.push(...reused.reports);
    }
    return out;
  }

  private unchanged(chunk: number): boolean {
    let same = this.sameStage.get(chunk);
    if (same === undefined) this.sameStage.set(chunk, (same = this.earlier?.stageKeys.get(chunk) === this.stageKeys.get(chunk)));
    return same;
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
