import type { ComposeModel } from '../compose/model';
import { schemaProblems } from '../compose/schema-validator';
import type { ComposeRule, RuleContext } from '../rule';
import type { Fix } from '../types';

export const dc401: ComposeRule = {
  id: 'DC401',
  name: 'schema',
  severity: 'error',
  language: 'dockercompose',
  fix: 'Change to suggestion',
  docs: {
    summary: 'The file is not valid YAML or breaks the Compose specification: an unknown key, a value of the wrong type, a value outside the allowed set.',
    why: 'Docker Compose checks every file against the Compose specification before it starts anything, and refuses the whole project at the first violation with an error that names a path but not a line. Some mistakes get further: a restart policy the schema leaves open fails only when the container is created. Seeing each problem where it is written, with the key that was probably meant, saves a round trip through `docker compose config`.',
  },
  check(model: ComposeModel, context: RuleContext) {
    for (const problem of schemaProblems(model)) {
      const fixes: Fix[] = [];
      const replacement = problem.replacement;
      const start = replacement ? model.valueOffset(replacement.node) : undefined;
      if (replacement && start !== undefined) {
        const end = start + String(replacement.node.value).length;
        fixes.push({ title: `Change to '${replacement.text}'`, edits: [{ range: model.lines.range(start, end), newText: replacement.text }], preferred: true, safe: false });
      }
      context.report({ range: problem.range, message: problem.message, fixes });
    }
  },
};
