import type { Instruction } from 'dockerfile-ast';
import { inFileCase } from '../dockerfile/casing';
import type { DockerfileModel } from '../dockerfile/model';
import { instructionsRule, type RuleContext } from '../rule';

/**
 * A double-quoted LABEL value that reads back as exactly `value`: the escape character,
 * quotes and `$` (LABEL expands variables, MAINTAINER never did) are escaped.
 */
function labelValue(value: string, escape: string): string {
  const special = new Set([escape, '"', '$']);
  return `"${[...value].map((c) => (special.has(c) ? escape + c : c)).join('')}"`;
}

export const df506 = instructionsRule({
  id: 'DF506',
  name: 'deprecated-maintainer',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Replace with LABEL org.opencontainers.image.authors',
  peers: ['DL4000', 'MaintainerDeprecated'],
  docs: {
    summary: 'The deprecated `MAINTAINER` instruction is used.',
    why: 'MAINTAINER fills the image\'s `Author` field, which Docker deprecated long ago and tools no longer read. The OCI label `org.opencontainers.image.authors` carries the same information where registries, scanners and `docker inspect` users look for it.',
  },
  checkInstructions(model: DockerfileModel, instructions: readonly Instruction[], context: RuleContext) {
    for (const instruction of instructions) {
      if (instruction.getKeyword() !== 'MAINTAINER') continue;
      // MAINTAINER takes the rest of the line verbatim, continuation lines joined; a plain
      // pair of quotes around it all was meant as quoting, not as part of the name.
      const value = instruction.getArgumentsContent()?.trim().replace(/\s+/g, ' ').replace(/^"([^"\\]*)"$/, '$1');
      const message = 'MAINTAINER is deprecated; record the author with LABEL org.opencontainers.image.authors instead.';
      if (!value) {
        context.report({ range: instruction.getInstructionRange(), message });
        continue;
      }
      const label = `${inFileCase(model, 'LABEL')} org.opencontainers.image.authors=${labelValue(value, model.ast.getEscapeCharacter())}`;
      context.report({
        range: instruction.getInstructionRange(),
        message,
        fixes: [{ title: 'Replace with LABEL org.opencontainers.image.authors', safe: true, preferred: true, edits: [{ range: instruction.getRange(), newText: label }] }],
      });
    }
  },
});
