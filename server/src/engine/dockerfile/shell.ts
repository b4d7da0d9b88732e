/**
 * A small POSIX-shell reader for `RUN` commands: enough structure to tell commands,
 * their words and the operators between them apart, honouring quotes, escapes,
 * `$(…)`, backticks and Dockerfile line continuations. Offsets index the text given.
 */

export interface Word {
  /** The word with quotes and escapes removed. */
  value: string;
  start: number;
  end: number;
  /** A quote, backtick or `$(` in the word is never closed: the text was cut short. */
  unclosed?: true;
}

export type Operator = '&&' | '||' | ';' | '|' | '&' | '(' | ')' | '\n';

export interface Command {
  words: Word[];
  start: number;
  end: number;
  /** The operator that ends this command, if any. */
  next?: Operator;
}

interface Options {
  /** The Dockerfile escape character; before a line break it joins lines. */
  escape?: string;
}

/** The operator starting at `i`, the two-character ones first. */
function operatorAt(text: string, i: number): Operator | undefined {
  switch (text[i]) {
    case '&':
      return text[i + 1] === '&' ? '&&' : '&';
    case '|':
      return text[i + 1] === '|' ? '||' : '|';
    case ';':
    case '(':
    case ')':
    case '\n':
      return text[i] as Operator;
    default:
      return undefined;
  }
}

export function parseShell(text: string, options: Options = {}): Command[] {
  const escape = options.escape ?? '\\';
  const commands: Command[] = [];
  let words: Word[] = [];
  let i = 0;

  const finish = (next?: Operator) => {
    if (words.length > 0) {
      commands.push({ words, start: words[0].start, end: words[words.length - 1].end, next });
    } else if (next && commands.length > 0 && commands[commands.length - 1].next === undefined) {
      commands[commands.length - 1].next = next;
    }
    words = [];
  };

  const continuation = (at: number): number => {
    // escape + optional spaces + line break, as the Dockerfile parser joins lines
    if (text[at] !== escape) return 0;
    let j = at + 1;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '\r') j++;
    return text[j] === '\n' ? j + 1 - at : 0;
  };

  const skipCommentLines = () => {
    // Lines that start with # inside a continued instruction are Dockerfile comments.
    for (;;) {
      let j = i;
      while (text[j] === ' ' || text[j] === '\t') j++;
      if (text[j] === '#') {
        while (j < text.length && text[j] !== '\n') j++;
        i = j + 1;
      } else if (text[j] === '\n' || (text[j] === '\r' && text[j + 1] === '\n')) {
        i = j + (text[j] === '\r' ? 2 : 1);
      } else {
        return;
      }
    }
  };

  while (i < text.length) {
    const c = text[i];
    const cont = continuation(i);
    if (cont) {
      i += cont;
      skipCommentLines();
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    const op = operatorAt(text, i);
    if (op) {
      finish(op);
      i += op.length;
      continue;
    }
    const word = readWord(text, i, continuation);
    words.push(word);
    i = word.end;
  }
  finish();
  return commands;
}

/** Characters that end a plain run inside a word: word breaks, quotes, `\`, `$` and the backtick (also the escape character a Dockerfile may choose instead of `\`). */
const SPECIAL = new Set([...' \t\n\r;&|()\'"\\$`'].map((c) => c.charCodeAt(0)));

function readWord(text: string, start: number, continuation: (at: number) => number): Word {
  let value = '';
  let i = start;
  let unclosed = false;
  // `$(…)` stays as written, up to the `)` that closes it or else the end of the text.
  const substitution = () => {
    const end = matchParen(text, i + 1);
    unclosed ||= end === undefined;
    value += text.slice(i, end);
    i = end ?? text.length;
  };
  while (i < text.length) {
    const c = text[i];
    const cont = continuation(i);
    if (cont) break;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ';' || c === '&' || c === '|' || c === '(' || c === ')') break;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? text.length : close;
      unclosed ||= close < 0;
      value += text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) {
          value += text[i + 1];
          i += 2;
        } else if (text[i] === '$' && text[i + 1] === '(') {
          substitution();
        } else {
          value += text[i++];
        }
      }
      unclosed ||= i >= text.length;
      i++;
    } else if (c === '\\' && i + 1 < text.length) {
      value += text[i + 1];
      i += 2;
    } else if (c === '$' && text[i + 1] === '(') {
      substitution();
    } else if (c === '`') {
      const close = text.indexOf('`', i + 1);
      const end = close < 0 ? text.length : close + 1;
      unclosed ||= close < 0;
      value += text.slice(i, end);
      i = end;
    } else {
      // Plain characters up to the next one that needs a look, taken in one piece: most words are nothing else.
      const from = i++;
      while (i < text.length && !SPECIAL.has(text.charCodeAt(i))) i++;
      value += text.slice(from, i);
    }
  }
  const word: Word = { value, start, end: Math.min(i, text.length) };
  if (unclosed) word.unclosed = true;
  return word;
}

/** Offset just past the `)` closing the `(` at `open`, skipping quoted text; undefined when nothing closes it. */
function matchParen(text: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i];
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      if (close < 0) return undefined;
      i = close;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return undefined;
}

const PREFIXES = new Set(['sudo', 'env', 'time', 'exec', 'nohup', 'command']);
/** Reserved words that may open a command list: what follows is the command. */
const RESERVED = new Set(['{', '!', 'if', 'then', 'else', 'elif', 'do', 'while', 'until']);
/** `>file`, `2>&1`, `<<EOF`, `&>/dev/null`: a redirection, with its target when attached. */
const REDIRECTION = /^\d*(>>?|<<?-?|&>>?|>&|<&)/;
const BARE_REDIRECTION = /^\d*(>>?|<<?-?|&>>?|>&|<&)$/;

function withoutRedirections(words: Word[]): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const value = words[i].value;
    if (BARE_REDIRECTION.test(value) && !value.startsWith('<<')) i++;
    else if (!REDIRECTION.test(value)) out.push(words[i]);
  }
  return out;
}

/**
 * The words that name the program and its arguments, with their offsets: leading
 * `VAR=value` assignments, wrappers such as `sudo` and `env`, and redirections are skipped.
 */
export function programWordObjects(command: Command): Word[] {
  const words = withoutRedirections(command.words);
  let i = 0;
  while (i < words.length) {
    const v = words[i].value;
    if (/^[A-Za-z_][A-Za-z0-9_]*=/.test(v) || RESERVED.has(v)) i++;
    else if (PREFIXES.has(v)) {
      i++;
      while (i < words.length && words[i].value.startsWith('-')) i++;
    } else break;
  }
  return words.slice(i);
}

/** The values of `programWordObjects`. */
export function programWords(command: Command): string[] {
  return programWordObjects(command).map((w) => w.value);
}
