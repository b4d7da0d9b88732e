import type { FileAccess } from '../types';
import type { Scope } from '../variables';

/**
 * Reads a Compose `.env` file: `KEY=value` lines, an optional `export ` prefix, `#`
 * comment lines and ` #` comments after unquoted values, single quotes taken literally,
 * double quotes with `\n`, `\t`, `\"` and `\\` escapes.
 */
export function parseEnvFile(text: string): Map<string, string> {
  const env = new Map<string, string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    const [, key, rest] = m;
    let value: string;
    if (rest.startsWith("'")) {
      const end = rest.indexOf("'", 1);
      value = end < 0 ? rest.slice(1) : rest.slice(1, end);
    } else if (rest.startsWith('"')) {
      let out = '';
      let i = 1;
      for (; i < rest.length && rest[i] !== '"'; i++) {
        if (rest[i] === '\\' && i + 1 < rest.length) {
          const next = rest[++i];
          out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
        } else {
          out += rest[i];
        }
      }
      value = out;
    } else {
      const comment = rest.search(/\s#/);
      value = (comment < 0 ? rest : rest.slice(0, comment)).trim();
    }
    env.set(key, value);
  }
  return env;
}

const read = new WeakMap<FileAccess, Scope>();

/**
 * The variables a Compose file is interpolated with, as far as the engine can know them:
 * the `.env` file beside it (the shell's own environment is not visible from an editor).
 * Read once per host file look-up.
 */
export function composeScope(files: FileAccess | undefined): Scope {
  if (!files) return new Map();
  let scope = read.get(files);
  if (!scope) {
    const text = files.read('.env');
    scope = text === undefined ? new Map() : parseEnvFile(text);
    read.set(files, scope);
  }
  return scope;
}
