import { DockerfileParser, Onbuild, type Arg, type Dockerfile, type Instruction, type ParserDirective } from 'dockerfile-ast';
import { textChange, type LineIndex } from '../text';
import { argWords, heredocs } from './instructions';

/**
 * Parsing a new version of a Dockerfile again only where its stages changed, keeping the
 * instruction objects of the others (and with them every answer cached on them).
 *
 * A first version is parsed whole and cut at its `FROM`s. A later one whose text before the
 * first `FROM` (directives and global `ARG`s) is unchanged is cut the same way; a stage whose
 * text and first line are both unchanged keeps its instructions, and a changed one is parsed
 * after that leading text, with blank lines standing in for the stages before it, so every
 * position dockerfile-ast reports is the document's own. Where a piece parsed alone could
 * read differently from the whole (a cut inside a here-document or a continued line), the
 * whole text is parsed again.
 */

/** What rules read from dockerfile-ast's whole-file object. */
export interface DockerfileAst {
  getInstructions(): Instruction[];
  getInitialARGs(): Arg[];
  getEscapeCharacter(): string;
  getDirectives(): ParserDirective[];
}

/** One piece of the document and the instructions parsed from it. */
export interface Chunk {
  /** New for every parse of a piece: equal ids mean the very same instruction objects. */
  id: number;
  /**
   * Equal for pieces that read the same wherever they stand: a piece an edit moved to other
   * lines, its text unchanged, is parsed again (positions are part of every object) but keeps
   * the content id of the piece it was.
   */
  content: number;
  startLine: number;
  text: string;
  instructions: Instruction[];
  /** Whether the piece reads alone as in the whole text (see `splitsCleanly`), once known: it depends on the piece only. */
  clean?: boolean;
}

export interface ParsedChunks {
  ast: DockerfileAst;
  /** The text before the first `FROM`, then one piece per stage, each starting with its `FROM`. */
  pieces: Chunk[];
  /** The text before the first `FROM`: stages are parsed after it, so reusing them needs the same. */
  prefix: string;
  /** Where the escape character, directives and global `ARG`s were read. */
  head: Dockerfile;
}

let lastChunkId = 0;

/** Gives every instruction its own memo of `getArguments()`; applied once, when parsed. */
export type PrepareInstructions = (instructions: Instruction[]) => void;

export function parseChunks(text: string, lines: LineIndex, prepare: PrepareInstructions, previous?: ParsedChunks): ParsedChunks {
  return (previous && reparse(text, lines, prepare, previous)) || wholeParse(text, lines, prepare);
}

function wholeParse(text: string, lines: LineIndex, prepare: PrepareInstructions): ParsedChunks {
  const head = DockerfileParser.parse(text);
  const instructions = head.getInstructions();
  prepare(instructions);
  const cuts = instructions.flatMap((i, n) => (i.getKeyword() === 'FROM' ? [n] : []));
  const lineOf = (n: number) => (n < instructions.length ? instructions[n].getRange().start.line : lines.lineCount);
  const pieces = [0, ...cuts].map((from, k) => {
    const to = k < cuts.length ? cuts[k] : instructions.length;
    const startLine = k === 0 ? 0 : lineOf(from);
    const endLine = k < cuts.length ? lineOf(to) : lines.lineCount;
    // dockerfile-ast itself started a new instruction after each piece but the last, so those read alone as in the whole.
    const clean = k < cuts.length ? true : undefined;
    const id = ++lastChunkId;
    return { id, content: id, startLine, text: text.slice(lines.lineStart(startLine), lines.lineStart(endLine)), instructions: instructions.slice(from, to), clean };
  });
  return { ast: facade(head, instructions), pieces, prefix: pieces[0].text, head };
}

function facade(head: Dockerfile, instructions: Instruction[]): DockerfileAst {
  return {
    getInstructions: () => instructions,
    getInitialARGs: () => head.getInitialARGs(),
    getEscapeCharacter: () => head.getEscapeCharacter(),
    getDirectives: () => head.getDirectives(),
  };
}

function reparse(text: string, lines: LineIndex, prepare: PrepareInstructions, previous: ParsedChunks): ParsedChunks | undefined {
  const escape = previous.head.getEscapeCharacter();
  const starts = stageStarts(text, lines, escape);
  if (starts.length === 0) return undefined;
  const prefix = text.slice(0, lines.lineStart(starts[0]));
  const lead = prefix === previous.prefix ? { piece: previous.pieces[0], head: previous.head, changed: [] as string[] } : newLead(prefix, previous, prepare);
  if (!lead) return undefined;
  const own = starts.map((startLine, k) => text.slice(lines.lineStart(startLine), k + 1 < starts.length ? lines.lineStart(starts[k + 1]) : text.length));
  const byLine = new Map(previous.pieces.slice(1).map((p) => [p.startLine, p]));
  const earlier = starts.map((startLine, k) => {
    const piece = byLine.get(startLine);
    // A piece that names a global ARG whose declaration changed reads differently now (see `newLead`).
    return piece && !mentionsAny(piece.text, lead.changed) && !mentionsAny(own[k], lead.changed) ? piece : undefined;
  });
  const moved = movedPieces(() => {
    const inPlace = new Set(earlier.filter((piece, k) => piece?.text === own[k]));
    return previous.pieces.slice(1).filter((piece) => !inPlace.has(piece) && !mentionsAny(piece.text, lead.changed));
  });
  const pieces: Chunk[] = [lead.piece];
  let padding = 0;
  for (let a = 0; a < starts.length; ) {
    if (earlier[a]?.text === own[a]) {
      pieces.push(earlier[a] as Chunk);
      a++;
      continue;
    }
    // The changed pieces next to each other, and the ones an edit moved to other lines, are parsed together.
    let b = a;
    while (b + 1 < starts.length && earlier[b + 1]?.text !== own[b + 1]) b++;
    // Each parse reads blank lines for the stages above it: past a whole document's worth, one whole parse is cheaper.
    padding += starts[a] - starts[0];
    if (padding > lines.lineCount) return undefined;
    pieces.push(...parseRun(prefix, starts, own, earlier, moved, a, b, lines, prepare));
    a = b + 1;
  }
  const last = pieces.length - 1;
  if (!pieces.every((piece, k) => k === last || (piece.clean ??= splitsCleanly(piece, k, lines, escape)))) return undefined;
  if (!startsStage(pieces[last])) return undefined;
  return { ast: facade(lead.head, pieces.flatMap((p) => p.instructions)), pieces, prefix, head: lead.head };
}

/** Parses pieces `a` to `b` in one go, after the text before the first `FROM` and a blank line for each line in between. */
function parseRun(
  prefix: string,
  starts: readonly number[],
  own: readonly string[],
  earlier: readonly (Chunk | undefined)[],
  moved: (text: string) => Chunk | undefined,
  a: number,
  b: number,
  lines: LineIndex,
  prepare: PrepareInstructions,
): Chunk[] {
  const parsed = DockerfileParser.parse(prefix + '\n'.repeat(starts[a] - starts[0]) + own.slice(a, b + 1).join('')).getInstructions();
  let next = parsed.findIndex((i) => i.getRange().start.line >= starts[a]);
  if (next < 0) next = parsed.length;
  const pieces: Chunk[] = [];
  for (let k = a; k <= b; k++) {
    const end = k + 1 < starts.length ? starts[k + 1] : Infinity;
    const mine: Instruction[] = [];
    while (next < parsed.length && parsed[next].getRange().start.line < end) mine.push(parsed[next++]);
    const before = earlier[k];
    const kept = before ? unchangedInstructions(before, own[k], lines) : undefined;
    const instructions = mine.map((i) => kept?.get(rangeKey(i)) ?? i);
    prepare(instructions.filter((i, n) => i === mine[n]));
    const id = ++lastChunkId;
    pieces.push({ id, content: moved(own[k])?.content ?? id, startLine: starts[k], text: own[k], instructions });
  }
  return pieces;
}

/** Takes, in document order, the earlier pieces with a given text: those an edit moved. Read when first asked. */
function movedPieces(candidates: () => Chunk[]): (text: string) => Chunk | undefined {
  let byText: Map<string, Chunk[]> | undefined;
  return (text) => {
    if (!byText) {
      byText = new Map();
      for (const piece of candidates()) {
        const same = byText.get(piece.text);
        if (same) same.push(piece);
        else byText.set(piece.text, [piece]);
      }
    }
    return byText.get(text)?.shift();
  };
}

/**
 * The text before the first `FROM` changed: it is parsed alone, and the stages are parsed after
 * it as before. What a stage's instructions read from it is the escape character (which must
 * stay the same) and the global `ARG`s they name, so `changed` lists the names whose
 * declarations changed, and those whose values use one of them; a piece that mentions none
 * reads the same as before. Undefined where the change is more than that (an instruction other
 * than `ARG`), so the whole text is parsed again, as it is when the text gains a `FROM` or ends
 * open (`splitsCleanly`).
 */
function newLead(prefix: string, previous: ParsedChunks, prepare: PrepareInstructions): { piece: Chunk; head: Dockerfile; changed: string[] } | undefined {
  const head = DockerfileParser.parse(prefix);
  if (head.getEscapeCharacter() !== previous.head.getEscapeCharacter()) return undefined;
  const instructions = head.getInstructions();
  prepare(instructions);
  const before = new Map(previous.pieces[0].instructions.map((i) => [i.getRange().start.line, i]));
  const changed = new Set<string>();
  for (const instruction of instructions) {
    const old = before.get(instruction.getRange().start.line);
    before.delete(instruction.getRange().start.line);
    if (old?.getTextContent() === instruction.getTextContent()) continue;
    for (const either of old ? [old, instruction] : [instruction]) {
      if (either.getKeyword() !== 'ARG') return undefined;
      declaredNames(either).forEach((name) => changed.add(name));
    }
  }
  for (const gone of before.values()) {
    if (gone.getKeyword() !== 'ARG') return undefined;
    declaredNames(gone).forEach((name) => changed.add(name));
  }
  for (let grown = true; grown; ) {
    grown = false;
    for (const instruction of instructions) {
      if (!mentionsAny(instruction.getTextContent(), changed)) continue;
      for (const name of declaredNames(instruction)) {
        if (changed.has(name)) continue;
        changed.add(name);
        grown = true;
      }
    }
  }
  const id = ++lastChunkId;
  return { piece: { id, content: id, startLine: 0, text: prefix, instructions }, head, changed: [...changed] };
}

/** The names an `ARG` declares, as the global scope reads them (`argWords`). */
const declaredNames = (instruction: Instruction) => argWords(instruction).map((word) => word.name);

function mentionsAny(text: string, names: Iterable<string>): boolean {
  for (const name of names) if (text.includes(name)) return true;
  return false;
}

const rangeKey = (instruction: Instruction) => {
  const { start, end } = instruction.getRange();
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
};

/**
 * The instructions of an edited stage that end on a line before the first one the edit
 * changed, by range. Everything dockerfile-ast reads for them, their own text and the
 * `ENV`/`ARG`s above them, is the same in both versions, so where the fresh parse finds an
 * instruction with the same range the earlier object (with every answer cached on it) stands
 * in for it. Instructions below the edit may resolve variables against changed lines.
 */
function unchangedInstructions(old: Chunk, text: string, lines: LineIndex): Map<string, Instruction> {
  const kept = new Map<string, Instruction>();
  let { start } = textChange(old.text, text);
  // A change between `\r` and `\n` changes the line the `\r` ends.
  if (start > 0 && text.charCodeAt(start - 1) === 13) start--;
  const firstChanged = lines.positionAt(lines.lineStart(old.startLine) + start).line;
  for (const instruction of old.instructions) {
    if (instruction.getRange().end.line >= firstChanged) break;
    kept.set(rangeKey(instruction), instruction);
  }
  return kept;
}

const FROM = /^from(\s|$)/i;
const HEREDOC = /<<-?[ \t]*(["']?)([A-Za-z_][\w.-]*)\1/g;

/**
 * The lines where a `FROM` starts an instruction, read as dockerfile-ast would: not in a
 * continued line or a here-document body. A guess is safe either way: `splitsCleanly`
 * sends any disagreement to a whole parse. Runs on every edit, so it reads the text in place.
 */
function stageStarts(text: string, lines: LineIndex, escape: string): number[] {
  const starts: number[] = [];
  const bodies: string[] = [];
  let continued = false;
  let heredoc = text.indexOf('<<');
  for (let line = 0; line < lines.lineCount; line++) {
    let at = lines.lineStart(line);
    const end = lines.lineEnd(line);
    if (bodies.length > 0) {
      if (text.slice(at, end).trim() === bodies[0]) bodies.shift();
      continue;
    }
    while (at < end && isBlank(text.charCodeAt(at))) at++;
    if (at === end || text[at] === '#') continue;
    if (!continued && (text[at] === 'F' || text[at] === 'f') && FROM.test(text.slice(at, at + 5))) starts.push(line);
    if (heredoc >= 0 && heredoc < at) heredoc = text.indexOf('<<', at);
    if (heredoc >= 0 && heredoc < end) for (const m of text.slice(at, end).matchAll(HEREDOC)) bodies.push(m[2]);
    let last = end - 1;
    while (last > at && isBlank(text.charCodeAt(last))) last--;
    continued = text[last] === escape;
  }
  return starts;
}

/** Space, tab, or another character `trim()` would drop on a line. */
const isBlank = (code: number) => code === 32 || code === 9 || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff;

/** A piece parsed alone reads as in the whole text: it starts with its `FROM`, holds no other, and leaves nothing open. */
function splitsCleanly(piece: Chunk, k: number, lines: LineIndex, escape: string): boolean {
  const starts = k === 0 ? !piece.instructions.some((i) => i.getKeyword() === 'FROM') : startsStage(piece);
  return starts && openAt(piece.instructions, lines, piece.startLine + lineCount(piece.text) - 1, escape) === undefined;
}

function startsStage(piece: Chunk): boolean {
  const [first, ...rest] = piece.instructions;
  return first?.getKeyword() === 'FROM' && first.getRange().start.line === piece.startLine && !rest.some((i) => i.getKeyword() === 'FROM');
}

/** Lines a piece spans: each ends with a line break, except perhaps the document's last. */
function lineCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return text.length > 0 && !/[\r\n]$/.test(text) ? count + 1 : count;
}

/**
 * Where text after `lastLine` would join the last instruction instead of starting a new one:
 * a here-document never closed, or a continued last line.
 */
export function openAt(instructions: readonly Instruction[], lines: LineIndex, lastLine: number, escape: string): { line: number; character: number } | undefined {
  for (const instruction of instructions) {
    const own = instruction instanceof Onbuild ? instruction.getTriggerInstruction() : instruction;
    const open = own && heredocs(own)?.find((h) => h.getDelimiterRange() === null);
    if (open) return (open.getNameRange() ?? instruction.getRange()).start;
  }
  const last = instructions[instructions.length - 1];
  if (!last) return undefined;
  for (let line = lastLine; line >= last.getRange().start.line; line--) {
    const text = lines.lineText(line).trimEnd();
    if (text === '' || (line > last.getRange().start.line && text.trimStart().startsWith('#'))) continue;
    return text.endsWith(escape) ? { line, character: text.length } : undefined;
  }
  return undefined;
}
