import { isScalar, type YAMLMap } from 'yaml';
import type { Position, TextEdit } from '../types';
import type { ComposeModel, Entry, Service } from './model';

/** The column a node starts at. */
export function column(model: ComposeModel, node: { range?: [number, number, number] | null }): number {
  return model.rangeOf(node).start.character;
}

/** Child indentation of a block mapping, from its first key. */
export function childColumn(model: ComposeModel, map: YAMLMap): number | undefined {
  const first = map.items[0]?.key;
  return isScalar(first) ? column(model, first) : undefined;
}

/**
 * Appends a `healthcheck:` block running `command` to a block-style service, indented
 * the way the service's own keys are; undefined when the service's layout is unusual.
 */
export function healthcheckEdit(model: ComposeModel, target: Service, command: string): TextEdit | undefined {
  if (!target.node.range || target.node.flow) return undefined;
  const keyColumn = column(model, target.keyNode);
  const indent = childColumn(model, target.node);
  if (indent === undefined || indent <= keyColumn) return undefined;
  const unit = indent - keyColumn;
  const pad = (n: number) => ' '.repeat(n);
  const eol = model.lines.eol;
  const lines = [
    'healthcheck:',
    `${pad(unit)}test: ${JSON.stringify(['CMD-SHELL', command]).replace(/","/g, '", "')}`,
    `${pad(unit)}interval: 5s`,
    `${pad(unit)}timeout: 5s`,
    `${pad(unit)}retries: 5`,
  ].map((l) => pad(indent) + l);
  const end = model.lines.positionAt(target.node.range[1]);
  if (end.character === 0) return { range: { start: end, end }, newText: lines.map((l) => l + eol).join('') };
  const next: Position = { line: end.line + 1, character: 0 };
  if (end.line + 1 >= model.lines.lineCount) return { range: { start: end, end }, newText: lines.map((l) => eol + l).join('') };
  return { range: { start: next, end: next }, newText: lines.map((l) => l + eol).join('') };
}

/** True when nothing but blanks and a comment follows `offset` on its line. */
function restOfLineIsBlank(model: ComposeModel, offset: number): boolean {
  const line = model.lines.positionAt(offset).line;
  const rest = model.text.slice(offset, model.lines.lineEnd(line));
  return /^\s*(#.*)?$/.test(rest);
}

/**
 * Deletes one entry of a block mapping as whole lines: from its key's line through the
 * last line its value takes, line breaks included. Comment lines around it stay. When it
 * is the mapping's only entry, the mapping's own key (`section`) goes with it, because
 * an empty section would read as `null`. Undefined when the entry shares a line with
 * other content or the layout is not plain block style.
 */
export function removeEntryLines(model: ComposeModel, entry: Entry, map: YAMLMap, section: Entry | undefined): TextEdit | undefined {
  if (map.flow || entry.merged || !entry.keyNode.range) return undefined;
  const value = entry.pair.value as { range?: [number, number, number] | null } | null;
  const keyStart = entry.keyNode.range[0];
  let end = Math.max(entry.keyNode.range[1], value?.range?.[1] ?? 0);
  // A block value's range runs past its last line break.
  while (end > keyStart && /\s/.test(model.text[end - 1])) end--;
  const startLine = model.lines.positionAt(keyStart).line;
  const before = model.text.slice(model.lines.lineStart(startLine), keyStart);
  if (before.trim() !== '' || !restOfLineIsBlank(model, end)) return undefined;
  let fromLine = startLine;
  if (map.items.length === 1) {
    if (!section || section.merged || !section.keyNode.range) return undefined;
    const sectionStart = section.keyNode.range[0];
    const sectionLine = model.lines.positionAt(sectionStart).line;
    const lead = model.text.slice(model.lines.lineStart(sectionLine), sectionStart);
    // Only the section's own line: `key:` alone, so no comment or anchor is lost with it.
    const own = model.text.slice(section.keyNode.range[1], model.lines.lineEnd(sectionLine));
    if (lead.trim() !== '' || !/^:\s*$/.test(own)) return undefined;
    const between = Array.from({ length: startLine - sectionLine - 1 }, (_, i) => model.lines.lineText(sectionLine + 1 + i));
    if (between.some((l) => l.trim() !== '')) return undefined;
    fromLine = sectionLine;
  }
  const endLine = model.lines.positionAt(end).line;
  const start = model.lines.lineStart(fromLine);
  const stop = model.lines.lineStart(endLine + 1);
  // The last line of the file has no break of its own: take the one before it instead.
  if (endLine + 1 >= model.lines.lineCount && start > 0) {
    const previousEnd = model.lines.lineEnd(fromLine - 1);
    return { range: model.lines.range(previousEnd, model.text.length), newText: '' };
  }
  return { range: model.lines.range(start, stop), newText: '' };
}
