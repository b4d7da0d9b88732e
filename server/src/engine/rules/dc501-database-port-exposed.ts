import { isScalar, isSeq } from 'yaml';
import { contentEnd, quote, quoteStyle } from '../compose/insertions';
import type { ComposeModel, Service } from '../compose/model';
import { bindingOf, bindToLoopback, describePort, portEntries, portNode, type PortEntry } from '../compose/ports';
import { composeScope } from '../compose/environment';
import { serviceImage } from '../compose/service-image';
import { statefulImage } from '../image-facts';
import type { ComposeRule, RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

/**
 * Turns the service's only `ports` entry into an `expose` entry: the key is renamed and the
 * mapping becomes its container port. Undefined when other entries or an `expose` key exist,
 * or the list is not written in the service itself.
 */
function exposeEdits(model: ComposeModel, service: Service, entry: PortEntry): TextEdit[] | undefined {
  const ports = model.get(service.node, 'ports');
  if (!ports || ports.merged || !isSeq(ports.pair.value) || ports.pair.value.items.length !== 1 || model.get(service.node, 'expose')) return undefined;
  if (ports.keyNode.type !== 'PLAIN' || !entry.target) return undefined;
  const port = entry.protocol ? `${entry.target}/${entry.protocol}` : entry.target;
  const node = entry.node;
  let replace: TextEdit | undefined;
  if (isScalar(node)) {
    const style = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : undefined;
    replace = { range: model.rangeOf(node), newText: style ? quote(port, style) : port };
  } else {
    const end = node.flow ? node.range?.[1] : contentEnd(model, node);
    if (!node.range || end === undefined || model.text.slice(node.range[0], end).includes('#')) return undefined;
    replace = { range: model.lines.range(node.range[0], end), newText: quote(port, quoteStyle(model)) };
  }
  return [{ range: model.rangeOf(ports.keyNode), newText: 'expose' }, replace];
}

export const dc501: ComposeRule = {
  id: 'DC501',
  name: 'database-port-exposed',
  severity: 'warning',
  language: 'dockercompose',
  fix: 'Bind to 127.0.0.1',
  docs: {
    summary: 'A database, cache or broker service publishes a port on all host interfaces.',
    why: 'A published port without a host IP listens on every interface of the host, and Docker opens it in its own firewall rules, ahead of host firewalls such as ufw. Databases started from Compose files often keep development passwords or none, so anyone on the network can log in. Bind the port to 127.0.0.1 to keep access from the host, or drop the mapping when only other services connect.',
  },
  check(model: ComposeModel, context: RuleContext) {
    const seen = new Set<object>();
    for (const service of model.services) {
      const image = serviceImage(model, service, composeScope(context.files));
      if (!image || !statefulImage(image)) continue;
      for (const entry of portEntries(model, service)) {
        if (seen.has(entry.node) || bindingOf(entry.hostIp) !== 'all') continue;
        seen.add(entry.node);
        const fixes: Fix[] = [];
        const bind = bindToLoopback(model, entry);
        if (bind) fixes.push({ title: `Bind to 127.0.0.1: publish ${describePort(entry)} on this machine only`, edits: bind, preferred: true });
        const expose = exposeEdits(model, service, entry);
        if (expose) fixes.push({ title: `Use expose instead: keep port ${entry.target} inside the Compose network`, edits: expose });
        context.report({
          range: model.rangeOf(portNode(model, entry)),
          message: `'${service.name}' runs ${image.repository} and publishes ${describePort(entry)} on all host interfaces, so other machines can connect to it directly. Bind it to 127.0.0.1, or use 'expose' if only other services need it.`,
          fixes,
        });
      }
    }
  },
};
