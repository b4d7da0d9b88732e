import { isAlias, isMap, isNode, isPair, isScalar, isSeq, type Alias, type Document, type Node, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { LineIndex } from '../text';
import { parseLaterDocuments, parseYaml } from './reparse';
import type { Range } from '../types';

export type YamlNode = Node;

/** A key/value of a mapping, after aliases and `<<` merge keys are resolved. */
export interface Entry {
  key: string;
  keyNode: Scalar;
  /** The value, aliases resolved; null for an empty value. */
  value: YamlNode | null;
  pair: Pair;
  /** True when the entry comes from a `<<` merge, not the mapping's own text. */
  merged: boolean;
}

export interface Service {
  name: string;
  keyNode: Scalar;
  node: YAMLMap;
}

const MAX_ALIAS_DEPTH = 64;

/**
 * A mapping key as text. Under a `%YAML 1.1` directive yaml reads a `<<` key as a merge
 * symbol; Compose's YAML reader takes `<<` as a merge key whatever the version, so both
 * read as `<<`.
 */
export function keyText(key: Scalar): string {
  return typeof key.value === 'symbol' ? (key.value.description ?? '') : String(key.value);
}

/** Whether a mapping key is the merge key `<<`, read either way (see `keyText`). */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && keyText(key) === '<<';
}

/** Whether a mapping merges other mappings in (`<<: *base`). */
export function hasMergeKey(map: YAMLMap): boolean {
  return map.items.some((pair) => isMergeKey(pair.key));
}

interface NodeFacts {
  targets: Map<Alias, Node>;
  aliases: Alias[];
  quotes: { single: number; double: number };
}

/** One parse of a Compose file; every range conversion goes through `rangeOf`. */
export class ComposeModel {
  readonly doc: Document;
  readonly lines: LineIndex;
  readonly root: YAMLMap | undefined;
  readonly services: Service[];
  readonly servicesByName: ReadonlyMap<string, Service>;
  private nodeFacts?: NodeFacts;
  /** `entries` of each mapping asked for, since rules ask for the same mappings' entries many times. */
  private readonly entryMemo = new WeakMap<YAMLMap, readonly Entry[]>();

  /** Every document of the file, when this is the first; `null`: too many to read. */
  private all?: readonly ComposeModel[] | null;
  /** The file's first document, when this is a later one. */
  private readonly first?: ComposeModel;

  /**
   * `previous`: the same document's last parse, which this one takes over (see `parseYaml`).
   * `later`: a later document of the file, already parsed, with the file's first document.
   */
  constructor(
    readonly text: string,
    previous?: ComposeModel,
    later?: { doc: Document; first: ComposeModel },
  ) {
    this.lines = later?.first.lines ?? new LineIndex(text);
    this.doc = later?.doc ?? parseYaml(text, previous);
    this.first = later?.first;
    const contents = this.doc.contents;
    this.root = isMap(contents) ? contents : undefined;
    this.services = this.collectServices();
    this.servicesByName = new Map(this.services.map((s) => [s.name, s]));
  }

  /**
   * Every YAML document of the file in order, this one among them, each a model over the same
   * text; undefined when there are too many to read. Compose merges them in order, as it
   * merges files given with `-f`.
   */
  documents(): readonly ComposeModel[] | undefined {
    if (this.first) return this.first.documents();
    if (this.all === undefined) {
      const several = this.doc.errors.some((e) => e.code === 'MULTIPLE_DOCS');
      const later = several ? parseLaterDocuments(this.text)?.map((doc) => new ComposeModel(this.text, undefined, { doc, first: this })) : [];
      this.all = later ? [this, ...later] : null;
    }
    return this.all ?? undefined;
  }

  /** The documents the checks read: every one, or only this one when there are too many. */
  readDocuments(): readonly ComposeModel[] {
    return this.documents() ?? [this];
  }

  rangeOf(node: { range?: [number, number, number] | null }): Range {
    const r = node.range ?? [0, 0, 0];
    return this.lines.range(r[0], r[1]);
  }

  /**
   * Every alias with the node its anchor stands on: the last node carrying that anchor
   * before the alias, as YAML defines it. Built in one walk on first use, where yaml's own
   * `Alias.resolve` walks the whole document on each call.
   */
  aliasTargets(): ReadonlyMap<Alias, Node> {
    return this.facts().targets;
  }

  /** Every alias in the file, in text order, whether its anchor exists or not. */
  aliases(): readonly Alias[] {
    return this.facts().aliases;
  }

  /** How many strings the file writes in single and in double quotes. */
  quoteCounts(): { single: number; double: number } {
    return this.facts().quotes;
  }

  /**
   * One walk over the document answers everything above, since each walk costs a few
   * milliseconds on a large file; written out rather than through yaml's `visit`, which
   * builds a path for every node and took most of that time.
   */
  private facts(): NodeFacts {
    if (this.nodeFacts) return this.nodeFacts;
    const facts: NodeFacts = { targets: new Map(), aliases: [], quotes: { single: 0, double: 0 } };
    const anchors = new Map<string, Node>();
    const walk = (node: unknown): void => {
      if (isAlias(node)) {
        facts.aliases.push(node);
        const target = anchors.get(node.source);
        if (target) facts.targets.set(node, target);
        return;
      }
      if (!isNode(node)) return;
      if (node.anchor) anchors.set(node.anchor, node);
      if (isScalar(node)) {
        if (node.type === 'QUOTE_SINGLE') facts.quotes.single++;
        else if (node.type === 'QUOTE_DOUBLE') facts.quotes.double++;
        return;
      }
      for (const item of (node as YAMLMap | YAMLSeq).items) {
        if (isPair(item)) {
          walk(item.key);
          walk(item.value);
        } else walk(item);
      }
    };
    walk(this.doc.contents);
    return (this.nodeFacts = facts);
  }

  /** Follows aliases to the node they stand for. */
  resolve(node: unknown): YamlNode | null {
    let current = node;
    for (let depth = 0; isAlias(current) && depth < MAX_ALIAS_DEPTH; depth++) current = this.aliasTargets().get(current) ?? null;
    return current && !isAlias(current) ? (current as YamlNode) : null;
  }

  /** The entries of a mapping: its own pairs first, then what `<<` merges in (own keys win). */
  entries(map: YAMLMap): readonly Entry[] {
    let entries = this.entryMemo.get(map);
    if (!entries) this.entryMemo.set(map, (entries = this.readEntries(map, new Set())));
    return entries;
  }

  /**
   * `merging` holds the mappings whose merges are being read, so a merge that leads back
   * to one of them (`a: &a {<<: [*a, *a]}`) adds nothing instead of growing without end.
   */
  private readEntries(map: YAMLMap, merging: ReadonlySet<YAMLMap>): Entry[] {
    const own: Entry[] = [];
    const merged: Entry[] = [];
    const inner = new Set(merging).add(map);
    for (const pair of map.items) {
      const keyNode = pair.key;
      if (!isScalar(keyNode)) continue;
      const key = keyText(keyNode);
      if (key === '<<') {
        for (const source of this.mergeSources(pair.value)) {
          if (inner.has(source) || inner.size > MAX_ALIAS_DEPTH) continue;
          for (const entry of this.readEntries(source, inner)) merged.push({ ...entry, merged: true });
        }
        continue;
      }
      own.push({ key, keyNode, value: this.resolve(pair.value), pair, merged: false });
    }
    const seen = new Set(own.map((e) => e.key));
    for (const entry of merged) {
      if (!seen.has(entry.key)) {
        seen.add(entry.key);
        own.push(entry);
      }
    }
    return own;
  }

  get(map: YamlNode | null | undefined, key: string): Entry | undefined {
    return isMap(map) ? this.entries(map).find((e) => e.key === key) : undefined;
  }

  mapAt(map: YamlNode | null | undefined, key: string): YAMLMap | undefined {
    const value = this.get(map, key)?.value;
    return isMap(value) ? value : undefined;
  }

  /** The string form of a scalar value (numbers and booleans as written by YAML). */
  scalarText(node: YamlNode | null | undefined): string | undefined {
    if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
    return String(node.value);
  }

  /**
   * Offset of the scalar's first value character in the text, when the written form maps
   * one-to-one onto the value (plain, or quoted without escapes or line breaks).
   */
  valueOffset(node: Scalar): number | undefined {
    const [start, end] = node.range ?? [0, 0, 0];
    const written = this.text.slice(start, end);
    const value = String(node.value);
    if (node.type === 'PLAIN' && written === value) return start;
    if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && written.slice(1, -1) === value) return start + 1;
    return undefined;
  }

  private mergeSources(value: unknown): YAMLMap[] {
    const resolved = this.resolve(value);
    if (isMap(resolved)) return [resolved];
    if (isSeq(resolved)) return (resolved as YAMLSeq).items.map((i) => this.resolve(i)).filter((n): n is YAMLMap => isMap(n));
    return [];
  }

  private collectServices(): Service[] {
    const services = this.mapAt(this.root, 'services');
    if (!services) return [];
    return this.entries(services)
      .filter((e) => isMap(e.value))
      .map((e) => ({ name: e.key, keyNode: e.keyNode, node: e.value as YAMLMap }));
  }
}
