import type { DockerfileModel } from '../dockerfile/model';
import { INSTRUCTION_DOCS } from '../dockerfile/instruction-docs';
import { rangeContains } from '../text';
import type { Position } from '../types';
import type { HoverContext, HoverResult } from './types';

/** What the Dockerfile element under the cursor is and does. */
export function dockerfileHover(model: DockerfileModel, position: Position, _context: HoverContext): HoverResult | undefined {
  for (const instruction of model.ast.getInstructions()) {
    const range = instruction.getInstructionRange();
    if (!rangeContains(range, position)) continue;
    const entry = INSTRUCTION_DOCS[instruction.getKeyword()];
    if (!entry) return undefined;
    return {
      contents: `**${instruction.getKeyword()}**\n\n\`\`\`dockerfile\n${entry.syntax}\n\`\`\`\n\n${entry.text}\n\nExample:\n\n\`\`\`dockerfile\n${entry.example}\n\`\`\``,
      range,
    };
  }
  return undefined;
}
