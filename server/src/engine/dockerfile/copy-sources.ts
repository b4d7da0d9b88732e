import { Copy, JSONInstruction, type Instruction } from 'dockerfile-ast';
import type { Range } from '../types';
import { isModifiable } from './instructions';

export interface Operand {
  value: string;
  range: Range;
}

export interface CopyOperands {
  form: 'shell' | 'json';
  sources: Operand[];
  destination: Operand;
}

function heredocs(instruction: Instruction): unknown[] {
  return instruction instanceof Copy ? instruction.getHeredocs() : instruction.getArguments().filter((a) => a.getValue().startsWith('<<'));
}

/**
 * The sources and destination of a `COPY`/`ADD` with their ranges, in shell form or JSON
 * form; undefined for heredoc forms and for fewer than two operands.
 */
export function copyOperandRanges(instruction: Instruction): CopyOperands | undefined {
  const k = instruction.getKeyword();
  if ((k !== 'COPY' && k !== 'ADD') || !isModifiable(instruction) || heredocs(instruction).length > 0) return undefined;
  const json = instruction instanceof JSONInstruction ? instruction.getJSONStrings() : [];
  const form = json.length > 0 ? 'json' : 'shell';
  const operands: Operand[] =
    form === 'json'
      ? json.map((s) => ({ value: s.getJSONValue(), range: s.getRange() }))
      : instruction.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() }));
  if (operands.length < 2 || (form === 'shell' && operands[0].value.startsWith('['))) return undefined;
  return { form, sources: operands.slice(0, -1), destination: operands[operands.length - 1] };
}
