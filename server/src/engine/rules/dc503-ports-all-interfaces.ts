import type { ComposeModel } from '../compose/model';
import { bindingOf, bindToLoopback, describePort, portEntries, portNode } from '../compose/ports';
import type { ComposeRule, RuleContext } from '../rule';
import type { Fix } from '../types';

export const dc503: ComposeRule = {
  id: 'DC503',
  name: 'ports-all-interfaces',
  severity: 'off',
  language: 'dockercompose',
  fix: 'Bind to 127.0.0.1',
  docs: {
    summary: 'A published port has no host IP, so it listens on all host interfaces.',
    why: "Without a host IP, Docker publishes a port on every interface of the host and opens it in its own firewall rules, ahead of host firewalls such as ufw. A service meant for the developer's browser becomes reachable from the whole network. Write the host IP: 127.0.0.1 for this machine only, or an explicit 0.0.0.0 when others should connect.",
  },
  check(model: ComposeModel, context: RuleContext) {
    const seen = new Set<object>();
    for (const service of model.services) {
      for (const entry of portEntries(model, service)) {
        // An explicit 0.0.0.0 or :: says all interfaces on purpose.
        if (seen.has(entry.node) || (entry.hostIp ?? '') !== '' || bindingOf(entry.hostIp) !== 'all') continue;
        seen.add(entry.node);
        const fixes: Fix[] = [];
        const bind = bindToLoopback(model, entry);
        if (bind) fixes.push({ title: `Bind to 127.0.0.1: publish ${describePort(entry)} on this machine only`, edits: bind, preferred: true });
        context.report({
          range: model.rangeOf(portNode(model, entry)),
          message: `'${service.name}' publishes ${describePort(entry)} on all host interfaces, so other machines can connect to it. Bind it to 127.0.0.1 unless they need to, or write 0.0.0.0 to say so.`,
          fixes,
        });
      }
    }
  },
};
