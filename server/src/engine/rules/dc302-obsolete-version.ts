import type { ComposeModel } from '../compose/model';
import type { ComposeRule, RuleContext } from '../rule';

export const dc302: ComposeRule = {
  id: 'DC302',
  name: 'obsolete-version',
  severity: 'warning',
  language: 'dockercompose',
  fix: 'Remove version',
  peers: ['no-version-field'],
  docs: {
    summary: 'The file starts with a top-level `version:`, which Compose ignores.',
    why: 'The Compose specification dropped the file format version: current Docker Compose ignores the key and prints a warning on every run. Keeping it suggests that the number still selects features, which it does not.',
  },
  check(model: ComposeModel, context: RuleContext) {
    const entry = model.root ? model.entries(model.root).find((e) => e.key === 'version' && !e.merged) : undefined;
    if (!entry) return;
    const keyRange = model.rangeOf(entry.keyNode);
    const valueEnd = entry.value?.range ? model.lines.positionAt(entry.value.range[1]) : keyRange.end;
    // Whole lines go, so no blank line is left where the key stood.
    const start = { line: keyRange.start.line, character: 0 };
    const end = { line: valueEnd.line + 1, character: 0 };
    context.report({
      range: keyRange,
      message: "The top-level 'version' is obsolete: Compose ignores it and warns on every run. Remove it.",
      fixes: [{ title: "Remove version: delete the obsolete top-level 'version' key", edits: [{ range: { start, end }, newText: '' }], preferred: true, safe: true }],
    });
  },
};
