import assert from 'node:assert/strict';
import { test } from 'node:test';
import { variableReferences } from './references';

const names = (text: string, escape?: string) => variableReferences(text, escape).map((r) => `${r.name}${r.guarded ? '?' : ''}@${r.start}`);

test('bare and braced references, with the offsets of their names', () => {
  assert.deepEqual(names('a=$A b=${B}/x ${C#p} $1 $'), ['A@3', 'B@9', 'C@16']);
});

test('defaults and alternatives are guarded, and their words are read too', () => {
  assert.deepEqual(names('${A:-x} ${B-$C} ${D:+y} ${E:?msg}'), ['A?@2', 'B?@10', 'C@13', 'D?@18', 'E?@26']);
});

test('nothing inside single quotes or after the escape character', () => {
  assert.deepEqual(names(`'$A' "$B" \\$C $$D`), ['B@7', 'D@16']);
  assert.deepEqual(names('`$A \\$B', '`'), ['B@6']);
});

test('escaped line breaks and the comment lines after them are skipped', () => {
  assert.deepEqual(names('$A \\\n# $NOT\n  $B'), ['A@1', 'B@15']);
});
