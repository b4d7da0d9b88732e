import { isAlias, isScalar, visit, type Document } from 'yaml';

/**
 * Every node of a YAML document in order, with its kind, offsets, value and properties: two
 * documents with equal shapes are the same tree, so a spliced parse can be compared with a
 * fresh one.
 */
export function yamlShape(doc: Document): unknown[] {
  const nodes: unknown[] = [doc.range, doc.errors.length, doc.warnings.length];
  visit(doc, {
    Node(key, node) {
      // yaml makes a new symbol for every `<<` merge key it reads under `%YAML 1.1`.
      const value = isScalar(node) && typeof node.value === 'symbol' ? `symbol ${node.value.description ?? ''}` : isScalar(node) ? node.value : undefined;
      const own = isScalar(node) ? [value, node.type] : isAlias(node) ? node.source : (node as { flow?: boolean }).flow;
      nodes.push([key, node.constructor.name, node.range, own, node.anchor, node.tag]);
    },
  });
  return nodes;
}
