import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, isScalar, type Scalar } from 'yaml';
import { ComposeModel } from './model';

/** The scalar under `a:` → `b:`. */
function valueOfB(model: ComposeModel): Scalar {
  const root = model.doc.contents;
  const a = isMap(root) ? root.items[0].value : undefined;
  const b = isMap(a) ? a.items[0].value : undefined;
  assert.ok(isScalar(b));
  return b;
}

test('a lone carriage return breaks the line, as in YAML 1.2 and the LSP: the value before it ends there', () => {
  // The yaml package alone reads a lone \r into the scalar before it.
  for (const text of ['a:\r\n  b: secret\r', 'a:\r\n  b: secret\r\n', 'a:\r  b: secret\r  c: other\r']) {
    const model = new ComposeModel(text);
    const b = valueOfB(model);
    assert.equal(b.value, 'secret', JSON.stringify(text));
    assert.deepEqual(model.rangeOf(b), { start: { line: 1, character: 5 }, end: { line: 1, character: 11 } }, JSON.stringify(text));
    assert.deepEqual(model.doc.errors, [], JSON.stringify(text));
  }
});

