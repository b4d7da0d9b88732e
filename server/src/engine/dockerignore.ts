import { LineIndex } from './text';

/**
 * `.dockerignore` with Docker's own semantics (moby/patternmatcher): comment lines start
 * with `#`; patterns are trimmed, cleaned and made relative to the context root; `*` and
 * `?` stay inside one path segment, `**` spans any number of them; a pattern that matches
 * a folder excludes everything in it; the last matching pattern wins, and `!` re-includes.
 */

export interface IgnorePattern {
  /** The pattern as Docker uses it after cleaning (without `!`). */
  pattern: string;
  negate: boolean;
  line: number;
  regex: RegExp;
}

/** Lexical clean-up like Go's `filepath.Clean`, for slash-separated paths. */
export function cleanPath(path: string): string {
  const rooted = path.startsWith('/');
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else if (part !== '..' || !rooted) parts.push(part);
  }
  const joined = parts.join('/');
  return rooted ? '/' + joined : joined || '.';
}

/** Longer patterns are no real ignore rule, and V8 refuses to compile regular expressions that large. */
const MAX_PATTERN = 4_096;

function compile(pattern: string): RegExp | undefined {
  if (pattern.length > MAX_PATTERN) return undefined;
  let out = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') i++;
        out += i + 1 >= pattern.length ? '.*' : '(.*/)?';
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '\\' && i + 1 < pattern.length) {
      out += '\\' + pattern[++i];
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) return undefined;
      out += '[' + pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
      i = close;
    } else {
      out += /[.+^${}()|\]]/.test(c) ? '\\' + c : c;
    }
  }
  try {
    return new RegExp(out + '$');
  } catch {
    return undefined;
  }
}

export function parseDockerignore(text: string): IgnorePattern[] {
  const patterns: IgnorePattern[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n|\r/)
    .forEach((raw, line) => {
      if (raw.startsWith('#')) return;
      let pattern = raw.trim();
      if (!pattern) return;
      const negate = pattern.startsWith('!');
      if (negate) pattern = pattern.slice(1).trim();
      if (!pattern) return;
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
      const regex = compile(pattern);
      if (regex) patterns.push({ pattern, negate, line, regex });
    });
  return patterns;
}

/** The pattern that decides a context-relative path's fate: the last one matching it or a folder above it. */
export function decidingPattern(patterns: readonly IgnorePattern[], path: string): IgnorePattern | undefined {
  const target = cleanPath(path).replace(/^\/+/, '');
  const prefixes: string[] = [];
  const parts = target.split('/');
  for (let i = 1; i <= parts.length; i++) prefixes.push(parts.slice(0, i).join('/'));
  let decided: IgnorePattern | undefined;
  for (const p of patterns) {
    if (prefixes.some((candidate) => p.regex.test(candidate))) decided = p;
  }
  return decided;
}

/** Whether a context-relative path is left out of the build context. */
export function isIgnored(patterns: readonly IgnorePattern[], path: string): boolean {
  const decided = decidingPattern(patterns, path);
  return decided !== undefined && !decided.negate;
}

/** The ignore file BuildKit uses for a Dockerfile: `<name>.dockerignore` beside it first, then `.dockerignore`. */
export function dockerignoreCandidates(dockerfileName: string): string[] {
  const base = dockerfileName.split(/[\\/]/).pop() ?? dockerfileName;
  return [`${base}.dockerignore`, '.dockerignore'];
}

/** One parse of a `.dockerignore` file, for its rules. */
export class DockerignoreModel {
  readonly lines: LineIndex;
  readonly patterns: IgnorePattern[];

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
    this.patterns = parseDockerignore(text);
  }
}
