import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdownToPlainText } from './plaintext';

test('markdown hovers read well as plain text', () => {
  assert.equal(
    markdownToPlainText('**DF101** no-root-user: runs as `root`.\n\n[DF101 no-root-user](file:///d/DF101.md)\n\n---\n\n**FROM**\n\n```dockerfile\nFROM node:24\n```'),
    'DF101 no-root-user: runs as root.\n\nDF101 no-root-user (file:///d/DF101.md)\n\nFROM\n\nFROM node:24',
  );
});
