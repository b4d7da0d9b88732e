import type { DockerfileModel } from './model';

export type KeywordCase = 'upper' | 'lower';

/**
 * The casing most instruction keywords of the file use, as BuildKit's
 * ConsistentInstructionCasing counts it: keywords in mixed case (`Run`) do not vote,
 * and a tie (or an empty file) counts as uppercase.
 */
export function keywordCase(model: DockerfileModel): KeywordCase {
  let found = cases.get(model);
  if (!found) cases.set(model, (found = countCase(model)));
  return found;
}

const cases = new WeakMap<DockerfileModel, KeywordCase>();

function countCase(model: DockerfileModel): KeywordCase {
  let upper = 0;
  let lower = 0;
  for (const instruction of model.ast.getInstructions()) {
    const written = instruction.getInstruction();
    if (written === written.toUpperCase()) upper++;
    else if (written === written.toLowerCase()) lower++;
  }
  return lower > upper ? 'lower' : 'upper';
}

/** An instruction keyword written the way the file writes its keywords. */
export function inFileCase(model: DockerfileModel, keyword: string): string {
  return keywordCase(model) === 'lower' ? keyword.toLowerCase() : keyword.toUpperCase();
}
