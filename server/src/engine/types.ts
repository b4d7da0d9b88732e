/** Positions are 0-based lines and UTF-16 code units, as in the LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeveritySetting = Severity | 'off';

export type Language = 'dockerfile' | 'dockercompose' | 'dockerignore';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** The action an editor should pick for "auto fix"; at most one per finding. */
  preferred?: boolean;
  /** Keeps the file's meaning, so `--fix` and fix-all may apply it unasked. */
  safe?: boolean;
  /** New files the fix creates, relative to the linted file's folder; never overwrites. */
  createFiles?: { path: string; content: string }[];
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
}

export interface RuleDocs {
  /** One sentence: what the rule checks. */
  summary: string;
  /** Why it matters, a short paragraph used in hovers. */
  why: string;
}

/** Host-supplied look-ups; the engine never touches the file system itself. */
export interface FileAccess {
  /** Path relative to the linted file's folder (`/`-separated). */
  exists(relativePath: string): boolean;
  read(relativePath: string): string | undefined;
}

export interface EngineConfig {
  /** Per-rule severity overrides by rule id. */
  rules?: Record<string, SeveritySetting | undefined>;
  /** Registries `FROM` may pull from (DF302); empty or absent means no restriction is configured. */
  trustedRegistries?: string[];
}

export interface LintContext {
  fileName: string;
  files?: FileAccess;
  config?: EngineConfig;
}
