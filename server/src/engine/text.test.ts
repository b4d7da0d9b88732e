import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyEdits, LineIndex, range } from './text';

test('positions count UTF-16 units and every line break style', () => {
  const index = new LineIndex('a\r\nb\rcé😀d\ne');
  assert.deepEqual(index.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(index.positionAt(3), { line: 1, character: 0 });
  assert.deepEqual(index.positionAt(5), { line: 2, character: 0 });
  assert.deepEqual(index.positionAt(9), { line: 2, character: 4 });
  assert.equal(index.lineText(2), 'cé😀d');
  assert.equal(index.offsetAt({ line: 0, character: 99 }), 1);
  assert.equal(index.eol, '\r\n');
  assert.deepEqual(['a\rb\r', 'a\nb\r', 'ab'].map((text) => new LineIndex(text).eol), ['\r', '\n', '\n']);
});

test('edits apply in any order', () => {
  assert.equal(applyEdits('abc\ndef\n', [{ range: range(1, 0, 1, 3), newText: 'X' }, { range: range(0, 1, 0, 1), newText: 'Y' }]), 'aYbc\nX\n');
});
