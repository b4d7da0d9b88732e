import type { Instruction } from 'dockerfile-ast';
import type { TextEdit } from '../types';
import type { DockerfileModel } from './model';

/**
 * Removes an instruction with all its lines (continuations, heredoc bodies and the comment
 * lines inside them) and one line break, so the lines around it stay as they were.
 */
export function deleteInstruction(model: DockerfileModel, instruction: Instruction): TextEdit {
  const r = instruction.getRange();
  const lines = model.lines;
  const start = lines.lineStart(r.start.line);
  if (r.end.line + 1 < lines.lineCount) {
    return { range: lines.range(start, lines.lineStart(r.end.line + 1)), newText: '' };
  }
  // The last line has no break after it: take the one before it instead.
  const from = r.start.line > 0 ? lines.lineEnd(r.start.line - 1) : start;
  return { range: lines.range(from, model.text.length), newText: '' };
}
