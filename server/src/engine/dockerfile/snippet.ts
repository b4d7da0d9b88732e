import type { Instruction } from 'dockerfile-ast';
import { sourceText } from './instructions';
import type { DockerfileModel } from './model';

/** The first line of an instruction as written, shortened for a message (`CMD npm start`). */
export function snippet(model: DockerfileModel, instruction: Instruction, max = 60): string {
  let line = sourceText(model, instruction).split(/\r?\n/)[0].trim();
  const escape = model.ast.getEscapeCharacter();
  if (line.endsWith(escape)) line = line.slice(0, -1).trimEnd();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
