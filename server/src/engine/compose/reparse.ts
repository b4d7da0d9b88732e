import { isCollection, isMap, isPair, isScalar, parseDocument, type Document, type YAMLMap } from 'yaml';
import { textChange, type LineIndex, type TextChange } from '../text';

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
 * the top-level mapping or of `services` re-parses that entry alone and splices it into the
 * previous tree; anything else is parsed whole. The splice moves the previous tree's nodes
 * after the edit, so `previous` must not be used afterwards.
 */
export function parseYaml(text: string, previous?: PreviousParse): Document {
  return (previous && reparseEntry(previous, text)) ?? parseDocument(text, OPTIONS);
}

/** An entry of a block mapping: from the start of its key's line to the start of the next key's line. */
interface Piece {
  map: YAMLMap;
  index: number;
  start: number;
  end: number;
  column: number;
}

/**
 * The entry of `map` whose lines hold the whole change. The last entry never qualifies: where
 * it ends depends on what follows the mapping, and so do the mapping's own bounds.
 */
function pieceOf(map: YAMLMap, lines: LineIndex, change: TextChange): Piece | undefined {
  if (map.flow) return undefined;
  const starts: number[] = [];
  for (const item of map.items) {
    if (!isScalar(item.key) || !item.key.range) return undefined;
    const position = lines.positionAt(item.key.range[0]);
    starts.push(item.key.range[0] - position.character);
  }
  const column = map.items.length ? (map.items[0].key as { range: number[] }).range[0] - starts[0] : 0;
  for (let index = 0; index + 1 < starts.length; index++) {
    if (starts[index] <= change.start && change.end <= starts[index + 1]) return { map, index, start: starts[index], end: starts[index + 1], column };
  }
  return undefined;
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

function reparseEntry(previous: PreviousParse, text: string): Document | undefined {
  const { doc, root, lines } = previous;
  if (!root || doc.errors.length || doc.warnings.length) return undefined;
  // Directives (`%YAML 1.1`) change how every scalar reads.
  if (/^%/m.test(previous.text.slice(0, root.range?.[0] ?? 0))) return undefined;
  const change = textChange(previous.text, text);
  const services = root.items.find((i) => isScalar(i.key) && i.key.value === 'services')?.value;
  const piece = (isMap(services) && pieceOf(services, lines, change)) || pieceOf(root, lines, change);
  if (!piece) return undefined;
  const end = piece.end + change.delta;
  if (end <= piece.start || text.charCodeAt(end - 1) !== 10) return undefined;
  const source = text.slice(piece.start, end);
  if (!standsAlone(source, piece.column)) return undefined;
  // The next entry's key line comes along, so the last value ends as it does in the whole
  // document: where trailing blank and comment lines end up depends on what follows them.
  const lineEnd = text.indexOf('\n', end);
  const next = text.slice(end, lineEnd < 0 ? text.length : lineEnd + 1);
  const parsed = parseDocument(padding(piece.start) + source + next, OPTIONS);
  const contents = parsed.contents;
  if (parsed.errors.length || parsed.warnings.length || !isMap(contents) || contents.flow || contents.items.length < 2) return undefined;
  const keyStarts = [contents.items[0].key, contents.items[contents.items.length - 1].key].map((k) => (isScalar(k) ? k.range?.[0] : undefined));
  if (keyStarts[0] !== piece.start + piece.column || keyStarts[1] !== end + piece.column) return undefined;
  piece.map.items.splice(piece.index, 1);
  shiftFrom(doc, piece.end, change.delta);
  piece.map.items.splice(piece.index, 0, ...contents.items.slice(0, -1));
  return doc;
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
