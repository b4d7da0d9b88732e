import { isMap, isScalar, isSeq, type Scalar, type YAMLMap } from 'yaml';
import { substitute } from '../variables';
import type { ComposeModel, Entry, Service, YamlNode } from './model';

/** What a service can name: another service, or a top-level definition. */
export type ReferenceKind = 'service' | 'network' | 'volume' | 'secret' | 'config';
export type DefinitionKind = Exclude<ReferenceKind, 'service'>;

/** The top-level section that defines each kind. */
export const SECTIONS: Record<DefinitionKind, string> = { network: 'networks', volume: 'volumes', secret: 'secrets', config: 'configs' };

export interface Reference {
  kind: ReferenceKind;
  /** The name Compose looks up; undefined when it comes from a variable without a default. */
  name: string | undefined;
  /** The scalar that holds the name. */
  node: Scalar;
  /** Document offsets of the name inside the text, when it is written there as-is. */
  span?: [number, number];
  /** The service whose configuration holds the reference. */
  service: Service;
  /** The key that holds it: `depends_on`, `links`, `networks`, `build.secrets`… */
  via: string;
  /** Written with `${…}`: what Compose looks up depends on the environment. */
  interpolated: boolean;
}

const NO_VARIABLES = new Map<string, string | undefined>();

/**
 * A reference to the first `length` characters of `text` (the scalar's value) or to the
 * part starting at `skip`. Interpolated names resolve to their default, if any.
 */
function reference(model: ComposeModel, service: Service, kind: ReferenceKind, via: string, node: Scalar, text: string, skip = 0, length = text.length - skip): Reference {
  const written = text.slice(skip, skip + length);
  const interpolated = written.includes('$');
  const name = interpolated ? substitute(written, NO_VARIABLES) : written;
  const start = model.valueOffset(node);
  const span: [number, number] | undefined = start === undefined || interpolated ? undefined : [start + skip, start + skip + length];
  return { kind, name: name === '' ? undefined : name, node, span, service, via, interpolated };
}

function scalarItems(model: ComposeModel, value: YamlNode | null): Scalar[] {
  if (!isSeq(value)) return [];
  return value.items.map((i) => model.resolve(i)).filter((i): i is Scalar => isScalar(i) && model.scalarText(i) !== undefined);
}

/** Keys of a mapping, or the scalar items of a sequence: the two ways to list names. */
function listedNames(model: ComposeModel, value: YamlNode | null): Scalar[] {
  if (isMap(value)) return model.entries(value).map((e) => e.keyNode);
  return scalarItems(model, value);
}

/**
 * The source of a short-syntax volume (`source:target[:mode]`), split the way Compose
 * does: a Windows drive letter and `${…}` stay whole; undefined for an anonymous volume.
 */
export function shortVolumeSource(spec: string): string | undefined {
  let depth = 0;
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i];
    if (c === '$' && spec[i + 1] === '{') depth++;
    else if (c === '}' && depth > 0) depth--;
    else if (c === ':' && depth === 0 && !(i === 1 && /[A-Za-z]/.test(spec[0]))) return spec.slice(0, i);
  }
  return undefined;
}

/** Compose's test for a bind mount source: a path, not a volume name. */
export function isPathSource(source: string): boolean {
  return /^[./~]/.test(source) || source.startsWith('\\\\') || /^[A-Za-z]:/.test(source);
}

/** `secrets:` and `configs:` lists: names, or maps with a `source`. */
function sourcedItems(model: ComposeModel, service: Service, kind: ReferenceKind, via: string, value: YamlNode | null): Reference[] {
  if (!isSeq(value)) return [];
  const out: Reference[] = [];
  for (const raw of value.items) {
    const item = model.resolve(raw);
    const node = isMap(item) ? model.get(item, 'source')?.value : item;
    const text = isScalar(node) ? model.scalarText(node) : undefined;
    if (isScalar(node) && text !== undefined) out.push(reference(model, service, kind, via, node, text));
  }
  return out;
}

/** A `service:<name>` value of `network_mode`, `ipc` or `pid`. */
function servicePrefixed(model: ComposeModel, service: Service, key: string): Reference[] {
  const node = model.get(service.node, key)?.value;
  const text = isScalar(node) ? model.scalarText(node) : undefined;
  if (!isScalar(node) || !text?.startsWith('service:')) return [];
  return [reference(model, service, 'service', key, node, text, 'service:'.length)];
}

function volumeReferences(model: ComposeModel, service: Service): Reference[] {
  const value = model.get(service.node, 'volumes')?.value;
  if (!isSeq(value)) return [];
  const out: Reference[] = [];
  const add = (node: Scalar, text: string, length: number) => {
    const written = text.slice(0, length);
    // A name has no slash, and `$PWD`/`$HOME` are folders: such sources are paths whatever the values.
    if (/[/\\]/.test(written) && written.includes('$')) return;
    if (/^\$\{?(PWD|HOME)\b/.test(written)) return;
    const ref = reference(model, service, 'volume', 'volumes', node, text, 0, length);
    if (ref.name === undefined || !isPathSource(ref.name)) out.push(ref);
  };
  for (const raw of value.items) {
    const item = model.resolve(raw);
    if (isScalar(item)) {
      const text = model.scalarText(item);
      const source = text === undefined ? undefined : shortVolumeSource(text);
      if (text !== undefined && source) add(item, text, source.length);
    } else if (isMap(item)) {
      const type = model.scalarText(model.get(item, 'type')?.value);
      const source = model.get(item, 'source')?.value;
      const text = isScalar(source) ? model.scalarText(source) : undefined;
      if (type === 'volume' && isScalar(source) && text) add(source, text, text.length);
    }
  }
  return out;
}

/** Every name a service's own configuration (merge keys resolved) refers to. */
export function serviceReferences(model: ComposeModel, service: Service): Reference[] {
  const node = service.node;
  const out: Reference[] = [];
  const plain = (kind: ReferenceKind, via: string, scalar: Scalar) => {
    const text = model.scalarText(scalar);
    if (text !== undefined) out.push(reference(model, service, kind, via, scalar, text));
  };
  for (const scalar of listedNames(model, model.get(node, 'depends_on')?.value ?? null)) plain('service', 'depends_on', scalar);
  for (const scalar of scalarItems(model, model.get(node, 'links')?.value ?? null)) {
    const text = model.scalarText(scalar) as string;
    const colon = text.indexOf(':');
    out.push(reference(model, service, 'service', 'links', scalar, text, 0, colon < 0 ? text.length : colon));
  }
  for (const scalar of scalarItems(model, model.get(node, 'volumes_from')?.value ?? null)) {
    const text = model.scalarText(scalar) as string;
    if (text.startsWith('container:')) continue;
    const colon = text.indexOf(':');
    out.push(reference(model, service, 'service', 'volumes_from', scalar, text, 0, colon < 0 ? text.length : colon));
  }
  for (const key of ['network_mode', 'ipc', 'pid']) out.push(...servicePrefixed(model, service, key));
  for (const scalar of listedNames(model, model.get(node, 'networks')?.value ?? null)) plain('network', 'networks', scalar);
  out.push(...volumeReferences(model, service));
  out.push(...sourcedItems(model, service, 'secret', 'secrets', model.get(node, 'secrets')?.value ?? null));
  out.push(...sourcedItems(model, service, 'config', 'configs', model.get(node, 'configs')?.value ?? null));
  const build = model.mapAt(node, 'build');
  if (build) out.push(...sourcedItems(model, service, 'secret', 'build.secrets', model.get(build, 'secrets')?.value ?? null));
  return out;
}

function entriesOf(model: ComposeModel, map: YAMLMap | undefined): readonly Entry[] {
  return map ? model.entries(map) : [];
}

/** The entries of a top-level section (`networks`, `volumes`, …), merge keys resolved. */
export function definitions(model: ComposeModel, kind: DefinitionKind): readonly Entry[] {
  return entriesOf(model, model.mapAt(model.root, SECTIONS[kind]));
}

/** The names a set of files merged into one project define, per kind (`default` network included). */
export type KnownNames = Record<ReferenceKind, Set<string>>;

export function knownNames(models: readonly ComposeModel[]): KnownNames {
  const defined = (kind: DefinitionKind) => new Set(models.flatMap((m) => definitions(m, kind).map((e) => e.key)));
  const known: KnownNames = {
    // Every key under `services`, even one still without a body.
    service: new Set(models.flatMap((m) => entriesOf(m, m.mapAt(m.root, 'services')).map((e) => e.key))),
    network: defined('network'),
    volume: defined('volume'),
    secret: defined('secret'),
    config: defined('config'),
  };
  known.network.add('default');
  return known;
}

/** True when the reference names something defined, or cannot be judged (a variable). */
export function resolves(known: KnownNames, ref: Reference): boolean {
  return ref.name === undefined || ref.interpolated || known[ref.kind].has(ref.name);
}
