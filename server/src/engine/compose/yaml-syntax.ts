import { visit, type Scalar, type YAMLError } from 'yaml';
import type { Range } from '../types';
import type { ComposeModel } from './model';

export interface SyntaxProblem {
  range: Range;
  message: string;
}

/** The escape sequence a `BAD_DQ_ESCAPE` error is about, such as `\q`. */
function escapeOf(error: YAMLError): string | undefined {
  return /escape sequence (\S+)/.exec(error.message)?.[1];
}

function explain(error: YAMLError): string {
  const detail = error.message.replace(/\s+/g, ' ').trim();
  const flow = /^Flow (map|sequence) in block collection must be sufficiently indented and end with a ([}\]])/.exec(detail);
  if (flow) return `Invalid YAML: a flow ${flow[1] === 'map' ? 'mapping' : 'list'} is not closed with '${flow[2]}', or its next lines are not indented enough.`;
  switch (error.code) {
    case 'TAB_AS_INDENT':
      return 'Invalid YAML: indentation must use spaces, not tabs.';
    case 'BAD_INDENT':
      return `Invalid YAML: bad indentation (${detail.charAt(0).toLowerCase()}${detail.slice(1)}).`;
    case 'BLOCK_AS_IMPLICIT_KEY':
      return "Invalid YAML: a mapping cannot start on its key's line. Quote the value if ': ' belongs to it, or put the mapping on its own indented lines.";
    case 'MULTILINE_IMPLICIT_KEY':
      return "Invalid YAML: a key must fit on one line. Look for a missing ':' or closing quote, or a line indented too far.";
    case 'BAD_SCALAR_START':
      return "Invalid YAML: a plain value cannot start with '@' or '`'. Quote the value.";
    case 'BAD_DQ_ESCAPE':
      return `Invalid YAML: '${escapeOf(error) ?? '\\'}' is not a valid escape in a double-quoted string. Use single quotes, or write a backslash as '\\\\'.`;
    case 'BLOCK_IN_FLOW':
      return "Invalid YAML: block-style content cannot appear inside '[…]' or '{…}'.";
    case 'MULTIPLE_ANCHORS':
      return 'Invalid YAML: a value can carry only one anchor.';
    case 'MULTIPLE_TAGS':
      return 'Invalid YAML: a value can carry only one tag.';
    case 'RESOURCE_EXHAUSTION':
      return 'Invalid YAML: the values nest too deeply, or expand too far, to be read.';
    case 'KEY_OVER_1024_CHARS':
      return 'Invalid YAML: a key on one line can be at most 1024 characters long.';
  }
  if (/^Missing closing "quote/.test(detail)) return 'Invalid YAML: a double-quoted string has no closing quote.';
  if (/^Missing closing 'quote/.test(detail)) return 'Invalid YAML: a single-quoted string has no closing quote.';
  if (/^Implicit map keys need to be followed by map values/.test(detail)) return "Invalid YAML: a key here has no ':' after it.";
  return `Invalid YAML: ${detail.charAt(0).toLowerCase()}${detail.slice(1).replace(/\.$/, '')}.`;
}

/**
 * The range to mark for an error between two offsets: never empty, limited to its first
 * line, and moved back to the last written line when nothing follows the error on its own
 * line (an unclosed bracket reported at the end of the text, say).
 */
function visible(model: ComposeModel, start: number, end: number): Range {
  const { lines } = model;
  let line = lines.positionAt(start).line;
  const lineEnd = lines.lineEnd(line);
  if (start < lineEnd) return lines.range(start, Math.min(Math.max(end, start + 1), lineEnd));
  while (line > 0 && lines.lineText(line).trim() === '') line--;
  const text = lines.lineText(line);
  const from = lines.lineStart(line) + (text.length - text.trimStart().length);
  return lines.range(from, lines.lineEnd(line));
}

/**
 * What keeps Compose from reading the file at all: the parser's errors, aliases that name
 * no anchor and aliases inside the value they name. At most one problem per line, since one
 * slip often yields several errors.
 * Several documents in one file are not a problem: Compose merges them in order. These are
 * the problems of the model's own document (see `ComposeModel.documents`).
 */
export function yamlSyntaxProblems(model: ComposeModel): SyntaxProblem[] {
  const problems: SyntaxProblem[] = [];
  const lines = new Set<number>();
  const add = (start: number, end: number, message: string) => {
    const range = visible(model, start, end);
    if (lines.has(range.start.line)) return;
    lines.add(range.start.line);
    problems.push({ range, message });
  };
  // Once the parser has lost the document's structure, it reports every later token as
  // unexpected: those echoes of the first error are left out.
  const errors = model.doc.errors.filter(
    (e, i) => e.code !== 'MULTIPLE_DOCS' && e.code !== 'DUPLICATE_KEY' && !(i > 0 && e.code === 'UNEXPECTED_TOKEN' && / in YAML stream/.test(e.message)),
  );
  const quoted: Scalar[] = [];
  if (errors.some((e) => e.code === 'MISSING_CHAR')) {
    visit(model.doc, {
      Scalar(_, node) {
        if (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') quoted.push(node);
      },
    });
  }
  for (const error of errors) {
    let [start, end] = error.pos;
    // An unclosed quote is reported where the text runs out; the opening quote is what to fix.
    const open = /closing .quote/.test(error.message) ? quoted.find((n) => n.range && n.range[0] < start && start <= n.range[1]) : undefined;
    if (open?.range) [start, end] = [open.range[0], open.range[1]];
    if (error.code === 'BAD_DQ_ESCAPE') end = Math.max(end, start + (escapeOf(error)?.length ?? 1));
    add(start, end, explain(error));
  }
  const targets = model.aliasTargets();
  for (const alias of model.aliases()) {
    if (!alias.range) continue;
    const target = targets.get(alias);
    if (!target) add(alias.range[0], alias.range[1], `Invalid YAML: the alias '*${alias.source}' names no anchor. Define '&${alias.source}' on a value before it.`);
    else if (target.range && target.range[0] <= alias.range[0] && alias.range[1] <= target.range[2]) {
      add(alias.range[0], alias.range[1], `Invalid YAML: the alias '*${alias.source}' sits inside the value it names, which would make that value endless.`);
    }
  }
  return problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
