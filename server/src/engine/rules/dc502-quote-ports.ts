import { isScalar, isSeq, type Scalar } from 'yaml';
import { quote, quoteStyle } from '../compose/insertions';
import type { ComposeModel } from '../compose/model';
import type { ComposeRule, RuleContext } from '../rule';

/** YAML 1.1's base-60 integer: `22:22` is 22 × 60 + 22. */
const SEXAGESIMAL = /^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$/;

function base60(text: string): number {
  const sign = text.startsWith('-') ? -1 : 1;
  return sign * text.replace(/^[-+]/, '').replace(/_/g, '').split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

export const dc502: ComposeRule = {
  id: 'DC502',
  name: 'quote-ports',
  severity: 'warning',
  language: 'dockercompose',
  fix: 'Quote port',
  peers: ['require-quotes-in-ports'],
  docs: {
    summary: 'A `ports` entry with a `:` is written without quotes.',
    why: 'YAML 1.1 parsers, which many tools that read Compose files still use, turn an unquoted `22:22` into the base-60 number 1342. Compose itself reads YAML 1.2 and gets the string, so the file works until another tool reads it. Quoting every mapping removes the doubt.',
  },
  check(model: ComposeModel, context: RuleContext) {
    const seen = new Set<Scalar>();
    let style: ReturnType<typeof quoteStyle> | undefined;
    for (const service of model.services) {
      const ports = model.get(service.node, 'ports')?.value;
      if (!isSeq(ports)) continue;
      for (const raw of ports.items) {
        const item = model.resolve(raw);
        if (!isScalar(item) || item.type !== 'PLAIN' || !item.range || seen.has(item)) continue;
        const written = model.text.slice(item.range[0], item.range[1]);
        if (!written.includes(':')) continue;
        seen.add(item);
        style ??= quoteStyle(model);
        const quoted = quote(written, style);
        const message = SEXAGESIMAL.test(written)
          ? `Quote the port mapping '${written}': a YAML 1.1 parser reads it unquoted as the base-60 number ${base60(written)}.`
          : `Quote the port mapping '${written}': YAML 1.1 parsers read some unquoted mappings as base-60 numbers (22:22 becomes 1342), so Compose's documentation asks for quotes on all of them.`;
        context.report({
          range: model.rangeOf(item),
          message,
          fixes: [{ title: `Quote port: write ${quoted}`, edits: [{ range: model.rangeOf(item), newText: quoted }], preferred: true, safe: true }],
        });
      }
    }
  },
};
