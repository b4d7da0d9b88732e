import type { Instruction } from 'dockerfile-ast';
import type { TextEdit } from '../types';
import { keyword } from './instructions';
import type { DockerfileModel, Stage } from './model';

/** Where new lines go in a stage: before its `CMD`/`ENTRYPOINT` when they come after the last build step, else at the end. */
function insertionPoint(stage: Stage): { before?: Instruction; after?: Instruction } {
  const list = stage.instructions;
  const lastBuildStep = list.reduce((last, instruction, i) => (['RUN', 'COPY', 'ADD'].includes(keyword(instruction)) ? i : last), -1);
  const launch = list.find((instruction, i) => i > lastBuildStep && (keyword(instruction) === 'CMD' || keyword(instruction) === 'ENTRYPOINT'));
  return launch ? { before: launch } : { after: list[list.length - 1] ?? stage.from };
}

/** Inserts whole instruction lines before the stage's launch instructions, in the file's line endings. */
export function insertBeforeLaunch(model: DockerfileModel, stage: Stage, lines: string[]): TextEdit {
  const eol = model.lines.eol;
  const at = insertionPoint(stage);
  if (at.before) {
    // Above the comment lines that describe the launch instruction or switch checks off for it;
    // the line above them is always another instruction's, since the stage's FROM comes first.
    let line = at.before.getRange().start.line;
    while (line > 0 && /^\s*#/.test(model.lines.lineText(line - 1))) line--;
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: lines.map((l) => l + eol).join('') };
  }
  const end = (at.after as Instruction).getRange().end;
  return { range: { start: end, end }, newText: lines.map((l) => eol + l).join('') };
}
