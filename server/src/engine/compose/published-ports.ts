import { isScalar, type Node } from 'yaml';
import { substitute } from '../variables';
import type { ComposeModel, Service } from './model';
import { portEntries, portNode } from './ports';

/** A host port range a service binds: `[first, last]` on one address and protocol. */
export interface PublishedPort {
  /** `''` for every interface (unset, `0.0.0.0` or `::`), else the address, brackets removed. */
  hostIp: string;
  /** `4` or `6` when `hostIp` is empty because of an any-address of that family; undefined for both. */
  family?: 4 | 6;
  first: number;
  last: number;
  protocol: string;
  /** Where it is written: the short-syntax item, or the long syntax's `published` value. */
  node: Node;
  /** The short-syntax text (`127.0.0.1:80:80`); undefined for the long syntax. */
  spec?: string;
}

const NO_VARIABLES = new Map<string, string | undefined>();

function range(text: string): [number, number] | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(text.trim());
  if (!m) return undefined;
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  return first > 0 && last >= first && last <= 65535 ? [first, last] : undefined;
}

function address(ip: string): Pick<PublishedPort, 'hostIp' | 'family'> {
  const bare = ip.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === '0.0.0.0') return { hostIp: '', family: 4 };
  if (bare === '::') return { hostIp: '', family: 6 };
  return { hostIp: bare };
}

/** The fixed host ports a service publishes, variables read as their defaults; ephemeral and unknown ones left out. */
export function publishedPorts(model: ComposeModel, service: Service): PublishedPort[] {
  const out: PublishedPort[] = [];
  for (const entry of portEntries(model, service)) {
    const published = entry.published === undefined ? undefined : substitute(entry.published, NO_VARIABLES);
    const ports = published === undefined ? undefined : range(published);
    const ip = substitute(entry.hostIp ?? '', NO_VARIABLES);
    const protocol = substitute(entry.protocol ?? 'tcp', NO_VARIABLES);
    if (!ports || ip === undefined || protocol === undefined) continue;
    const spec = isScalar(entry.node) ? model.scalarText(entry.node) : undefined;
    out.push({ ...address(ip), first: ports[0], last: ports[1], protocol: protocol.toLowerCase(), node: portNode(model, entry), spec });
  }
  return out;
}

/** True when both bind the same port on an address they share. */
export function portsClash(a: PublishedPort, b: PublishedPort): boolean {
  if (a.protocol !== b.protocol || a.last < b.first || b.last < a.first) return false;
  if (a.hostIp === b.hostIp) return a.hostIp !== '' || a.family === undefined || b.family === undefined || a.family === b.family;
  const any = a.hostIp === '' ? a : b.hostIp === '' ? b : undefined;
  if (!any) return false;
  const other = any === a ? b : a;
  return any.family === undefined || (any.family === 6) === other.hostIp.includes(':');
}

/** The first port two ranges share, for messages. */
export function sharedPort(a: PublishedPort, b: PublishedPort): number {
  return Math.max(a.first, b.first);
}
