import { Argument, Instruction } from 'dockerfile-ast';
import type { Position, Range } from '../types';

/** What the reading needs of an instruction: dockerfile-ast keeps these protected. */
interface Internals {
  document: { offsetAt(position: Position): number; positionAt(offset: number): Position };
  escapeChar: string;
  getInstructionRange(): Range;
  getTextContent(): string;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;
const HASH = 35;
const DOLLAR = 36;

/**
 * An instruction's arguments exactly as dockerfile-ast's `Instruction.getRawArguments` reads
 * them (escaped line breaks joined, comment lines inside continuations dropped, escapes
 * removed but `\$` kept), by the same steps. dockerfile-ast's constructors call it for most
 * instructions, and on a large Dockerfile it was about half of the parse: it adds the value
 * one character at a time, searches the document's lines for every position and checks every
 * range it builds. Here plain characters are taken as slices and positions read on from the
 * last one. A test compares the two over the corpus and random text.
 */
export function readRawArguments(instruction: Instruction): Argument[] {
  const self = instruction as unknown as Internals;
  const document = self.document;
  const escape = self.escapeChar.charCodeAt(0);
  const range = self.getInstructionRange();
  const start = document.offsetAt(range.start);
  const extra = document.offsetAt(range.end) - start;
  const text = self.getTextContent().substring(extra);
  const offset = start + extra;
  const positions = new Positions(text, document.positionAt(offset));
  const args: Argument[] = [];
  let atLineStart = false;
  let comment = false;
  let found = -1;
  // A space or tab seen inside an escaped line break, and whether one is being read.
  let escapedWhitespace = false;
  let escaping = false;
  let escapeMarker = -1;
  // The value so far: `value`, then the plain characters from `runStart` to `runEnd`.
  let value = '';
  let runStart = -1;
  let runEnd = -1;
  const valueSoFar = () => (runStart < 0 ? value : value + text.slice(runStart, runEnd));
  /** Ends the argument being read at `end`. */
  const take = (end: number) => {
    args.push(argument(positions, found, end, valueSoFar()));
    value = '';
    runStart = runEnd = found = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === SPACE || code === TAB || code === CR || code === LF) {
      if (escaping) {
        // A line break ends the escaped one: whitespace before it does not count.
        escapedWhitespace = code === SPACE || code === TAB;
        if (!escapedWhitespace && comment) {
          comment = false;
          atLineStart = true;
        }
        continue;
      } else if (found !== -1) {
        take(escapeMarker === -1 ? i : escapeMarker);
        escapeMarker = -1;
      }
    } else if (code === escape) {
      const next = text.charCodeAt(i + 1);
      if (next === SPACE || next === TAB) {
        for (let j = i + 2; j < text.length; j++) {
          const after = text.charCodeAt(j);
          if (after === SPACE || after === TAB) continue;
          if (after === CR || after === LF) {
            comment = false;
            escaping = true;
            atLineStart = true;
            if (found !== -1) escapeMarker = i;
            // `\r\n` ends the line as `\n` does.
            i = after === CR ? j + 1 : j;
          } else {
            escapeMarker = i;
            if (found === -1) i = j - 1;
          }
          break;
        }
      } else if (next === CR || next === LF) {
        comment = false;
        escaping = true;
        atLineStart = true;
        if (found !== -1 && escapeMarker === -1) escapeMarker = i;
        i += next === CR ? 2 : 1;
      } else {
        if (escapedWhitespace && escapeMarker !== -1) take(escapeMarker);
        escapeMarker = -1;
        escapedWhitespace = false;
        escaping = false;
        // The escape character at the very end of the text ends the reading.
        if (Number.isNaN(next)) break;
        value = valueSoFar() + (next === DOLLAR ? text.slice(i, i + 2) : text.charAt(i + 1));
        runStart = runEnd = -1;
        if (found === -1) found = i;
        i++;
      }
    } else if (!comment) {
      if (atLineStart && code === HASH) comment = true;
      else {
        if (escapedWhitespace && escapeMarker !== -1) take(escapeMarker);
        escapedWhitespace = false;
        escaping = false;
        escapeMarker = -1;
        if (runEnd === i) runEnd++;
        else {
          if (runStart >= 0) value += text.slice(runStart, runEnd);
          runStart = i;
          runEnd = i + 1;
        }
        if (found === -1) found = i;
      }
      atLineStart = false;
    }
  }
  if (found !== -1) take(escapeMarker === -1 ? text.length : escapeMarker);
  return args;
}

/**
 * Positions of offsets into `text`, found by reading on from the last one asked for rather
 * than searching the document's lines each time (an argument can start before the end of
 * the one before it, rarely: reading then starts over). They follow
 * `TextDocument.positionAt`: `\r`, `\n` and `\r\n` end a line, and an offset between `\r`
 * and `\n` stands before the `\r`.
 */
class Positions {
  private at = 0;
  private line: number;
  /** Where the current line starts, relative to `text` (negative when before it). */
  private lineStart: number;

  constructor(
    private readonly text: string,
    private readonly first: Position,
  ) {
    this.line = first.line;
    this.lineStart = -first.character;
  }

  of(offset: number): Position {
    const text = this.text;
    if (offset < this.at) {
      this.at = 0;
      this.line = this.first.line;
      this.lineStart = -this.first.character;
    }
    for (; this.at < offset; this.at++) {
      const code = text.charCodeAt(this.at);
      if (code === LF || (code === CR && text.charCodeAt(this.at + 1) !== LF)) {
        this.line++;
        this.lineStart = this.at + 1;
      }
    }
    const beforeLineFeed = offset > 0 && text.charCodeAt(offset - 1) === CR && text.charCodeAt(offset) === LF;
    return { line: this.line, character: offset - this.lineStart - (beforeLineFeed ? 1 : 0) };
  }
}

function argument(positions: Positions, start: number, end: number, value: string): Argument {
  return new Argument(value, { start: positions.of(start), end: positions.of(end) });
}

/** dockerfile-ast's own reading, which `readRawArguments` replaces: kept for the test that compares them. */
export const dockerfileAstRawArguments = (Instruction.prototype as unknown as { getRawArguments: () => Argument[] }).getRawArguments;
