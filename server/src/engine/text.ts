import type { Position, Range } from './types';

/**
 * Offsets ↔ positions for one text. Both parsers' offsets are UTF-16 indexes
 * into the JS string, so this is the single place where they become LSP positions.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  readonly eol: string;

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // Most files: jumping from break to break is far faster than reading every character.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    } else {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) this.starts.push(i + 1);
        else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
      }
    }
    const head = text.slice(0, 10_000);
    // A file broken by lone carriage returns alone (classic Mac) keeps them in what fixes insert.
    this.eol = head.includes('\r\n') ? '\r\n' : head.includes('\r') && !head.includes('\n') ? '\r' : '\n';
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, pos.line)];
    return Math.min(start + Math.max(0, pos.character), this.lineEnd(pos.line));
  }

  range(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    let end = next;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    return this.text.slice(this.starts[line], this.lineEnd(line));
  }

  /** Offset where the given line starts (or the text's end past the last line). */
  lineStart(line: number): number {
    return line < this.starts.length ? this.starts[line] : this.text.length;
  }
}

/** The part of an old text a new version replaced: `[start, end)` in the old text, and the change in length. */
export interface TextChange {
  start: number;
  end: number;
  delta: number;
}

/** Where two versions of a text differ, from their common beginning and end. */
export function textChange(old: string, text: string): TextChange {
  const shorter = Math.min(old.length, text.length);
  let start = 0;
  while (start < shorter && old.charCodeAt(start) === text.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && old.charCodeAt(old.length - 1 - tail) === text.charCodeAt(text.length - 1 - tail)) tail++;
  return { start, end: old.length - tail, delta: text.length - old.length };
}

/**
 * The text as the YAML parser should read it: every lone `\r` made a `\n`. YAML 1.2, Compose's
 * parser and the LSP all take a lone `\r` for a line break, where the yaml package reads it into
 * the scalar before it. Same length, so offsets into the result are offsets into `text`.
 */
export function yamlLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: pos(sl, sc), end: pos(el, ec) };
}

/**
 * Orders strings by UTF-16 code units. Rule ids are ASCII, and `localeCompare` would load
 * ICU's collation tables into the server: about 9 ms of its start and 4 MiB resident.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function rangeContains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

export function rangesEqual(a: Range, b: Range): boolean {
  return comparePositions(a.start, b.start) === 0 && comparePositions(a.end, b.end) === 0;
}

/** Applies non-overlapping edits to a text (the order given does not matter). */
export function applyEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const index = new LineIndex(text);
  const sorted = edits
    .map((e) => ({ start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
