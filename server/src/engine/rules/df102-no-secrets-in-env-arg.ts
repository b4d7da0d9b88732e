import { PropertyInstruction, type Instruction, type Property } from 'dockerfile-ast';
import { keyword } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { variableReferences } from '../dockerfile/references';
import { deleteInstruction } from '../dockerfile/removal';
import { isEmptyValue, isSecretName, isSwitchValue } from '../dockerfile/secrets';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, TextEdit } from '../types';

function properties(instruction: Instruction): Property[] {
  return instruction instanceof PropertyInstruction ? instruction.getProperties() : [];
}

/** The value as written (quotes and escapes kept), where variable references can be read. */
function writtenValue(model: DockerfileModel, property: Property): string {
  const range = property.getValueRange();
  return range ? model.text.slice(model.lines.offsetAt(range.start), model.lines.offsetAt(range.end)) : '';
}

function referencedNames(model: DockerfileModel, text: string): string[] {
  return variableReferences(text, model.ast.getEscapeCharacter()).map((r) => r.name);
}

const literalMessage = (name: string, kind: 'ARG' | 'ENV') =>
  kind === 'ENV'
    ? `'${name}' is set to a literal value, so the secret is stored in the image for anyone who pulls it to read. Supply it when the container starts (docker run -e, Compose secrets) instead.`
    : `'${name}' has a literal default, so the secret is written in the Dockerfile and recorded in the image history. Remove the value and pass it as a build secret (RUN --mount=type=secret) instead.`;

const argMessage = (name: string) =>
  `Build argument '${name}' looks like a secret, and build arguments are recorded in the image history and build provenance. Pass it as a build secret (RUN --mount=type=secret) instead.`;

const copyMessage = (name: string, arg: string) =>
  `'${name}' copies build argument '${arg}' into the image's environment, where anyone who pulls the image can read it. Use a build secret in the RUN that needs it, or supply the value when the container starts.`;

/**
 * Moving a value-less `ARG` to a secret mount is well-defined only when the stage names it
 * in `RUN`s alone: each of those gets the mount (exposing it under the same variable
 * name) and the `ARG` goes.
 */
function secretMountFix(model: DockerfileModel, stage: Stage, arg: Instruction, name: string): Fix | undefined {
  if (properties(arg).length !== 1) return undefined;
  const after = stage.instructions.slice(stage.instructions.indexOf(arg) + 1);
  const runs: Instruction[] = [];
  for (const instruction of after) {
    const k = keyword(instruction);
    if (k === 'ARG' && properties(instruction).some((p) => p.getName() === name)) return undefined;
    const args = instruction.getArgumentsRange();
    const text = args ? model.text.slice(model.lines.offsetAt(args.start), model.lines.offsetAt(instruction.getRange().end)) : '';
    if (!referencedNames(model, text).includes(name)) continue;
    if (k !== 'RUN') return undefined;
    runs.push(instruction);
  }
  if (runs.length === 0) return undefined;
  const mount = `--mount=type=secret,id=${name.toLowerCase()},env=${name}`;
  const edits: TextEdit[] = [
    deleteInstruction(model, arg),
    ...runs.map((run) => {
      const end = run.getInstructionRange().end;
      return { range: { start: end, end }, newText: ` ${mount}` };
    }),
  ];
  const where = runs.length === 1 ? 'the RUN that uses it' : `the ${runs.length} RUNs that use it`;
  return { title: `Pass '${name}' as a build secret: add ${mount} to ${where} and remove the ARG`, edits };
}

/** A value written out in the file: neither empty nor a yes/no switch. */
const literal = (value: string | null) => value !== null && !isEmptyValue(value) && !isSwitchValue(value);

export const df102 = stageRule({
  id: 'DF102',
  name: 'no-secrets-in-env-arg',
  severity: 'error',
  language: 'dockerfile',
  fix: 'Replace with a build secret',
  peers: ['DL3064', 'SecretsUsedInArgOrEnv'],
  docs: {
    summary: 'An `ENV` or `ARG` with a secret-like name holds a literal value or carries the secret through the build.',
    why: 'Everything in `ENV` is part of the image configuration, readable by anyone who can pull the image, and build arguments are recorded in the image history and in build provenance. A password or token written in the Dockerfile is also in source control. Build secrets (`RUN --mount=type=secret`) reach only the step that needs them and leave no trace in the image; runtime secrets belong to `docker run -e`, Compose `environment`/`secrets` or an orchestrator.',
  },
  checkFile(model: DockerfileModel, context: RuleContext) {
    // Before the first FROM, a value-less ARG only feeds FROM lines; a stage must declare it again to use it.
    for (const arg of model.ast.getInitialARGs()) {
      for (const p of properties(arg)) {
        const written = writtenValue(model, p);
        if (isSecretName(p.getName()) && literal(p.getValue()) && referencedNames(model, written).length === 0) {
          context.report({ range: p.getNameRange(), message: literalMessage(p.getName(), 'ARG') });
        }
      }
    }
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    const stageArgs = new Set<string>();
    for (const instruction of stage.instructions) {
      const k = keyword(instruction);
      if (k !== 'ARG' && k !== 'ENV') continue;
      for (const p of properties(instruction)) {
        const name = p.getName();
        const value = p.getValue();
        if (k === 'ARG') stageArgs.add(name);
        if (!isSecretName(name)) continue;
        const refs = referencedNames(model, writtenValue(model, p));
        if (k === 'ENV') {
          const arg = refs.find((r) => stageArgs.has(r));
          if (arg) context.report({ range: p.getNameRange(), message: copyMessage(name, arg) });
          else if (refs.length === 0 && literal(value)) context.report({ range: p.getNameRange(), message: literalMessage(name, 'ENV') });
          continue;
        }
        if (value !== null && isSwitchValue(value)) continue;
        if (refs.length === 0 && literal(value)) {
          context.report({ range: p.getNameRange(), message: literalMessage(name, 'ARG') });
          continue;
        }
        const fix = value === null || value === '' ? secretMountFix(model, stage, instruction, name) : undefined;
        context.report({ range: p.getNameRange(), message: argMessage(name), fixes: fix ? [fix] : [] });
      }
    }
  },
});
