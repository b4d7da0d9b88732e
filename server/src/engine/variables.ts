/** Variables known at a point: name → value, `undefined` when declared without a value. */
export type Scope = ReadonlyMap<string, string | undefined>;

const REFERENCE = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Expands `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}` and
 * `${VAR+alt}` the way BuildKit does for `FROM`. Returns `undefined` when the result
 * depends on a value only known at build time (a bare reference with no default);
 * a `${VAR:-default}` form counts as its default, which is what a plain build uses.
 */
export function substitute(text: string, scope: Scope): string | undefined {
  let unknown = false;
  const out = text.replace(REFERENCE, (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
    const name = (braced ?? bare) as string;
    const value = scope.get(name);
    if (op === undefined) {
      if (value === undefined) unknown = true;
      return value ?? '';
    }
    const set = op.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
    if (op.endsWith('-')) return set ? (value as string) : (word ?? '');
    return set ? (word ?? '') : '';
  });
  return unknown ? undefined : out;
}
