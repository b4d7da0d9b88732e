import type { ComposeModel } from './compose/model';
import type { DockerfileModel } from './dockerfile/model';
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
