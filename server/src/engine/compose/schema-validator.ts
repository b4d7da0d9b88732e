import type { ErrorObject } from 'ajv';
import { isMap, isScalar, isSeq, type Scalar } from 'yaml';
// The Compose specification's JSON schema as the dclint package ships it (see the test
// beside this file, which keeps the copy identical to the installed package's file).
import composeSpec from '../data/compose-spec.json';
import newerServiceKeys from '../data/compose-newer-service-keys.json';
import { byCloseness, editDistance, typoDistance } from '../dockerfile/similar';
import type { Range } from '../types';
import { composeInstance, defineKey, pointerSegment, pointerSegments, type ComposeInstance, type Located } from './instance-paths';
import type { ComposeModel } from './model';
import { yamlSyntaxProblems } from './yaml-syntax';

export interface SchemaProblem {
  range: Range;
  message: string;
  /** The text a misspelled key or value most likely meant, when exactly one is close. */
  replacement?: { node: Scalar; text: string };
}

/**
 * Service keys that current Compose accepts but the shipped schema does not list yet, checked
 * loosely until it does (a test fails once the schema has them, so they are dropped then).
 * `pre_start` hooks appear in Compose's own end-to-end tests.
 */
export const NEWER_SERVICE_KEYS: Record<string, object> = newerServiceKeys;

interface Spec {
  properties: { services: { patternProperties: Record<string, unknown> } };
}

const SPEC = composeSpec as Spec;

/** A validator generated from the schema: what it found wrong is left on `errors`. */
interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

interface Validators {
  file: ValidateFunction;
  service: ValidateFunction;
}

let loaded: Validators | undefined;

/**
 * The validators `scripts/generate.mjs` made of the schema (the file, and one service with the
 * file's definitions), loaded on first use: Dockerfile-only sessions never build their tables.
 */
function validators(): Validators {
  loaded ??= require('./validators.generated') as Validators;
  return loaded;
}

/** The names the schema validates as services; any other name is an error of `services` itself. */
const SERVICE_NAMES = Object.keys(SPEC.properties.services.patternProperties).map((pattern) => new RegExp(pattern, 'u'));

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The `services` mapping of a file's value, when both are mappings. */
function servicesOf(value: unknown): Plain | undefined {
  const services = isPlain(value) ? value.services : undefined;
  return isPlain(services) ? services : undefined;
}

/** A copy of `value` with the same keys in the same order, `replace` giving each key's value. */
function copyWith(value: Plain, replace: (key: string, value: unknown) => unknown): Plain {
  const out: Plain = {};
  for (const key of Object.keys(value)) defineKey(out, key, replace(key, value[key]));
  return out;
}

/** Each service's errors, kept on its converted value, which `composeInstance` reuses while the service's text is unchanged. */
const serviceErrors = new WeakMap<Plain, readonly ErrorObject[]>();

const errorsOf = (validate: ValidateFunction, value: unknown): ErrorObject[] => (validate(value) ? [] : [...(validate.errors ?? [])]);

/**
 * The schema's errors for the whole file, found as the file with each service left empty
 * plus each service on its own: the same errors as validating at once (a service's schema
 * holds nothing that reaches outside it, and an empty service is valid), but a service
 * whose value was reused keeps its errors too.
 */
export function validationErrors(value: unknown): ErrorObject[] {
  const { file, service } = validators();
  const services = servicesOf(value);
  if (!services) return errorsOf(file, value);
  const alone = (name: string, v: unknown): v is Plain => isPlain(v) && SERVICE_NAMES.some((pattern) => pattern.test(name));
  const emptied = copyWith(services, (name, v) => (alone(name, v) ? {} : v));
  const errors = errorsOf(file, copyWith(value as Plain, (key, v) => (key === 'services' ? emptied : v)));
  for (const [name, v] of Object.entries(services)) {
    if (!alone(name, v)) continue;
    let own = serviceErrors.get(v);
    if (!own) serviceErrors.set(v, (own = errorsOf(service, v)));
    const prefix = `/services/${pointerSegment(name)}`;
    for (const error of own) errors.push({ ...error, instancePath: prefix + error.instancePath });
  }
  return errors;
}

type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

interface SchemaNode {
  type?: JsonType | JsonType[];
  enum?: unknown[];
  properties?: Record<string, unknown>;
  patternProperties?: Record<string, unknown>;
}

const TYPE_PHRASES: Record<JsonType, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  null: 'empty',
  object: 'a mapping',
  array: 'a list',
};

/** Where a value sits: a mapping key, or an index into a list. */
interface Segment {
  key: string;
  index: boolean;
}

const SECTIONS: Record<string, string> = { services: 'service', networks: 'network', volumes: 'volume', secrets: 'secret', configs: 'config', models: 'model' };

/** Patterns the schema gives as prose here, since the raw regular expression helps nobody. */
const PATTERNS: Record<string, { rule: string; values?: string[] }> = {
  'always|never|build|if_not_present|missing|refresh|daily|weekly|every_([0-9]+[wdhms])+': {
    rule: 'one of: always, never, missing, build, if_not_present, refresh, daily, weekly, every_<duration> (such as every_12h)',
    values: ['always', 'never', 'missing', 'build', 'if_not_present', 'refresh', 'daily', 'weekly'],
  },
  '[a-zA-Z0-9][a-zA-Z0-9_.-]+': { rule: "at least two characters, starting with a letter or digit, then letters, digits, '_', '.' or '-'" },
};

const NAME_PATTERNS: Record<string, string> = {
  '^[a-zA-Z0-9._-]+$': "use only letters, digits, '.', '_' and '-'",
  '^[a-z]+$': 'use only lowercase letters',
};

const RESTART_POLICIES = ['no', 'always', 'on-failure', 'unless-stopped'];
const RESTART = /^(?:no|always|unless-stopped|on-failure(?::\d+)?)$/;

/** The names a misspelled word most likely meant: the nearest ones, when any is near enough. */
function closestNames(word: string, candidates: string[]): string[] {
  const ranked = byCloseness(word, candidates.filter((c) => c !== word), typoDistance(word));
  const distance = (c: string) => editDistance(word.toLowerCase(), c.toLowerCase());
  return ranked.filter((c) => distance(c) === distance(ranked[0]));
}

function jsonType(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonType;
}

function accepts(type: JsonType | JsonType[] | undefined, value: unknown): boolean {
  if (type === undefined) return true;
  const actual = jsonType(value);
  return (Array.isArray(type) ? type : [type]).some((t) => t === actual || (t === 'number' && actual === 'integer'));
}

function shown(value: unknown): string {
  switch (jsonType(value)) {
    case 'null':
      return 'an empty value';
    case 'array':
      return 'a list';
    case 'object':
      return 'a mapping';
    case 'string': {
      const text = String(value);
      return `'${text.length > 40 ? `${text.slice(0, 39)}…` : text}'`;
    }
    default:
      return String(value);
  }
}

function either(phrases: string[]): string {
  return phrases.length < 2 ? (phrases[0] ?? '') : `${phrases.slice(0, -1).join(', ')} or ${phrases[phrases.length - 1]}`;
}

function didYouMean(names: string[]): string {
  return names.length ? ` Did you mean ${either(names.map((n) => `'${n}'`))}?` : '';
}

function dotted(segments: Segment[]): string {
  return segments.map((s, i) => (s.index ? `[${s.key}]` : i === 0 ? s.key : `.${s.key}`)).join('');
}

/** Splits off the service, network, volume… a path belongs to, if any. */
function ownerOf(segments: Segment[]): { owner?: string; rest: Segment[] } {
  const kind = segments.length >= 2 ? SECTIONS[segments[0].key] : undefined;
  return kind ? { owner: `${kind} '${segments[1].key}'`, rest: segments.slice(2) } : { rest: segments };
}

/** "in 'build' of service 'web'", for the mapping at `segments`. */
function where(segments: Segment[]): string {
  const { owner, rest } = ownerOf(segments);
  if (rest.length === 0) return owner ? `in ${owner}` : 'at the top level';
  const last = rest[rest.length - 1];
  const inner = last.index ? `${/^[aeiou]/i.test(rest[0].key) ? 'an' : 'a'} '${dotted(rest.slice(0, -1))}' entry` : `'${dotted(rest)}'`;
  return owner ? `in ${inner} of ${owner}` : `in ${inner}`;
}

/** How a message names the value at `segments`. */
function label(segments: Segment[]): string {
  if (segments.length === 0) return 'The Compose file';
  const { owner, rest } = ownerOf(segments);
  if (rest.length === 0) return owner ? owner.charAt(0).toUpperCase() + owner.slice(1) : '';
  const last = rest[rest.length - 1];
  return last.index ? `'${dotted(rest.slice(0, -1))}' entries` : `'${dotted(rest)}'`;
}

class Explainer {
  private readonly problems = new Map<string, SchemaProblem>();

  constructor(
    private readonly model: ComposeModel,
    private readonly instance: ComposeInstance,
  ) {}

  list(): SchemaProblem[] {
    return [...this.problems.values()].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  /** One problem per node: the first explanation found for it stands. */
  private add(problem: SchemaProblem): void {
    const { start, end } = problem.range;
    const id = `${start.line}:${start.character}:${end.line}:${end.character}`;
    if (!this.problems.has(id)) this.problems.set(id, problem);
  }

  private keyRange(at: Located): Range {
    return at.key ? this.model.rangeOf(at.key) : this.valueRange(at);
  }

  /** The written value; for a block collection, its key (or its first line), not the whole block. */
  private valueRange(at: Located): Range {
    const node = at.node;
    const empty = !node?.range || node.range[0] === node.range[1];
    if (empty || ((isMap(node) || isSeq(node)) && !node.flow)) {
      if (at.key) return this.model.rangeOf(at.key);
      if (!node?.range) return this.model.lines.range(0, 0);
      const start = node.range[0];
      const line = this.model.lines.positionAt(start).line;
      return this.model.lines.range(start, Math.min(node.range[1], this.model.lines.lineEnd(line)));
    }
    return this.model.rangeOf(node);
  }

  private segments(path: string): Segment[] {
    let value: unknown = this.instance.value;
    return pointerSegments(path).map((key) => {
      const index = Array.isArray(value);
      value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
      return { key, index };
    });
  }

  explain(errors: ErrorObject[]): void {
    const byPath = new Map<string, ErrorObject[]>();
    // Paths with an error further down: their value matched some alternative's type.
    const below = new Set<string>();
    for (const error of errors) {
      const path = error.instancePath;
      byPath.set(path, [...(byPath.get(path) ?? []), error]);
      for (let p = path; p; ) {
        p = p.slice(0, p.lastIndexOf('/'));
        below.add(p);
      }
    }
    for (const [path, group] of byPath) {
      const at = this.instance.at.get(path);
      if (at && at.deferred !== 'tagged') this.explainAt(path, at, group, below.has(path));
    }
  }

  private explainAt(path: string, at: Located, errors: ErrorObject[], matchedBelow: boolean): void {
    const segments = this.segments(path);
    const data: unknown = errors[0].data;
    // `enum` is checked whatever the value's type, so an alternative of another type reports it too.
    const applies = (e: ErrorObject) => e.keyword !== 'enum' || accepts((e.parentSchema as SchemaNode | undefined)?.type, data);
    const specific = errors.filter((e) => !['type', 'oneOf', 'anyOf'].includes(e.keyword) && applies(e));
    const suggested = new Set<string>();

    for (const error of specific) {
      if (error.keyword === 'additionalProperties') this.unknownKey(path, segments, error, data, suggested);
      if (error.keyword === 'uniqueItems') this.duplicate(path, segments, error, data);
    }
    const missing = specific
      .filter((e) => e.keyword === 'required')
      .map((e) => String((e.params as { missingProperty: string }).missingProperty))
      .filter((k) => !suggested.has(k));
    if (missing.length) {
      const keys = either(missing.map((k) => `'${k}'`));
      this.add({ range: this.keyRange(at), message: `Missing required key${missing.length > 1 ? 's' : ''} ${keys} ${where(segments)}.` });
      return;
    }
    const value = specific.find((e) => ['enum', 'pattern', 'minimum', 'maximum'].includes(e.keyword));
    // Interpolation may give any text, and Compose casts it to the number or boolean a field needs.
    if (value && !at.deferred) {
      this.badValue(at, segments, value, data);
      return;
    }
    if (matchedBelow || specific.length) return;
    const expected: string[] = [];
    for (const e of errors) {
      if (e.keyword !== 'type') continue;
      const schema = e.parentSchema as SchemaNode | undefined;
      if (schema?.enum) expected.push(either(schema.enum.map((v) => `'${String(v)}'`)));
      else for (const t of ([] as JsonType[]).concat((e.params as { type: JsonType | JsonType[] }).type)) expected.push(TYPE_PHRASES[t]);
    }
    const castable = errors.some((e) => e.keyword === 'type' && ([] as string[]).concat((e.params as { type: string | string[] }).type).some((t) => t !== 'object' && t !== 'array'));
    if (!expected.length || (at.deferred && castable)) return;
    this.add({ range: this.valueRange(at), message: `${label(segments)} must be ${either([...new Set(expected)])} (got ${shown(data)})` });
  }

  private unknownKey(path: string, segments: Segment[], error: ErrorObject, data: unknown, suggested: Set<string>): void {
    const key = String((error.params as { additionalProperty: string }).additionalProperty);
    const at = this.instance.at.get(`${path}/${pointerSegment(key)}`);
    if (!at?.key) return;
    const range = this.model.rangeOf(at.key);
    const schema = (error.parentSchema ?? {}) as SchemaNode;
    if (!schema.properties) {
      const kind = segments.length === 1 && !segments[0].index ? SECTIONS[segments[0].key] : undefined;
      const rules = Object.keys(schema.patternProperties ?? {}).map((p) => NAME_PATTERNS[p]).filter(Boolean);
      const subject = key === '' ? 'An empty key' : `'${key}'`;
      const what = kind ? `a valid ${kind} name` : `a valid key ${where(segments)}`;
      this.add({ range, message: `${subject} is not ${what}${rules.length ? `: ${rules[0]}` : ''}.` });
      return;
    }
    const present = new Set(Object.keys(data as object));
    const names = closestNames(
      key,
      Object.keys(schema.properties).filter((p) => !present.has(p)),
    );
    names.forEach((n) => suggested.add(n));
    const extension = schema.patternProperties && '^x-' in schema.patternProperties;
    const hint = names.length ? didYouMean(names) : extension ? " Custom keys must start with 'x-'." : '';
    const subject = segments.length === 0 ? `Unknown top-level key '${key}'.` : `Unknown key '${key}' ${where(segments)}.`;
    this.add({ range, message: `${subject}${hint}`, replacement: names.length === 1 ? { node: at.key, text: names[0] } : undefined });
  }

  private duplicate(path: string, segments: Segment[], error: ErrorObject, data: unknown): void {
    const { i, j } = error.params as { i: number; j: number };
    const later = Math.max(i, j);
    const at = this.instance.at.get(`${path}/${later}`);
    if (!at) return;
    const item = (data as unknown[])[later];
    const what = item !== null && typeof item === 'object' ? 'the same entry' : shown(item);
    this.add({ range: this.valueRange(at), message: `${label(segments)} already lists ${what}: Compose rejects duplicate entries.` });
  }

  private badValue(at: Located, segments: Segment[], error: ErrorObject, data: unknown): void {
    const subject = label(segments);
    const got = `(got ${shown(data)})`;
    if (error.keyword === 'minimum' || error.keyword === 'maximum') {
      const { limit } = error.params as { limit: number };
      this.add({ range: this.valueRange(at), message: `${subject} must be at ${error.keyword === 'minimum' ? 'least' : 'most'} ${limit} ${got}` });
      return;
    }
    let rule: string;
    let values: string[] = [];
    if (error.keyword === 'enum') {
      values = (error.params as { allowedValues: unknown[] }).allowedValues.map(String);
      rule = `one of: ${values.join(', ')}`;
    } else {
      const pattern = String((error.params as { pattern: string }).pattern);
      const known = PATTERNS[pattern];
      rule = known?.rule ?? `text matching the pattern ${pattern}`;
      values = known?.values ?? [];
    }
    this.reportValue(at, `${subject} must be ${rule} ${got}`, data, values);
  }

  /** Reports a wrong value, suggesting the allowed one it most resembles. */
  private reportValue(at: Located, message: string, data: unknown, values: string[]): void {
    const names = typeof data === 'string' ? closestNames(data, values) : [];
    const node = at.node;
    this.add({
      range: this.valueRange(at),
      message: names.length ? `${message}.${didYouMean(names)}` : message,
      replacement: names.length === 1 && isScalar(node) ? { node, text: names[0] } : undefined,
    });
  }

  /** The restart policies the specification lists in prose, which the schema leaves as any string. */
  checkRestart(): void {
    for (const [name, service] of Object.entries(servicesOf(this.instance.value) ?? {})) {
      const restart = isPlain(service) ? service.restart : undefined;
      if (typeof restart !== 'string' || RESTART.test(restart)) continue;
      const at = this.instance.at.get(`/services/${pointerSegment(name)}/restart`);
      if (!at || at.deferred) continue;
      this.reportValue(at, `'restart' must be one of: ${RESTART_POLICIES.join(', ')} (got ${shown(restart)})`, restart, RESTART_POLICIES);
    }
  }
}

/**
 * Everything that keeps Compose from accepting the file: YAML syntax errors first (the
 * schema is not checked on a file that does not parse), then breaches of the Compose
 * specification's schema, checked on the value Compose sees (merge keys and aliases
 * resolved, `!reset` entries dropped, interpolated values given the benefit of the doubt).
 */
export function schemaProblems(model: ComposeModel): SchemaProblem[] {
  const syntax = yamlSyntaxProblems(model);
  if (syntax.length) return syntax;
  const contents = model.doc.contents;
  // An empty file (or one of comments only) is a file still being written.
  if (!contents || (isScalar(contents) && contents.value === null)) return [];
  const instance = composeInstance(model);
  if (instance.runaway) {
    const message = 'Invalid YAML: the aliases here expand into far more data than the file holds. Compose refuses such files, which can exhaust memory.';
    return [{ range: model.rangeOf(instance.runaway), message }];
  }
  const explainer = new Explainer(model, instance);
  explainer.explain(validationErrors(instance.value));
  explainer.checkRestart();
  return explainer.list();
}
