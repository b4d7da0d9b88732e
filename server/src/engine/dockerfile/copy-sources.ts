import { Copy, JSONInstruction, type Instruction } from 'dockerfile-ast';
import type { Range } from '../types';
import { heredocs, isModifiable } from './instructions';
import type { DockerfileModel } from './model';

export interface Operand {
  value: string;
  range: Range;
}

export interface CopyOperands {
  form: 'shell' | 'json';
  sources: Operand[];
  destination: Operand;
}

/** Heredoc sources, or undefined when they cannot be read. */
function heredocSources(instruction: Instruction): unknown[] | undefined {
  return instruction instanceof Copy ? heredocs(instruction) : instruction.getArguments().filter((a) => a.getValue().startsWith('<<'));
}

/** The strings of a JSON-form argument list, read from the text: dockerfile-ast's own values lose spaces and escapes. */
function jsonValues(model: DockerfileModel, instruction: JSONInstruction): string[] | undefined {
  const open = instruction.getOpeningBracket();
  const close = instruction.getClosingBracket();
  if (!open || !close) return undefined;
  try {
    const parsed: unknown = JSON.parse(model.text.slice(model.lines.offsetAt(open.getRange().start), model.lines.offsetAt(close.getRange().end)));
    return Array.isArray(parsed) && parsed.every((v) => typeof v === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sources and destination of a `COPY`/`ADD` with their ranges, in shell form or JSON
 * form; undefined for heredoc forms and for fewer than two operands.
 */
export function copyOperandRanges(model: DockerfileModel, instruction: Instruction): CopyOperands | undefined {
  const k = instruction.getKeyword();
  if ((k !== 'COPY' && k !== 'ADD') || !isModifiable(instruction) || heredocSources(instruction)?.length !== 0) return undefined;
  const json = instruction instanceof JSONInstruction ? instruction.getJSONStrings() : [];
  let operands: Operand[];
  let form: CopyOperands['form'] = 'shell';
  if (json.length > 0) {
    const values = jsonValues(model, instruction as JSONInstruction);
    if (!values || values.length !== json.length) return undefined;
    form = 'json';
    operands = json.map((s, i) => ({ value: values[i], range: s.getRange() }));
  } else {
    operands = instruction.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() }));
    if (operands[0]?.value.startsWith('[')) return undefined;
  }
  if (operands.length < 2) return undefined;
  return { form, sources: operands.slice(0, -1), destination: operands[operands.length - 1] };
}
