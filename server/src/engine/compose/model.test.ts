import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMap, isScalar } from 'yaml';
import { ComposeModel } from './model';

test('a plain value before a lone carriage return ends before it, on its own line', () => {
  // yaml reads the lone \r into the scalar; editors and the LSP see a line break there.
  const model = new ComposeModel('a:\r\n  b: secret\r');
  const root = model.doc.contents;
  const a = isMap(root) ? root.items[0].value : undefined;
  const b = isMap(a) ? a.items[0].value : undefined;
  assert.ok(isScalar(b));
  assert.deepEqual(model.rangeOf(b), { start: { line: 1, character: 5 }, end: { line: 1, character: 11 } });
  const crlf = new ComposeModel('a:\r\n  b: secret\r\n');
  const value = (crlf.doc.contents as { items: { value: { items: { value: unknown }[] } }[] }).items[0].value.items[0].value;
  assert.deepEqual(crlf.rangeOf(value as { range: [number, number, number] }), { start: { line: 1, character: 5 }, end: { line: 1, character: 11 } });
});
