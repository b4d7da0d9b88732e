/**
 * The `$VAR` / `${VAR…}` references that Docker itself expands in an instruction's
 * text (FROM, COPY, ENV, LABEL, WORKDIR…), read the way BuildKit's word lexer reads
 * them: nothing inside single quotes, nothing after the escape character, and the
 * word of `${VAR:-word}` read for references of its own.
 */
export interface VariableReference {
  name: string;
  /** Offsets of the name (without `$`, `{`) in the text given. */
  start: number;
  end: number;
  /** `${VAR:-x}`, `${VAR+x}`, `${VAR:?msg}`…: the author planned for it being unset. */
  guarded: boolean;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

export function variableReferences(text: string, escape = '\\'): VariableReference[] {
  const out: VariableReference[] = [];
  let i = 0;

  /** Length of an escaped line break at `at` plus the comment lines the Dockerfile parser drops after it. */
  const continuation = (at: number): number => {
    if (text[at] !== escape) return 0;
    let j = at + 1;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] === '\r') j++;
    if (text[j] !== '\n') return 0;
    j++;
    for (;;) {
      let k = j;
      while (text[k] === ' ' || text[k] === '\t') k++;
      if (text[k] !== '#') return j - at;
      while (k < text.length && text[k] !== '\n') k++;
      j = k + 1;
    }
  };

  const dollar = () => {
    // text[i] is '$'
    const next = text[i + 1];
    if (next === '{') {
      const nameStart = i + 2;
      let j = nameStart;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      if (j === nameStart || !NAME_START.test(text[nameStart])) {
        i += 2;
        return;
      }
      const name = text.slice(nameStart, j);
      const modifier = text[j] === ':' ? text[j + 1] : text[j];
      const guarded = modifier === '-' || modifier === '+' || modifier === '?';
      out.push({ name, start: nameStart, end: j, guarded });
      i = j;
      if (text[i] !== '}') word('}');
      if (text[i] === '}') i++;
      return;
    }
    if (next !== undefined && NAME_START.test(next)) {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      out.push({ name: text.slice(i + 1, j), start: i + 1, end: j, guarded: false });
      i = j;
      return;
    }
    i++;
  };

  /** Reads up to (not past) `stop`, or to the end when none is given. */
  const word = (stop?: string) => {
    while (i < text.length) {
      const c = text[i];
      if (stop !== undefined && c === stop) return;
      const cont = continuation(i);
      if (cont) {
        i += cont;
      } else if (c === escape) {
        i += 2;
      } else if (c === "'") {
        const close = text.indexOf("'", i + 1);
        i = close < 0 ? text.length : close + 1;
      } else if (c === '"') {
        i++;
        while (i < text.length && text[i] !== '"') {
          if (continuation(i)) i += continuation(i);
          else if (text[i] === escape) i += 2;
          else if (text[i] === '$') dollar();
          else i++;
        }
        i++;
      } else if (c === '$') {
        dollar();
      } else {
        i++;
      }
    }
  };

  word();
  return out;
}
