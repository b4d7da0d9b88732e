import type { Argument } from 'dockerfile-ast';
import { keywordCase, type KeywordCase } from '../dockerfile/casing';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { stageSources } from '../dockerfile/stage-sources';
import type { DockerfileRule, RuleContext } from '../rule';
import type { Range, TextEdit } from '../types';

const cased = (text: string, to: KeywordCase) => (to === 'upper' ? text.toUpperCase() : text.toLowerCase());

/** The `AS` word of `FROM image AS name`. */
function asKeyword(stage: Stage): Argument | undefined {
  const args = stage.from.getArguments();
  return args.length === 3 && args[1].getValue().toLowerCase() === 'as' ? args[1] : undefined;
}

function checkKeywords(model: DockerfileModel, context: RuleContext, majority: KeywordCase): void {
  const label = majority === 'upper' ? 'uppercase' : 'lowercase';
  for (const instruction of model.ast.getInstructions()) {
    const written = instruction.getInstruction();
    const wanted = cased(written, majority);
    if (written === wanted) continue;
    const mixed = written !== written.toUpperCase() && written !== written.toLowerCase();
    const message = mixed
      ? `Instruction '${written}' mixes upper and lower case; write '${wanted}' like the rest of the file.`
      : `Instruction '${written}' is not ${label} like most instructions in this file; write '${wanted}'.`;
    const edits: TextEdit[] = [{ range: instruction.getInstructionRange(), newText: wanted }];
    // A FROM changing case takes its AS along, so the two never disagree.
    const stage = model.stages.find((s) => s.from === instruction);
    const as = stage && asKeyword(stage);
    if (as && as.getValue() !== cased(as.getValue(), majority)) edits.push({ range: as.getRange(), newText: cased(as.getValue(), majority) });
    context.report({ range: instruction.getInstructionRange(), message, fixes: [{ title: `Write '${wanted}'`, safe: true, preferred: true, edits }] });
  }
}

function checkFromAs(model: DockerfileModel, context: RuleContext, majority: KeywordCase): void {
  for (const stage of model.stages) {
    const from = stage.from.getInstruction();
    // A FROM out of line with the file is reported above, with a fix for both words.
    if (from !== cased(from, majority)) continue;
    const as = asKeyword(stage);
    if (!as) continue;
    const wanted = cased(as.getValue(), majority);
    if (as.getValue() === wanted) continue;
    context.report({
      range: as.getRange(),
      message: `'${as.getValue()}' does not match the casing of '${from}'; write '${wanted}'.`,
      fixes: [{ title: `Write '${wanted}'`, safe: true, preferred: true, edits: [{ range: as.getRange(), newText: wanted }] }],
    });
  }
}

/** Every place that names the stage: its definition, later FROMs, `COPY --from` and `--mount=from=`. */
function stageNameRanges(model: DockerfileModel, stage: Stage): { range: Range; written: string }[] {
  const out: { range: Range; written: string }[] = [];
  const own = stage.from.getBuildStageRange();
  if (own) out.push({ range: own, written: stage.from.getBuildStage() ?? '' });
  for (const later of model.stages.slice(stage.index + 1)) {
    const image = later.from.getImage();
    if (later.parent === stage && later.imageRange && image && image.toLowerCase() === stage.name) out.push({ range: later.imageRange, written: image });
    for (const source of stageSources(model, later)) if (source.value.toLowerCase() === stage.name) out.push({ range: source.range, written: source.value });
  }
  return out.filter((r) => r.written !== r.written.toLowerCase());
}

function checkStageNames(model: DockerfileModel, context: RuleContext): void {
  for (const stage of model.stages) {
    const written = stage.from.getBuildStage();
    const range = stage.from.getBuildStageRange();
    if (!written || !range || written === written.toLowerCase()) continue;
    const lower = written.toLowerCase();
    context.report({
      range,
      message: `Stage name '${written}' has uppercase letters; BuildKit lowercases stage names, so write '${lower}' here and where it is used.`,
      fixes: [{ title: `Write '${lower}'`, safe: true, preferred: true, edits: stageNameRanges(model, stage).map((r) => ({ range: r.range, newText: r.written.toLowerCase() })) }],
    });
  }
}

export const df505: DockerfileRule = {
  id: 'DF505',
  name: 'casing',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Normalize casing',
  peers: ['ConsistentInstructionCasing', 'FromAsCasing', 'StageNameCasing'],
  docs: {
    summary: 'Instruction keywords mix upper and lower case, `AS` does not match its `FROM`, or a stage name has uppercase letters.',
    why: 'Docker accepts keywords in any case, so mixed casing is only noise, but it is noise that makes a file harder to scan and to search. Stage names are lowercased by BuildKit, so `AS Builder` and `--from=builder` name the same stage while reading as if they did not.',
  },
  check(model: DockerfileModel, context: RuleContext) {
    const majority = keywordCase(model);
    checkKeywords(model, context, majority);
    checkFromAs(model, context, majority);
    checkStageNames(model, context);
  },
};
