/** Variables known at a point: name → value, `undefined` when declared without a value. */
export type Scope = ReadonlyMap<string, string | undefined>;

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;
const OPERATOR = /^(:?)([-+?])([\s\S]*)$/;

/**
 * Expands `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}`,
 * `${VAR+alt}` and `${VAR:?error}` the way BuildKit does for `FROM` and Compose does for
 * its files (where `$$` stands for a literal `$`). Returns `undefined` when the result
 * depends on a value only known later: a bare reference with no value, a required one
 * that is unset, or a pattern operator (`${VAR#prefix}`, `${VAR/a/b}`).
 * A `${VAR:-default}` form counts as its default, which is what a plain run uses.
 */
export function substitute(text: string, scope: Scope): string | undefined {
  let unknown = false;
  const pieces = text.split('$$');
  const out = pieces.map((piece) => piece.replace(REFERENCE, (_m, braced: string | undefined, modifier: string, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    const value = scope.get(name);
    const op = braced !== undefined && modifier ? OPERATOR.exec(modifier) : undefined;
    if (!modifier || bare !== undefined) {
      if (value === undefined) unknown = true;
      return value ?? '';
    }
    if (!op) {
      // Pattern operators: rather than re-implement them, give up on the value.
      unknown = true;
      return '';
    }
    const [, colon, kind, quoted] = op;
    const word = /^(["']).*\1$/s.test(quoted) ? quoted.slice(1, -1) : quoted;
    const set = colon ? value !== undefined && value !== '' : value !== undefined;
    if (kind === '-') return set ? (value as string) : word;
    if (kind === '?') {
      if (!set) unknown = true;
      return value ?? '';
    }
    return set ? word : '';
  })).join('$');
  return unknown ? undefined : out;
}
