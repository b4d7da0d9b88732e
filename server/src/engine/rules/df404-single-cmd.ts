import type { Instruction } from 'dockerfile-ast';
import { deleteInstruction } from '../dockerfile/removal';
import { keyword } from '../dockerfile/instructions';
import { snippet } from '../dockerfile/snippet';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { stageRule, type RuleContext } from '../rule';

export const df404 = stageRule({
  id: 'DF404',
  name: 'single-cmd',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Remove the earlier ones',
  peers: ['DL4003', 'DL4004', 'MultipleInstructionsDisallowed'],
  docs: {
    summary: 'A stage has more than one `CMD` or more than one `ENTRYPOINT`.',
    why: 'Only the last `CMD` and the last `ENTRYPOINT` of a stage take effect; Docker silently drops the others. An earlier one left in the file misleads whoever reads it about what the container runs.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    for (const kind of ['CMD', 'ENTRYPOINT']) {
      const all = stage.instructions.filter((i) => keyword(i) === kind);
      const last = all[all.length - 1] as Instruction | undefined;
      if (!last) continue;
      for (const earlier of all.slice(0, -1)) {
        context.report({
          range: earlier.getRange(),
          message: `'${snippet(model, earlier)}' is overridden by the stage's last ${kind}, '${snippet(model, last)}', so it never takes effect. Remove it, or fold what it meant into the last one.`,
          fixes: [{ title: `Remove '${snippet(model, earlier)}' (the last ${kind} wins)`, edits: [deleteInstruction(model, earlier)], preferred: true, safe: true }],
        });
      }
    }
  },
});
