import type { Rule } from './rule';
import type { LineIndex } from './text';
import type { Finding, Fix, Language } from './types';

/**
 * Ignore comments, ours and the peers': which rule ids are off for the whole file and
 * for which lines. Comments are read line by line: a Dockerfile comment is a whole line
 * starting with `#`, and in YAML only such lines (and a trailing `# dclint …`) are used.
 */
export interface Suppressions {
  file: Set<string>;
  /** Line → rule ids ignored on it ('*' for all). */
  lines: Map<number, Set<string>>;
}

const OURS = /^#\s*dockerpatterns\s+(ignore|ignore-file)\s*=\s*([\w ,*-]+)$/i;
const HADOLINT = /^#\s*hadolint\s+(?:(global|stage)\s+)?ignore\s*=\s*([\w ,-]+)$/i;
const BUILDKIT = /^#\s*check\s*=\s*(?:.*;)?\s*skip\s*=\s*([\w ,]+)/i;
const DCLINT = /#\s*dclint\s+(disable-file|disable-line|disable-next-line|disable)\b\s*([\w ,-]*)$/i;
/**
 * Every comment above has `#`, blanks on its line, then one of these words: only the lines
 * where one follows a `#` are read, and a search for `#` skips the rest of the text fast.
 */
const KEYWORD = /#[^\S\r\n]*(?:dockerpatterns|hadolint|dclint|check\s*=)/iy;

/** The lines holding a keyword comment, in order. */
function keywordLines(lines: LineIndex): number[] {
  const found: number[] = [];
  const text = lines.text;
  for (let at = text.indexOf('#'); at >= 0; at = text.indexOf('#', at + 1)) {
    KEYWORD.lastIndex = at;
    if (!KEYWORD.test(text)) continue;
    const line = lines.positionAt(at).line;
    found.push(line);
    at = Math.max(at, lines.lineEnd(line));
  }
  return found;
}

/** Maps our ids and peer names (DL3006, JSONArgsRecommended, no-version-field) to rule ids. */
function resolver(rules: readonly Rule[], language: Language): (names: string) => Set<string> {
  const own = rules.filter((r) => r.language === language);
  return (names) => {
    const out = new Set<string>();
    for (const raw of names.split(',').map((n) => n.trim()).filter(Boolean)) {
      if (raw === '*' || raw.toLowerCase() === 'all') {
        out.add('*');
        continue;
      }
      for (const rule of own) {
        if (rule.id === raw.toUpperCase() || rule.peers?.some((p) => p.toLowerCase() === raw.toLowerCase())) out.add(rule.id);
      }
    }
    return out;
  };
}

function add(map: Map<number, Set<string>>, line: number, ids: Set<string>): void {
  const set = map.get(line) ?? new Set<string>();
  ids.forEach((id) => set.add(id));
  map.set(line, set);
}

interface LineInfo {
  /** Lines where an instruction (or YAML entry) starts, sorted, with the line it ends on. */
  spans: { start: number; end: number }[];
  /** Lines where a `FROM` starts. */
  stageStarts: number[];
}

/** The instruction a comment above refers to: the next one that starts after it. */
function nextSpan(info: LineInfo, line: number): { start: number; end: number } | undefined {
  return info.spans.find((s) => s.start > line);
}

/** `lineInfo` is built only for a file that holds one of the comments' keywords. */
export function readSuppressions(lines: LineIndex, language: Language, rules: readonly Rule[], lineInfo: () => LineInfo): Suppressions {
  const result: Suppressions = { file: new Set(), lines: new Map() };
  const candidates = keywordLines(lines);
  if (candidates.length === 0) return result;
  const info = lineInfo();
  const ids = resolver(rules, language);
  // BuildKit reads `# check=` only in the comments above the first instruction.
  const firstStatement = info.spans[0]?.start ?? lines.lineCount;
  for (const line of candidates) {
    const full = lines.lineText(line);
    const trimmed = full.trim();
    if (!trimmed.startsWith('#')) {
      if (language === 'dockercompose') {
        const trailing = DCLINT.exec(full);
        if (trailing && trailing[1].toLowerCase() === 'disable-line') add(result.lines, line, trailing[2] ? ids(trailing[2]) : new Set(['*']));
      }
      continue;
    }
    const span = (target: { start: number; end: number } | undefined, found: Set<string>) => {
      if (target) for (let l = target.start; l <= target.end; l++) add(result.lines, l, found);
    };
    const ours = OURS.exec(trimmed);
    if (ours) {
      if (ours[1].toLowerCase() === 'ignore-file') ids(ours[2]).forEach((id) => result.file.add(id));
      else span(nextSpan(info, line), ids(ours[2]));
      continue;
    }
    if (language === 'dockerfile') {
      const hadolint = HADOLINT.exec(trimmed);
      if (hadolint) {
        const scope = hadolint[1]?.toLowerCase();
        if (scope === 'global') ids(hadolint[2]).forEach((id) => result.file.add(id));
        else if (scope === 'stage') {
          const end = info.stageStarts.find((s) => s > line) ?? lines.lineCount;
          span({ start: line, end: end - 1 }, ids(hadolint[2]));
        } else span(nextSpan(info, line), ids(hadolint[2]));
        continue;
      }
      const check = BUILDKIT.exec(trimmed);
      if (check) {
        if (line < firstStatement) ids(check[1]).forEach((id) => result.file.add(id));
        else if (nextSpan(info, line)?.start === line + 1) span(nextSpan(info, line), ids(check[1]));
      }
      continue;
    }
    const dclint = DCLINT.exec(trimmed);
    if (dclint) {
      const kind = dclint[1].toLowerCase();
      const found = dclint[2] ? ids(dclint[2]) : new Set(['*']);
      if (kind === 'disable-file' || kind === 'disable') found.forEach((id) => result.file.add(id));
      else span(nextSpan(info, line), found);
    }
  }
  return result;
}

export function isSuppressed(s: Suppressions, finding: Finding): boolean {
  if (s.file.has('*') || s.file.has(finding.ruleId)) return true;
  const onLine = s.lines.get(finding.range.start.line);
  return onLine !== undefined && (onLine.has('*') || onLine.has(finding.ruleId));
}

const DIRECTIVE = /^#\s*(syntax|escape|check)\s*=/i;

interface FileComments {
  /** The line of an existing `# dockerpatterns ignore-file=` comment. */
  existingFile?: number;
  /** The first line after a Dockerfile's parser directives. */
  afterHeader: number;
}

/** Read once per text: every finding's "for this file" action asks. */
const fileCommentsOf = new WeakMap<LineIndex, FileComments>();

function fileComments(lines: LineIndex, language: Language): FileComments {
  const known = fileCommentsOf.get(lines);
  if (known) return known;
  const found: FileComments = { afterHeader: 0 };
  let inHeader = true;
  for (let line = 0; line < lines.lineCount; line++) {
    const t = lines.lineText(line).trim();
    const m = OURS.exec(t);
    if (m && m[1].toLowerCase() === 'ignore-file') found.existingFile = line;
    if (inHeader && language === 'dockerfile' && DIRECTIVE.test(t)) found.afterHeader = line + 1;
    else inHeader = false;
  }
  fileCommentsOf.set(lines, found);
  return found;
}

/** "Ignore <ID> for this line" and "… for this file", as comments our own syntax reads. */
export function ignoreFixes(lines: LineIndex, language: Language, finding: Finding, anchorLine: number): Fix[] {
  const eol = lines.eol;
  const id = finding.ruleId;
  const fixes: Fix[] = [];

  const above = anchorLine > 0 ? lines.lineText(anchorLine - 1) : '';
  const existingLine = OURS.exec(above.trim());
  if (existingLine && existingLine[1].toLowerCase() === 'ignore') {
    const end = { line: anchorLine - 1, character: above.trimEnd().length };
    fixes.push({ title: `Ignore ${id} for this line`, edits: [{ range: { start: end, end }, newText: `,${id}` }] });
  } else {
    const indent = /^\s*/.exec(lines.lineText(anchorLine))?.[0] ?? '';
    const at = { line: anchorLine, character: 0 };
    fixes.push({ title: `Ignore ${id} for this line`, edits: [{ range: { start: at, end: at }, newText: `${indent}# dockerpatterns ignore=${id}${eol}` }] });
  }

  const { existingFile, afterHeader } = fileComments(lines, language);
  if (existingFile !== undefined) {
    const end = { line: existingFile, character: lines.lineText(existingFile).trimEnd().length };
    fixes.push({ title: `Ignore ${id} for this file`, edits: [{ range: { start: end, end }, newText: `,${id}` }] });
  } else {
    const at = { line: afterHeader, character: 0 };
    const newText = afterHeader >= lines.lineCount ? `${eol}# dockerpatterns ignore-file=${id}` : `# dockerpatterns ignore-file=${id}${eol}`;
    fixes.push({ title: `Ignore ${id} for this file`, edits: [{ range: { start: at, end: at }, newText }] });
  }
  return fixes;
}
