import { isMap, isScalar, isSeq, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import type { TextEdit } from '../types';
import { appendToMap, insertionEdits, quote, quoteStyle } from './insertions';
import type { ComposeModel, Service } from './model';

/** A field of a short-syntax port mapping, with its offsets in the written value. */
export interface PortField {
  text: string;
  start: number;
  end: number;
}

/** `[[IP:]HOST:]CONTAINER[/PROTOCOL]`, the short syntax of a `ports` entry. */
export interface PortSpec {
  ip?: PortField;
  published?: PortField;
  target: PortField;
  protocol?: string;
}

/**
 * Splits a short-syntax port mapping the way Docker does (the container port after the
 * last `:`, the host port before it, everything earlier is the IP, `[::1]` or `::1`),
 * keeping `${VAR:-default}` references whole.
 */
export function parsePortSpec(text: string): PortSpec | undefined {
  const colons: number[] = [];
  let slash = -1;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      depth++;
      i++;
    } else if (c === '}' && depth > 0) depth--;
    else if (depth === 0 && c === ':') colons.push(i);
    else if (depth === 0 && c === '/') slash = i;
  }
  const end = slash >= 0 && slash > (colons[colons.length - 1] ?? -1) ? slash : text.length;
  const field = (start: number, stop: number): PortField => ({ text: text.slice(start, stop), start, end: stop });
  const last = colons[colons.length - 1];
  if (last === undefined) return text.trim() ? { target: field(0, end), protocol: slash >= 0 ? text.slice(slash + 1) : undefined } : undefined;
  const target = field(last + 1, end);
  const protocol = end < text.length ? text.slice(end + 1) : undefined;
  if (colons.length === 1) return { published: field(0, last), target, protocol };
  const before = colons[colons.length - 2];
  return { ip: field(0, before), published: field(before + 1, last), target, protocol };
}

/** Where a published port listens on the host. */
export type Binding = 'all' | 'loopback' | 'specific' | 'variable';

export function bindingOf(ip: string | undefined): Binding {
  const bare = (ip ?? '').replace(/^\[(.*)\]$/, '$1');
  if (bare.includes('$')) return 'variable';
  if (bare === '' || bare === '0.0.0.0' || bare === '::') return 'all';
  if (/^127\./.test(bare) || bare === '::1') return 'loopback';
  return 'specific';
}

/** One `ports` entry. */
export interface PortEntry {
  /** The sequence item: a scalar (short syntax) or a mapping (long syntax). */
  node: Scalar | YAMLMap;
  seq: YAMLSeq;
  /** Short syntax only. */
  spec?: PortSpec;
  /** The host IP as written; undefined when none is. */
  hostIp?: string;
  /** The host port (or range) as written; undefined when Docker picks one. */
  published?: string;
  /** The container port (or range) as written. */
  target?: string;
  protocol?: string;
}

/** The `ports` entries of a service, aliases and merge keys resolved. */
export function portEntries(model: ComposeModel, service: Service): PortEntry[] {
  const seq = model.get(service.node, 'ports')?.value;
  if (!isSeq(seq)) return [];
  const out: PortEntry[] = [];
  for (const raw of seq.items) {
    const node = model.resolve(raw);
    if (isScalar(node)) {
      const text = model.scalarText(node);
      const spec = text === undefined ? undefined : parsePortSpec(text);
      // A lone variable (`- ${PORTS}`) may hold a whole mapping, host IP included.
      const opaque = spec !== undefined && spec.published === undefined && spec.target.text.includes('$');
      if (spec && !opaque) out.push({ node, seq, spec, hostIp: spec.ip?.text, published: spec.published?.text || undefined, target: spec.target.text, protocol: spec.protocol });
    } else if (isMap(node)) {
      const text = (key: string) => model.scalarText(model.get(node, key)?.value);
      out.push({ node, seq, hostIp: text('host_ip'), published: text('published'), target: text('target'), protocol: text('protocol') });
    }
  }
  return out;
}

/** Host IP of a published port made loopback-only. */
export const LOOPBACK = '127.0.0.1';

/**
 * Edits that bind a published port to 127.0.0.1: the short syntax gets the IP in front
 * (or in place of `0.0.0.0`) and comes out quoted, the long syntax gets `host_ip`.
 */
export function bindToLoopback(model: ComposeModel, entry: PortEntry): TextEdit[] | undefined {
  const { node } = entry;
  if (isScalar(node)) {
    const text = model.scalarText(node);
    const ip = entry.spec?.ip;
    if (text === undefined || !node.range) return undefined;
    const value = ip ? text.slice(0, ip.start) + LOOPBACK + text.slice(ip.end) : `${LOOPBACK}:${entry.spec?.published ? '' : ':'}${text}`;
    const style = node.type === 'QUOTE_SINGLE' ? "'" : node.type === 'QUOTE_DOUBLE' ? '"' : quoteStyle(model);
    return [{ range: model.rangeOf(node), newText: quote(value, style) }];
  }
  const hostIp = model.get(node, 'host_ip');
  if (hostIp) return !hostIp.merged && isScalar(hostIp.value) ? [{ range: model.rangeOf(hostIp.value), newText: LOOPBACK }] : undefined;
  if (node.flow) {
    const last = node.items[node.items.length - 1];
    const end = (last?.value as { range?: [number, number, number] | null } | null)?.range?.[1];
    if (end === undefined) return undefined;
    const at = model.lines.positionAt(end);
    return [{ range: { start: at, end: at }, newText: `, host_ip: ${LOOPBACK}` }];
  }
  const insertion = appendToMap(model, node, [`host_ip: ${LOOPBACK}`]);
  return insertion && insertionEdits(model, [insertion]);
}

/** The published port for messages: the host port, or the container port when Docker picks the host one. */
export function describePort(entry: PortEntry): string {
  return entry.published ? `port ${entry.published}` : `container port ${entry.target ?? '?'} on a random host port`;
}

/** Where to point at an entry: the scalar, or the long syntax's published (else target) value. */
export function portNode(model: ComposeModel, entry: PortEntry): Scalar | YAMLMap {
  if (isScalar(entry.node)) return entry.node;
  const value = model.get(entry.node, 'published')?.value ?? model.get(entry.node, 'target')?.value;
  return isScalar(value) ? value : entry.node;
}
