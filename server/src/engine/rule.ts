import type { ComposeModel } from './compose/model';
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './dockerfile/model';
import type { DockerignoreModel } from './dockerignore';
import type { EngineConfig, FileAccess, Fix, Language, Range, RuleDocs, SeveritySetting } from './types';

export interface RuleMeta {
  id: string;
  name: string;
  severity: SeveritySetting;
  language: Language;
  docs: RuleDocs;
  /** The name of the quick fix the rule offers, as the catalog calls it; none when it offers none. */
  fix?: string;
  /** The same check in other tools (hadolint `DLxxxx`, BuildKit check names, dclint rule names), for their ignore comments and configs. */
  peers?: string[];
}

export interface Report {
  range: Range;
  message: string;
  fixes?: Fix[];
}

/** What a rule's `check` gets besides the model. */
export interface RuleContext {
  report(report: Report): void;
  /** The linted file's name or path, for look-ups named after it (`api.Dockerfile.dockerignore`). */
  fileName: string;
  files?: FileAccess;
  config?: EngineConfig;
}

export interface DockerfileRule extends RuleMeta {
  language: 'dockerfile';
  check(model: DockerfileModel, context: RuleContext): void;
  /**
   * Present on rules that check stage by stage (see `stageRule`). What it reports for a stage
   * may depend only on what `DockerfileModel.stageKey` covers, on `stageInputs` and `fileInputs`, and on the
   * context (config, file name, files read), so the engine reuses it while they are unchanged.
   */
  checkStage?(model: DockerfileModel, stage: Stage, context: RuleContext): void;
  /** More of the model a stage's findings depend on, as a key (for example the stages built on it). */
  stageInputs?(model: DockerfileModel, stage: Stage): string;
  /** What every stage's findings depend on, as one key for the file (the table of stage names): compared once per lint. */
  fileInputs?(model: DockerfileModel): string;
  /** The part of the check that is not per stage (global ARGs, comparisons across stages); run every time. */
  checkFile?(model: DockerfileModel, context: RuleContext): void;
}

export type StageRule = DockerfileRule & Required<Pick<DockerfileRule, 'checkStage'>>;
type StageRuleSpec = Omit<StageRule, 'check'>;

/**
 * A rule over instructions, one list at a time: those before the first `FROM` (`afterFrom`
 * false), then each stage's, its `FROM` first; each stage's findings are reused as `stageRule`'s.
 */
export function instructionsRule(
  spec: Omit<StageRuleSpec, 'checkStage' | 'checkFile'> & { checkInstructions(model: DockerfileModel, instructions: readonly Instruction[], context: RuleContext, afterFrom: boolean): void },
): DockerfileRule {
  const { checkInstructions, ...meta } = spec;
  return stageRule({
    ...meta,
    checkFile: (model, context) => checkInstructions(model, model.preamble, context, false),
    checkStage: (model, stage, context) => checkInstructions(model, [stage.from, ...stage.instructions], context, true),
  });
}

/** A rule checked stage by stage: `check` runs `checkFile`, then `checkStage` on every stage. */
export function stageRule(spec: StageRuleSpec): DockerfileRule {
  return {
    ...spec,
    check(model, context) {
      spec.checkFile?.(model, context);
      for (const stage of model.stages) spec.checkStage(model, stage, context);
    },
  };
}

export interface ComposeRule extends RuleMeta {
  language: 'dockercompose';
  check(model: ComposeModel, context: RuleContext): void;
}

export interface DockerignoreRule extends RuleMeta {
  language: 'dockerignore';
  check(model: DockerignoreModel, context: RuleContext): void;
}

export type Rule = DockerfileRule | ComposeRule | DockerignoreRule;
