import { isMap, isScalar, isSeq, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types';
import { childColumn } from './edits';
import type { ComposeModel } from './model';

/**
 * Text inserted at one offset. Fixes that add several things to one mapping can land on
 * the same offset (a new sequence item and a new key at the end of the file), so they are
 * collected as insertions and merged in order by `insertionEdits`.
 */
export interface Insertion {
  offset: number;
  text: string;
}

export function insertionEdits(model: ComposeModel, insertions: Insertion[]): TextEdit[] {
  const merged = new Map<number, string>();
  for (const i of insertions) merged.set(i.offset, (merged.get(i.offset) ?? '') + i.text);
  return [...merged].map(([offset, text]) => {
    const at = model.lines.positionAt(offset);
    return { range: { start: at, end: at }, newText: text };
  });
}

function column(model: ComposeModel, offset: number): number {
  return model.lines.positionAt(offset).character;
}

/** The column of a block mapping's keys; undefined for flow or empty mappings. */
export function keyColumn(model: ComposeModel, map: YAMLMap): number | undefined {
  return map.flow ? undefined : childColumn(model, map);
}

/**
 * The file's indentation step, read from `services:` and its first service's keys
 * (the two places every Compose file indents); 2 when the file shows neither.
 */
export function indentUnit(model: ComposeModel): number {
  const services = model.root?.items.find((p) => isScalar(p.key) && p.key.value === 'services');
  const map = services?.value;
  if (isMap(map) && isScalar(services?.key) && services.key.range) {
    const inner = keyColumn(model, map);
    const outer = column(model, services.key.range[0]);
    if (inner !== undefined && inner > outer) return inner - outer;
    const first = map.items[0];
    const body = first?.value;
    if (isMap(body) && isScalar(first?.key) && first.key.range) {
      const deeper = keyColumn(model, body);
      const own = column(model, first.key.range[0]);
      if (deeper !== undefined && deeper > own) return deeper - own;
    }
  }
  return 2;
}

type Ranged = { range?: [number, number, number] | null } | null | undefined;

/**
 * Where a node's own text ends. A mapping's or sequence's range is no guide: when its last
 * value is an implicit null (`networks:` with nothing after it), the range runs on over
 * blank lines and comments up to the next key, so the end is found through the last item.
 */
export function contentEnd(model: ComposeModel, node: unknown): number | undefined {
  if (isMap(node) && !node.flow) {
    const last = node.items[node.items.length - 1];
    return last ? contentEnd(model, last.value) ?? (last.key as Ranged)?.range?.[1] : undefined;
  }
  if (isSeq(node) && !node.flow) {
    const last = node.items[node.items.length - 1] as Ranged;
    return contentEnd(model, last) ?? last?.range?.[1];
  }
  if (isScalar(node) && node.value === null && node.range && node.range[0] === node.range[1]) return undefined;
  const end = (node as Ranged)?.range?.[1];
  // Block scalars end at the start of the line after their text.
  if (end !== undefined && end > 0 && column(model, end) === 0) return end - 1;
  return end;
}

/**
 * Adds entries after the last one of a block mapping. `lines` are written relative to
 * the mapping's key column (nested lines carry their own extra indentation).
 */
export function appendToMap(model: ComposeModel, map: YAMLMap, lines: string[]): Insertion | undefined {
  const indent = keyColumn(model, map);
  const end = contentEnd(model, map);
  if (indent === undefined || end === undefined) return undefined;
  const eol = model.lines.eol;
  const pad = ' '.repeat(indent);
  // After the line the last entry ends on, so a comment at its end stays with it.
  const lineEnd = model.lines.lineEnd(model.lines.positionAt(end).line);
  return { offset: lineEnd, text: lines.map((l) => eol + pad + l).join('') };
}

/** Adds an item after the last one of a sequence, in its own style (block or flow). */
export function appendToSeq(model: ComposeModel, seq: YAMLSeq, item: string): Insertion | undefined {
  if (!seq.range) return undefined;
  const last = seq.items[seq.items.length - 1];
  if (seq.flow) {
    if (last === undefined) {
      const open = model.text.indexOf('[', seq.range[0]);
      return open >= 0 && open < seq.range[1] ? { offset: open + 1, text: item } : undefined;
    }
    const end = (last as { range?: [number, number, number] | null }).range?.[1];
    return end === undefined ? undefined : { offset: end, text: `, ${item}` };
  }
  if (!isScalar(last) || !last.range) return undefined;
  const start = model.lines.positionAt(last.range[0]);
  const endLine = model.lines.positionAt(last.range[1]).line;
  if (endLine !== start.line) return undefined;
  // The new item copies the last one's `- ` prefix, so indentation and dash style match.
  const prefix = model.lines.lineText(start.line).slice(0, start.character);
  if (!/^[ ]*-[ ]+$/.test(prefix)) return undefined;
  return { offset: model.lines.lineEnd(start.line), text: model.lines.eol + prefix + item };
}

export type Quote = '"' | "'";

/** The quote the file uses most for its strings; double quotes when it uses none. */
export function quoteStyle(model: ComposeModel): Quote {
  const { single, double } = model.quoteCounts();
  return single > double ? "'" : '"';
}

/** A YAML quoted scalar holding `text` exactly. */
export function quote(text: string, style: Quote): string {
  return style === "'" ? `'${text.replace(/'/g, "''")}'` : JSON.stringify(text);
}
