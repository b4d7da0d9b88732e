import type { DockerfileModel, Stage } from './dockerfile/model';
import type { Report, RuleContext, StageRule } from './rule';
import type { FileAccess } from './types';

/**
 * What per-stage rules reported on one version of a Dockerfile, kept so that the next
 * version reuses the reports of every stage whose inputs are unchanged (see `stageKey`).
 */
export class StageFindings {
  /** Per rule, by the stage's piece of the document; the entry's key says whether the rest matches. */
  private readonly byRule = new Map<string, Map<number, Entry>>();

  /** `context`: everything outside the document the reports depend on, as a key. */
  constructor(readonly context: string) {}

  /**
   * The stage's reports for a rule: the earlier version's when its stage had the same
   * inputs and the files it read still read the same, else a fresh check.
   */
  reports(rule: StageRule, model: DockerfileModel, stage: Stage, context: RuleContext, earlier: StageFindings | undefined): Report[] {
    const key = model.stageKey(stage) + (rule.stageInputs ? `|${rule.stageInputs(model, stage)}` : '');
    const known = earlier?.context === this.context ? earlier.byRule.get(rule.id)?.get(stage.chunk) : undefined;
    const entry = known && known.key === key && readsHold(known.reads, context.files) ? known : check(rule, model, stage, context, key);
    let own = this.byRule.get(rule.id);
    if (!own) this.byRule.set(rule.id, (own = new Map()));
    own.set(stage.chunk, entry);
    return entry.reports;
  }
}

interface Entry {
  key: string;
  reports: Report[];
  reads: Read[];
}

type Read = { exists: string; result: boolean } | { read: string; result: string | undefined };

function check(rule: StageRule, model: DockerfileModel, stage: Stage, context: RuleContext, key: string): Entry {
  const entry: Entry = { key, reports: [], reads: [] };
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
