/**
 * The engine's facade: parse once per document version, then lint, fix and hover on
 * that parse. Pure: no editor, file system or network access.
 */
import { ComposeModel } from './compose/model';
import { DockerfileModel } from './dockerfile/model';
import { DockerignoreModel } from './dockerignore';
import { composeHover } from './hover/compose';
import { dockerfileHover } from './hover/dockerfile';
import type { HoverContext, HoverResult } from './hover/types';
import type { Report, Rule, StageRule } from './rule';
import { StageFindings } from './stage-findings';
import { RULES } from './rules';
import { ignoreFixes, isSuppressed, readSuppressions } from './suppression';
import { openEnd } from './dockerfile/instructions';
import { compareCodeUnits, comparePositions, rangeContains } from './text';
import type { FileAccess, Finding, Fix, Language, LintContext, Position, Range, Severity, SeveritySetting } from './types';

export { languageOf, looksLikeCompose } from './language';
export { RULES, ruleById } from './rules';
export { applyEdits } from './text';
export { TAG_TABLE_DATE } from './image-tags';
export { HADOLINT_CONFIG_FILES, mergeConfigs, parseHadolintConfig, parseProjectConfig, PROJECT_CONFIG_FILES } from './config-files';
export type * from './types';
export type { Rule } from './rule';
export type { HoverResult } from './hover/types';

export type ParsedDocument =
  | { language: 'dockerfile'; text: string; model: DockerfileModel }
  | { language: 'dockercompose'; text: string; model: ComposeModel }
  | { language: 'dockerignore'; text: string; model: DockerignoreModel };

/**
 * `previous`: the same document's last parse, whose unchanged parts are reused. A Compose
 * parse takes over the previous one's tree, so `previous` is not to be used afterwards.
 */
export function parse(text: string, language: Language, previous?: ParsedDocument): ParsedDocument {
  switch (language) {
    case 'dockerfile':
      return { language, text, model: new DockerfileModel(text, previous?.language === 'dockerfile' ? previous.model : undefined) };
    case 'dockercompose':
      return { language, text, model: new ComposeModel(text, previous?.language === 'dockercompose' ? previous.model : undefined) };
    case 'dockerignore':
      return { language, text, model: new DockerignoreModel(text) };
  }
}

export function effectiveSeverity(rule: Rule, context: Pick<LintContext, 'config'>): SeveritySetting {
  return context.config?.rules?.[rule.id] ?? rule.severity;
}

export interface LintOptions {
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /** The same document's last linted parse: per-stage findings of unchanged stages are taken from it. */
  previous?: ParsedDocument;
}

/** Per-stage reports of each linted Dockerfile parse, for the next version to reuse. */
const stageFindings = new WeakMap<ParsedDocument, StageFindings>();

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2, hint: 3 };

export function lint(doc: ParsedDocument, context: LintContext, options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const fixable = fixableIn(doc);
  const earlier = options.previous && stageFindings.get(options.previous);
  const stages = doc.language === 'dockerfile' ? new StageFindings(`${context.fileName}\n${JSON.stringify(context.config ?? {})}`, doc.model, earlier) : undefined;
  if (stages) stageFindings.set(doc, stages);
  const files = context.files && onceEach(context.files);
  // Every document of a Compose file is checked; Compose merges them in order.
  const composeDocuments = doc.language === 'dockercompose' ? doc.model.readDocuments() : [];
  for (const rule of RULES) {
    if (rule.language !== doc.language) continue;
    const severity = effectiveSeverity(rule, context);
    if (severity === 'off') continue;
    const add = (r: Report) => findings.push({ ruleId: rule.id, severity, message: r.message, range: r.range, fixes: (r.fixes ?? []).filter(fixable) });
    const ruleContext = { fileName: context.fileName, files, config: context.config, report: add };
    try {
      if (rule.language === 'dockerfile' && doc.language === 'dockerfile' && rule.checkStage && stages) {
        rule.checkFile?.(doc.model, ruleContext);
        stages.reports(rule as StageRule, ruleContext).forEach(add);
      } else if (rule.language === 'dockerfile' && doc.language === 'dockerfile') rule.check(doc.model, ruleContext);
      else if (rule.language === 'dockercompose' && doc.language === 'dockercompose') for (const document of composeDocuments) rule.check(document, ruleContext);
      else if (rule.language === 'dockerignore' && doc.language === 'dockerignore') rule.check(doc.model, ruleContext);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  stages?.done();
  const suppressions = readSuppressions(doc.model.lines, doc.language, RULES, () => lineInfo(doc));
  return findings
    .filter((f) => !isSuppressed(suppressions, f))
    .sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || compareCodeUnits(a.ruleId, b.ruleId),
  );
}

/** File look-ups answered once per lint: rules ask for the same files, and reused findings check again what they read. */
function onceEach(files: FileAccess): FileAccess {
  const exists = new Map<string, boolean>();
  const read = new Map<string, string | undefined>();
  return {
    exists: (path) => {
      if (!exists.has(path)) exists.set(path, files.exists(path));
      return exists.get(path) as boolean;
    },
    read: (path) => {
      if (!read.has(path)) read.set(path, files.read(path));
      return read.get(path);
    },
  };
}

/** Which fixes can be trusted to land where they were planned. */
function fixableIn(doc: ParsedDocument): (fix: Fix) => boolean {
  // Where YAML does not parse, an edit planned on the recovered tree can land anywhere.
  if (doc.language === 'dockercompose') {
    // Several documents in one file are fine (Compose merges them); each must be read, and parse.
    const documents = doc.model.documents();
    const parses = documents !== undefined && documents.every((m) => m.doc.errors.every((e) => e.code === 'MULTIPLE_DOCS'));
    return () => parses;
  }
  if (doc.language !== 'dockerfile') return () => true;
  // Text added after an instruction still open would become part of it.
  const open = openEnd(doc.model);
  return (fix) => !open || fix.edits.every((e) => comparePositions(e.range.end, open) < 0);
}

/** Where statements start and end, for comments that apply to "the next instruction". */
type LineInfo = { spans: { start: number; end: number }[]; stageStarts: number[] };

/** Per parse: code actions ask for it once per diagnostic. */
const lineInfos = new WeakMap<ParsedDocument, LineInfo>();

function lineInfo(doc: ParsedDocument): LineInfo {
  let info = lineInfos.get(doc);
  if (!info) {
    info = readLineInfo(doc);
    lineInfos.set(doc, info);
  }
  return info;
}

function readLineInfo(doc: ParsedDocument): LineInfo {
  if (doc.language === 'dockerfile') {
    const instructions = doc.model.ast.getInstructions();
    return {
      spans: instructions.map((i) => ({ start: i.getRange().start.line, end: i.getRange().end.line })),
      stageStarts: doc.model.stages.map((s) => s.from.getRange().start.line),
    };
  }
  const lines = doc.model.lines;
  const spans: { start: number; end: number }[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const t = lines.lineText(line).trim();
    if (t && !t.startsWith('#')) spans.push({ start: line, end: line });
  }
  return { spans, stageStarts: [] };
}

/** The "Ignore <ID> for this line / file" actions every finding gets. */
export function ignoreActions(doc: ParsedDocument, finding: Finding): Fix[] {
  const line = finding.range.start.line;
  const span = lineInfo(doc).spans.find((s) => s.start <= line && line <= s.end);
  return ignoreFixes(doc.model.lines, doc.language, finding, span?.start ?? line);
}

/** `docsBase` is where `docs/rules/<ID>.md` can be opened (a file or web URL ending in `/`). */
export function ruleDocUrl(ruleId: string, docsBase: string): string {
  return `${docsBase}${ruleId}.md`;
}

function findingHover(finding: Finding, docsBase: string | undefined): string {
  const rule = RULES.find((r) => r.id === finding.ruleId);
  const link = docsBase ? `\n\n[${finding.ruleId} ${rule?.name ?? ''}](${ruleDocUrl(finding.ruleId, docsBase)})` : '';
  return `**${finding.ruleId}** ${rule?.name ?? ''}: ${rule?.docs.summary ?? ''}\n\n${rule?.docs.why ?? ''}${link}`;
}

export interface HoverOptions extends HoverContext {
  docsBase?: string;
}

/**
 * Hover at a position: the rule behind any finding there (findings from the same
 * parse), then what the element under the cursor is.
 */
export function hover(doc: ParsedDocument, position: Position, findings: readonly Finding[], options: HoverOptions = {}): HoverResult | undefined {
  const parts: string[] = [];
  let range: Range | undefined;
  for (const finding of findings) {
    if (!rangeContains(finding.range, position)) continue;
    parts.push(findingHover(finding, options.docsBase));
    range ??= finding.range;
  }
  const element =
    doc.language === 'dockerfile' ? dockerfileHover(doc.model, position, options) : doc.language === 'dockercompose' ? composeHover(doc.model, position, options) : undefined;
  if (element) {
    parts.push(element.contents);
    range = element.range;
  }
  return parts.length > 0 && range ? { contents: parts.join('\n\n---\n\n'), range } : undefined;
}
