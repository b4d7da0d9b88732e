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
      const own = isScalar(node) ? [node.value, node.type] : isAlias(node) ? node.source : (node as { flow?: boolean }).flow;
      nodes.push([key, node.constructor.name, node.range, own, node.anchor, node.tag]);
    },
  });
  return nodes;
}
