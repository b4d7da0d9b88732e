import { decidingPattern, dockerignoreCandidates, parseDockerignore } from '../dockerignore';
import { flagValue, keyword } from '../dockerfile/instructions';
import type { DockerfileModel } from '../dockerfile/model';
import type { DockerfileRule, RuleContext } from '../rule';

/** Sources whose matches cannot be known without listing the context. */
const NOT_LITERAL = /[*?[$]|^[a-z][a-z0-9+.-]*:\/\/|^git@/i;

export const df507: DockerfileRule = {
  id: 'DF507',
  name: 'copy-ignored-file',
  severity: 'warning',
  language: 'dockerfile',
  peers: ['CopyIgnoredFile'],
  docs: {
    summary: '`COPY` or `ADD` names a path that `.dockerignore` leaves out of the build context.',
    why: 'Files excluded by `.dockerignore` never reach the builder, so copying them fails with "not found", or silently copies an empty folder. Either the copy or the ignore pattern is wrong.',
  },
  check(model: DockerfileModel, context: RuleContext) {
    const files = context.files;
    if (!files) return;
    const name = dockerignoreCandidates(context.fileName).find((candidate) => files.exists(candidate));
    const text = name ? files.read(name) : undefined;
    if (!name || text === undefined) return;
    const patterns = parseDockerignore(text);
    if (patterns.length === 0) return;
    for (const instruction of model.stages.flatMap((s) => s.instructions)) {
      const k = keyword(instruction);
      if ((k !== 'COPY' && k !== 'ADD') || flagValue(instruction, 'from') !== undefined) continue;
      const args = instruction.getArguments();
      if (args.length < 2 || args[0].getValue().startsWith('[') || args.some((a) => a.getValue().startsWith('<<'))) continue;
      for (const source of args.slice(0, -1)) {
        const path = source.getValue();
        if (NOT_LITERAL.test(path)) continue;
        const decided = decidingPattern(patterns, path);
        if (!decided || decided.negate || path.replace(/^\.?\/*/, '') === '') continue;
        context.report({
          range: source.getRange(),
          message: `'${path}' is excluded by ${name} (line ${decided.line + 1}: '${decided.pattern}'), so it is not in the build context and ${k} cannot copy it. Remove the pattern or add '!${path.replace(/^\.?\//, '')}'.`,
        });
      }
    }
  },
};
