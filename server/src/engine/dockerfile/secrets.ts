/**
 * What counts as a secret by its name, shared by the rules that look for secrets in
 * `ENV`/`ARG` keys and in `KEY=value` lines written to files.
 */

/** Words that make a name a secret wherever they stand in it (`DB_PASSWORD`, `GITHUBTOKEN`). */
const SECRET_WORD = /(PASSWORD|PASSWD|SECRET|SECRETS|TOKEN|TOKENS)$/;
/** Key kinds that are secrets only as a pair (`API_KEY`, `apiKey`, `AWS_SECRET_ACCESS_KEY`), unlike `GPG_KEY` or `PUBLIC_KEY`. */
const SECRET_KEY_PREFIX = /(API|PRIVATE|ACCESS)$/;
/**
 * A last word that makes the name point at or describe a secret rather than hold one:
 * `POSTGRES_PASSWORD_FILE` is a path, `OAUTH_TOKEN_URL` an endpoint, `VAULT_SECRET_NAME` a name,
 * `PASSWORD_MIN_LENGTH` a policy.
 */
const POINTER_WORDS = new Set(['FILE', 'FILES', 'FILENAME', 'PATH', 'DIR', 'URL', 'URI', 'ENDPOINT', 'HOST', 'PORT', 'NAME', 'LENGTH', 'TYPE', 'VERSION']);

/** The words of a name: split at `_`, `-`, `.` and lower→upper case changes (`dbPassword`). */
function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toUpperCase()
    .split(/[_.\-]+/)
    .filter(Boolean);
}

/** True when a variable name says it holds a password, token, secret, API/private/access key. */
export function isSecretName(name: string): boolean {
  const w = words(name);
  if (w.length === 0 || POINTER_WORDS.has(w[w.length - 1])) return false;
  return w.some((word, i) => {
    if (SECRET_WORD.test(word)) return true;
    const key = /^KEYS?$/.test(word) ? w[i - 1] : /KEYS?$/.test(word) ? word.replace(/KEYS?$/, '') : undefined;
    return key !== undefined && SECRET_KEY_PREFIX.test(key);
  });
}

const EMPTY = new Set(['', 'none', 'null', 'nil', 'undefined']);
const SWITCH = new Set(['true', 'false', 'yes', 'no', 'on', 'off', '0', '1', 'enabled', 'disabled']);

/** A value that holds no secret: empty or a "none" placeholder. */
export function isEmptyValue(value: string): boolean {
  return EMPTY.has(value.trim().toLowerCase());
}

/** A value that switches a feature (`MYSQL_ALLOW_EMPTY_PASSWORD=yes`) rather than holding a secret. */
export function isSwitchValue(value: string): boolean {
  return SWITCH.has(value.trim().toLowerCase());
}

export interface SecretAssignment {
  key: string;
  value: string;
  /** Offset of the key within the text searched. */
  start: number;
  /** Offset just past the value. */
  end: number;
}

/**
 * `KEY=value` lines (optionally `export KEY=value`) with a secret-like key and a literal
 * value, in text written to a file. Lines may be separated by real line breaks or by the
 * two characters `\n` that `echo -e`/`printf` turn into one.
 */
export function secretAssignments(text: string): SecretAssignment[] {
  const out: SecretAssignment[] = [];
  const line = /(?:^|\n|\\n)[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_.-]*)[ \t]*=[ \t]*([^\n]*?)[ \t]*(?=\\n|\r?\n|$)/dg;
  for (const m of text.matchAll(line)) {
    const [, key, raw] = m;
    const value = /^(['"]).*\1$/.test(raw) ? raw.slice(1, -1) : raw;
    if (!isSecretName(key) || isEmptyValue(value) || isSwitchValue(value) || value.includes('$')) continue;
    const indices = m.indices as RegExpIndicesArray;
    out.push({ key, value, start: indices[1][0], end: indices[2][1] });
  }
  return out;
}
