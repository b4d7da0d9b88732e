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

test('every document is a model of its own over the same text, and each knows them all', () => {
  const text = '---\nservices:\n  web:\n    image: nginx:1.27\n---\n# the database\nservices:\n  db:\n    image: postgres:18\n---\n';
  const model = new ComposeModel(text);
  const documents = model.documents();
  assert.ok(documents);
  assert.deepEqual(documents.map((m) => m.services.map((s) => s.name)), [['web'], ['db'], []]);
  assert.equal(documents[0], model);
  assert.deepEqual(documents[1].rangeOf(documents[1].services[0].keyNode), { start: { line: 7, character: 2 }, end: { line: 7, character: 4 } });
  assert.equal(documents[1].text, text);
  assert.equal(documents[1].lines, model.lines);
  assert.equal(documents[1].documents(), documents);
  assert.equal(model.documents(), documents);
  const single = new ComposeModel('services:\n  web:\n    image: nginx:1.27\n');
  assert.deepEqual(single.documents(), [single]);
});

test('a file with more than 101 documents has them unread, where 101 are read', () => {
  const doc = 'services:\n  web:\n    image: nginx:1.27\n';
  assert.equal(new ComposeModel(doc + `---\n${doc}`.repeat(100)).documents()?.length, 101);
  assert.equal(new ComposeModel(doc + `---\n${doc}`.repeat(101)).documents(), undefined);
});
