import { isAlias, isMap, isScalar, isSeq, type Alias, type Scalar } from 'yaml';
import { hasMergeKey, type ComposeModel, type Entry, type YamlNode } from './model';

/** Where one value of the file is written. */
export interface Located {
  /** The node holding the value, aliases followed; null when the key has no value node. */
  node: YamlNode | null;
  /** The key the value stands under, when its parent is a mapping. */
  key?: Scalar;
  /**
   * Set for a scalar Compose only knows after interpolation (`${CPUS:-0.5}` may become a
   * number) or that carries a custom tag: its type and format are not checked as written.
   */
  deferred?: 'interpolated' | 'tagged';
}

/** The node behind each JSON-pointer path of the instance. */
export interface Locations {
  get(path: string): Located | undefined;
}

/**
 * The Compose file as the plain value Compose validates (merge keys and aliases resolved,
 * `!reset` entries removed), with the node behind every JSON-pointer path.
 */
export interface ComposeInstance {
  value: unknown;
  at: Locations;
  /**
   * Set when aliases expand into far more data than the text holds (an "alias bomb"):
   * the alias whose expansion was stopped. `value` is then null.
   */
  runaway?: Alias;
}

/** A JSON-pointer segment, escaped the way JSON Schema validators report paths. */
export function pointerSegment(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointerSegments(path: string): string[] {
  return path === '' ? [] : path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const INTERPOLATION = /\$(?:\{|[A-Za-z_])/;
const STANDARD_TAG = /^tag:yaml\.org,2002:/;

function deferral(node: YamlNode | null): Located['deferred'] {
  if (!isScalar(node)) return undefined;
  if (node.tag && !STANDARD_TAG.test(node.tag)) return 'tagged';
  return typeof node.value === 'string' && INTERPOLATION.test(node.value.replace(/\$\$/g, '')) ? 'interpolated' : undefined;
}

/** `!reset` removes the key before Compose validates the file. */
function isReset(node: unknown): boolean {
  return (isScalar(node) || isMap(node) || isSeq(node)) && node.tag === '!reset';
}

/**
 * How much of what is read may come through aliases, as go-yaml (which Compose uses) allows
 * before it gives up on a document: nearly all of a small one, a tenth of a huge one.
 */
function allowedAliasShare(read: number): number {
  if (read <= 400_000) return 0.99;
  if (read >= 4_000_000) return 0.1;
  return 0.99 - (0.89 * (read - 400_000)) / 3_600_000;
}

/** Past this many values read, any further alias expansion counts as running away. */
const MAX_READ = 1_000_000;
/** Deeper values are left out (and not judged) rather than overflow the stack. */
const MAX_DEPTH = 500;

class Runaway extends Error {
  constructor(readonly alias: Alias) {
    super('alias expansion runs away');
  }
}

function scalarValue(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** Sets a key of a plain value: defined rather than assigned, so a `__proto__` key stays an ordinary key. */
export function defineKey(out: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
}

const SERVICES = '/services/';

/** Paths under a service are looked up in that service's own table, which is reused with its conversion. */
class PathIndex implements Locations {
  readonly top = new Map<string, Located>();
  /** By the service's path segment; paths relative to the service (its own value at ''). */
  readonly services = new Map<string, ReadonlyMap<string, Located>>();

  get(path: string): Located | undefined {
    if (path.startsWith(SERVICES)) {
      const end = path.indexOf('/', SERVICES.length);
      const own = this.services.get(path.slice(SERVICES.length, end < 0 ? undefined : end));
      if (own) return own.get(end < 0 ? '' : path.slice(end));
    }
    return this.top.get(path);
  }
}

/** A service's conversion and how many values it read. */
interface Conversion {
  value: unknown;
  at: ReadonlyMap<string, Located>;
  read: number;
}

/**
 * Conversions of services that neither follow an alias nor meet a merge key, kept on the
 * service's mapping node: they depend on that node's subtree alone, and an edit elsewhere in
 * the file leaves the node in place (see `parseYaml`), where an edit inside it replaces it.
 * Typing in one service of a large file then converts that service only.
 */
const conversions = new WeakMap<YamlNode, Conversion>();

export function composeInstance(model: ComposeModel): ComposeInstance {
  const index = new PathIndex();
  // Nodes being converted: an alias back into one of them would recurse forever.
  const open = new Set<YamlNode>();
  // The aliases being expanded, outermost first, and how much was read in all and through them.
  const aliases: Alias[] = [];
  let read = 0;
  let readThroughAliases = 0;
  // Aliases followed and merge keys met: a conversion that meets none depends on its own nodes only.
  let detours = 0;

  const convert = (raw: unknown, path: string, key: Scalar | undefined, depth: number, at: Map<string, Located>): unknown => {
    if (isAlias(raw)) {
      aliases.push(raw);
      detours++;
      try {
        return convert(model.resolve(raw), path, key, depth, at);
      } finally {
        aliases.pop();
      }
    }
    read++;
    if (aliases.length) {
      readThroughAliases++;
      if (read > MAX_READ || (read > 1000 && readThroughAliases > 100 && readThroughAliases / read > allowedAliasShare(read))) throw new Runaway(aliases[0]);
    }
    const node = (raw ?? null) as YamlNode | null;
    if (depth > MAX_DEPTH) {
      at.set(path, { node, key, deferred: 'tagged' });
      return null;
    }
    at.set(path, { node, key, deferred: deferral(node) });
    if (!node || open.has(node)) return null;
    if (isMap(node)) {
      open.add(node);
      const services = path === '/services' && at === index.top && aliases.length === 0;
      const out: Record<string, unknown> = {};
      // What a merge key brings in can change with the mapping's own pairs unchanged, even where its own keys win today.
      if (hasMergeKey(node)) detours++;
      for (const entry of model.entries(node)) {
        // Duplicate keys are DC405's to report; the first one counts here.
        if (isReset(entry.pair.value) || Object.prototype.hasOwnProperty.call(out, entry.key)) continue;
        const value = services
          ? convertService(entry, depth + 1)
          : convert(entry.pair.value, `${path}/${pointerSegment(entry.key)}`, entry.keyNode, depth + 1, at);
        defineKey(out, entry.key, value);
      }
      open.delete(node);
      return out;
    }
    if (isSeq(node)) {
      open.add(node);
      const out = node.items.map((item, i) => convert(item, `${path}/${i}`, undefined, depth + 1, at));
      open.delete(node);
      return out;
    }
    return isScalar(node) ? scalarValue(node.value) : null;
  };

  const convertService = (entry: Entry, depth: number): unknown => {
    const segment = pointerSegment(entry.key);
    const raw = entry.pair.value;
    const reusable = !entry.merged && isMap(raw);
    const kept = reusable ? conversions.get(raw) : undefined;
    if (kept) {
      read += kept.read;
      index.services.set(segment, kept.at);
      return kept.value;
    }
    const at = new Map<string, Located>();
    const [readBefore, detoursBefore] = [read, detours];
    const value = convert(raw, '', entry.keyNode, depth, at);
    index.services.set(segment, at);
    if (reusable && detours === detoursBefore) conversions.set(raw, { value, at, read: read - readBefore });
    return value;
  };

  try {
    return { value: convert(model.doc.contents, '', undefined, 0, index.top), at: index };
  } catch (error) {
    if (error instanceof Runaway) return { value: null, at: index, runaway: error.alias };
    throw error;
  }
}
