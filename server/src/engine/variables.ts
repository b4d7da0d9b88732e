/** Variables known at a point: name → value, `undefined` when declared without a value. */
export type Scope = ReadonlyMap<string, string | undefined>;

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;
const DEFAULT_OR_ALTERNATIVE = /^(:?)([-+])([\s\S]*)$/;

/**
 * Expands `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}` and
 * `${VAR+alt}` the way BuildKit does for `FROM`. Returns `undefined` when the result
 * depends on a value only known at build time: a bare reference with no value, or a
 * pattern operator (`${VAR#prefix}`, `${VAR%suffix}`, `${VAR/a/b}`) on such a value.
 * A `${VAR:-default}` form counts as its default, which is what a plain build uses.
 */
export function substitute(text: string, scope: Scope): string | undefined {
  let unknown = false;
  const out = text.replace(REFERENCE, (_m, braced: string | undefined, modifier: string, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    const value = scope.get(name);
    const op = braced !== undefined && modifier ? DEFAULT_OR_ALTERNATIVE.exec(modifier) : undefined;
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
    return set ? word : '';
  });
  return unknown ? undefined : out;
}
