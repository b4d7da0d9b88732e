import { Composer, isCollection, isMap, isPair, isScalar, Parser, parseDocument, type Document, type YAMLMap } from 'yaml';
import { textChange, yamlLineBreaks, type LineIndex, type TextChange } from '../text';

const OPTIONS = { uniqueKeys: false, prettyErrors: false } as const;

/** What a Compose parse needs of the same document's previous parse. */
export interface PreviousParse {
  readonly text: string;
  readonly doc: Document;
  readonly root: YAMLMap | undefined;
  readonly lines: LineIndex;
}

/**
 * Parses `text`. With the previous version's parse, an edit that stays inside one entry of
 * the top-level mapping or of `services` (the last service included) re-parses that entry
 * alone and splices it into the previous tree; anything else is parsed whole. The splice
 * moves the previous tree's nodes after the edit, so `previous` must not be used afterwards.
 */
export function parseYaml(text: string, previous?: PreviousParse): Document {
  const source = yamlLineBreaks(text);
  return (previous && reparseEntry(previous, text, source)) ?? parseDocument(source, OPTIONS);
}

/** Files with more documents than this are not Compose files anyone writes; reading them all would take seconds. */
const MAX_LATER_DOCUMENTS = 100;

/** The documents of `text` after the first, each with its own errors; undefined when there are too many to read. */
export function parseLaterDocuments(text: string): Document[] | undefined {
  const documents: Document[] = [];
  for (const doc of new Composer(OPTIONS).compose(new Parser().parse(yamlLineBreaks(text)))) {
    if (documents.push(doc) > MAX_LATER_DOCUMENTS + 1) return undefined;
  }
  return documents.slice(1);
}

/**
 * An entry of a block mapping: from the start of its key's line to the start of the next key's
 * line. `nested`: the last entry of `services`, which ends where the next top-level key starts
 * (or with the text), so it is parsed as the value of a stand-in top-level key.
 */
interface Piece {
  map: YAMLMap;
  index: number;
  start: number;
  end: number;
  column: number;
  nested?: boolean;
}

/** Where each entry's key line starts, and the column the keys stand at. */
function entryLines(map: YAMLMap, lines: LineIndex): { starts: number[]; column: number } | undefined {
  if (map.flow) return undefined;
  const starts: number[] = [];
  for (const item of map.items) {
    if (!isScalar(item.key) || !item.key.range) return undefined;
    const position = lines.positionAt(item.key.range[0]);
    starts.push(item.key.range[0] - position.character);
  }
  const column = map.items.length ? (map.items[0].key as { range: number[] }).range[0] - starts[0] : 0;
  return { starts, column };
}

/**
 * The entry of `map` whose lines hold the whole change. The last entry never qualifies: where
 * it ends depends on what follows the mapping, and so do the mapping's own bounds.
 */
function pieceOf(map: YAMLMap, lines: LineIndex, change: TextChange): Piece | undefined {
  const entries = entryLines(map, lines);
  if (!entries) return undefined;
  const { starts, column } = entries;
  for (let index = 0; index + 1 < starts.length; index++) {
    if (starts[index] <= change.start && change.end <= starts[index + 1]) return { map, index, start: starts[index], end: starts[index + 1], column };
  }
  return undefined;
}

/** The last service, when it holds the whole change: new services are most often written there. */
function lastServicePiece(services: YAMLMap, root: YAMLMap, previous: PreviousParse, change: TextChange): Piece | undefined {
  const entries = entryLines(services, previous.lines);
  const rootEntries = entryLines(root, previous.lines);
  if (!entries || !rootEntries || rootEntries.column !== 0 || entries.column === 0) return undefined;
  const index = entries.starts.length - 1;
  const after = root.items.findIndex((item) => item.value === services) + 1;
  if (index < 0 || after === 0) return undefined;
  const start = entries.starts[index];
  const end = after < rootEntries.starts.length ? rootEntries.starts[after] : previous.text.length;
  return start <= change.start && change.end <= end ? { map: services, index, start, end, column: entries.column, nested: true } : undefined;
}

/**
 * Whether the new text of an entry still reads as entries of a mapping at `column` on its own:
 * it starts with a line at that column, no line but comments and blank ones goes left of it,
 * and it holds no document markers or directives.
 */
function standsAlone(piece: string, column: number): boolean {
  let first = true;
  for (const line of piece.split('\n')) {
    let indent = 0;
    while (line.charCodeAt(indent) === 32) indent++;
    const rest = line.slice(indent);
    if (/^[ \t\r]*$/.test(rest) || rest.startsWith('#')) continue;
    if (first ? indent !== column : indent < column) return false;
    if (indent === 0 && (rest.startsWith('---') || rest.startsWith('...') || rest.startsWith('%'))) return false;
    first = false;
  }
  return !first;
}

/** Filler that takes `length` characters and parses to nothing, so the piece's offsets are the document's. */
function padding(length: number): string {
  return length < 2 ? '\n'.repeat(length) : `${'#'.padEnd(length - 1)}\n`;
}

/** `source`: `text` as the parser reads it (see `yamlLineBreaks`); `previous.text` is as written. */
function reparseEntry(previous: PreviousParse, text: string, source: string): Document | undefined {
  const { doc, root, lines } = previous;
  if (!root || doc.errors.length || doc.warnings.length) return undefined;
  // Directives (`%YAML 1.1`) change how every scalar reads.
  if (/^%/m.test(previous.text.slice(0, root.range?.[0] ?? 0))) return undefined;
  const change = textChange(previous.text, text);
  const services = root.items.find((i) => isScalar(i.key) && i.key.value === 'services')?.value;
  const piece = (isMap(services) && (pieceOf(services, lines, change) || lastServicePiece(services, root, previous, change))) || pieceOf(root, lines, change);
  if (!piece) return undefined;
  const end = piece.end + change.delta;
  const atEnd = piece.nested === true && end === text.length;
  if (end <= piece.start || (!atEnd && source.charCodeAt(end - 1) !== 10)) return undefined;
  const entry = source.slice(piece.start, end);
  if (!standsAlone(entry, piece.column)) return undefined;
  // The next entry's key line comes along, so the last value ends as it does in the whole
  // document: where trailing blank and comment lines end up depends on what follows them.
  const lineEnd = source.indexOf('\n', end);
  const next = source.slice(end, lineEnd < 0 ? source.length : lineEnd + 1);
  const parsed = parseDocument((piece.nested ? `${padding(piece.start - 3)}s:\n` : padding(piece.start)) + entry + next, OPTIONS);
  const entries = spliced(parsed, piece, end, atEnd);
  if (!entries) return undefined;
  piece.map.items.splice(piece.index, 1);
  shiftFrom(doc, piece.end, change.delta);
  piece.map.items.splice(piece.index, 0, ...entries.items.slice(0, entries.items.length - (piece.nested ? 0 : 1)));
  if (piece.nested) {
    // The mapping, and at the end of the text the document, now end where the new last entry does.
    piece.map.range = [piece.map.range?.[0] ?? piece.start, ...(entries.range?.slice(1) as [number, number])];
    if (atEnd) {
      root.range = [root.range?.[0] ?? 0, ...(parsed.contents?.range?.slice(1) as [number, number])];
      doc.range = [doc.range?.[0] ?? 0, ...(parsed.range?.slice(1) as [number, number])];
      doc.comment = parsed.comment;
    }
  }
  return doc;
}

/**
 * The entries parsed from a piece, where they stand as in the whole document: the piece's
 * first key where it was, and the next key (for a nested piece, the next top-level key)
 * right at its end. Undefined where the piece reads otherwise.
 */
function spliced(parsed: Document, piece: Piece, end: number, atEnd: boolean): YAMLMap | undefined {
  const contents = parsed.contents;
  if (parsed.errors.length || parsed.warnings.length || !isMap(contents) || contents.flow) return undefined;
  const keyStart = (item: unknown) => (isPair(item) && isScalar(item.key) ? item.key.range?.[0] : undefined);
  const entries = piece.nested ? contents.items[0]?.value : contents;
  if (!isMap(entries) || entries.flow || keyStart(entries.items[0]) !== piece.start + piece.column) return undefined;
  if (piece.nested) return contents.items.length === (atEnd ? 1 : 2) && (atEnd || keyStart(contents.items[1]) === end) ? entries : undefined;
  return contents.items.length >= 2 && keyStart(contents.items[contents.items.length - 1]) === end + piece.column ? entries : undefined;
}

type Ranged = { range?: [number, number, number] | null };

/** Moves every offset at or after `from` by `delta`: the nodes after the edit, and the ends of those around it. */
function shiftFrom(node: unknown, from: number, delta: number): void {
  if (!node || typeof node !== 'object') return;
  const range = (node as Ranged).range;
  if (range) {
    if (range[2] < from) return;
    (node as Ranged).range = range.map((offset) => (offset >= from ? offset + delta : offset)) as [number, number, number];
  }
  if (isCollection(node)) {
    for (const item of node.items) {
      if (isPair(item)) {
        shiftFrom(item.key, from, delta);
        shiftFrom(item.value, from, delta);
      } else shiftFrom(item, from, delta);
    }
  } else if ('contents' in node) shiftFrom((node as Document).contents, from, delta);
}
