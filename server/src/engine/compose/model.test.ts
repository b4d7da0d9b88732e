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

test('a plain value before a lone carriage return ends before it, on its own line', () => {
  // yaml reads the lone \r into the scalar; editors and the LSP see a line break there.
  for (const text of ['a:\r\n  b: secret\r', 'a:\r\n  b: secret\r\n']) {
    const model = new ComposeModel(text);
    assert.deepEqual(model.rangeOf(valueOfB(model)), { start: { line: 1, character: 5 }, end: { line: 1, character: 11 } }, JSON.stringify(text));
  }
});
