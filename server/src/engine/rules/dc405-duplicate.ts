import { isMap, isPair, isScalar, isSeq, type Node, type Scalar, type YAMLMap } from 'yaml';
import { isMergeKey, type ComposeModel, type Service } from '../compose/model';
import { portsClash, publishedPorts, sharedPort, type PublishedPort } from '../compose/published-ports';
import type { ComposeRule, RuleContext } from '../rule';
import type { Range } from '../types';
import { substitute } from '../variables';

const NO_VARIABLES = new Map<string, string | undefined>();
const MAX_DEPTH = 200;

/** 1-based, as editors show line numbers. */
function lineOf(model: ComposeModel, node: Node): number {
  return model.rangeOf(node).start.line + 1;
}

/**
 * Every mapping in the document, nested ones included; aliases are not followed,
 * since the anchored node is walked where it is written.
 */
function mappings(root: unknown): YAMLMap[] {
  const out: YAMLMap[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (isMap(node)) {
      out.push(node);
      for (const pair of node.items) {
        walk(pair.key, depth + 1);
        walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) walk(isPair(item) ? item.value : item, depth + 1);
    }
  };
  walk(root, 0);
  return out;
}

function duplicateKeys(model: ComposeModel, context: RuleContext): void {
  for (const map of mappings(model.doc.contents)) {
    const first = new Map<string, Scalar>();
    for (const pair of map.items) {
      const key = pair.key;
      if (!isScalar(key) || isMergeKey(key)) continue;
      const id = `${typeof key.value}:${String(key.value)}`;
      const earlier = first.get(id);
      if (!earlier) {
        first.set(id, key);
        continue;
      }
      context.report({
        range: model.rangeOf(key),
        message: `'${String(key.value)}' is already a key of this mapping on line ${lineOf(model, earlier)}, and Compose refuses a file with duplicate keys. Remove one of them or merge their values.`,
      });
    }
  }
}

function profiles(model: ComposeModel, service: Service): Set<string> {
  const value = model.get(service.node, 'profiles')?.value;
  const names = isSeq(value) ? value.items.map((i) => model.scalarText(model.resolve(i))).filter((n): n is string => n !== undefined) : [];
  return new Set(names);
}

/** Services that can run at the same time: one of them always runs, or they share a profile. */
function mayRunTogether(a: Set<string>, b: Set<string>): boolean {
  return a.size === 0 || b.size === 0 || [...a].some((p) => b.has(p));
}

/** Where to point at a node a service has through a merge key: the node when written in the service, else the service's name. */
function siteOf(model: ComposeModel, service: Service, node: Node): Range {
  const [start, end] = service.node.range ?? [0, 0];
  const [at] = node.range ?? [-1];
  return at >= start && at < end ? model.rangeOf(node) : model.rangeOf(service.keyNode);
}

/** The clashing host port as a reader would write it: `[ip:]port[/protocol]`. */
function label(port: PublishedPort, shared: number): string {
  const ip = port.hostIp ? `${port.hostIp.includes(':') ? `[${port.hostIp}]` : port.hostIp}:` : '';
  return `${ip}${shared}${port.protocol === 'tcp' ? '' : `/${port.protocol}`}`;
}

function duplicatePorts(model: ComposeModel, context: RuleContext, runnable: Service[]): void {
  const seen: { service: Service; port: PublishedPort; profiles: Set<string> }[] = [];
  const reported = new Set<string>();
  for (const service of runnable) {
    const own = profiles(model, service);
    for (const port of publishedPorts(model, service)) {
      const earlier = seen.find((s) => {
        if (!mayRunTogether(s.profiles, own) || !portsClash(s.port, port)) return false;
        // Compose drops an entry written twice in one service.
        return s.service !== service || port.spec === undefined || s.port.spec !== port.spec;
      });
      seen.push({ service, port, profiles: own });
      if (!earlier) continue;
      const range = siteOf(model, service, port.node);
      const key = `${range.start.line}:${range.start.character}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const where = earlier.service === service ? `'${service.name}' already publishes it on line ${lineOf(model, earlier.port.node)}` : `'${earlier.service.name}' publishes it too (line ${lineOf(model, earlier.port.node)})`;
      context.report({
        range,
        message: `Host port '${label(port, sharedPort(earlier.port, port))}' is published twice: ${where}, so the container that starts second fails. Publish another host port.`,
      });
    }
  }
}

function duplicateContainerNames(model: ComposeModel, context: RuleContext): void {
  const seen: { service: Service; name: string; node: Node; profiles: Set<string> }[] = [];
  for (const service of model.services) {
    const node = model.get(service.node, 'container_name')?.value;
    const written = isScalar(node) ? model.scalarText(node) : undefined;
    const name = written === undefined ? undefined : substitute(written, NO_VARIABLES);
    if (!node || !name) continue;
    const own = profiles(model, service);
    const earlier = seen.find((s) => s.name === name && mayRunTogether(s.profiles, own));
    seen.push({ service, name, node, profiles: own });
    if (!earlier) continue;
    context.report({
      range: siteOf(model, service, node),
      message: `Container name '${name}' is already used by '${earlier.service.name}' (line ${lineOf(model, earlier.node)}), and container names must be unique. Rename one, or remove 'container_name' and let Compose name the containers.`,
    });
  }
}

/** `network_mode: host` drops `ports`, and `service:`/`container:` modes cannot publish at all. */
function publishes(model: ComposeModel, service: Service): boolean {
  const mode = model.scalarText(model.get(service.node, 'network_mode')?.value);
  return mode === undefined || !(mode === 'host' || mode === 'none' || mode.startsWith('service:') || mode.startsWith('container:'));
}

export const dc405: ComposeRule = {
  id: 'DC405',
  name: 'duplicate',
  severity: 'error',
  language: 'dockercompose',
  peers: ['no-duplicate-container-names', 'no-duplicate-exported-ports'],
  docs: {
    summary: 'Two services publish the same host port or use the same container name, or a mapping repeats a key.',
    why: 'A host port can be bound once per address and protocol, and a container name once per Docker host: whichever service starts second fails. A key written twice in one mapping makes Compose reject the file, and where another YAML tool accepts it, the later value silently wins.',
  },
  check(model: ComposeModel, context: RuleContext) {
    duplicateKeys(model, context);
    duplicatePorts(model, context, model.services.filter((s) => publishes(model, s)));
    duplicateContainerNames(model, context);
  },
};
