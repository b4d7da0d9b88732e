import type { DockerfileModel } from '../dockerfile/model';
import type { DockerfileRule, RuleContext } from '../rule';

/** Names BuildKit keeps for itself: the empty image and the build context. */
const RESERVED = new Set(['scratch', 'context']);

export const df502: DockerfileRule = {
  id: 'DF502',
  name: 'unique-stage-names',
  severity: 'error',
  language: 'dockerfile',
  peers: ['DL3024', 'DuplicateStageName', 'ReservedStageName'],
  docs: {
    summary: 'Two stages share a name, or a stage is named `scratch` or `context`.',
    why: 'Stage names are how `FROM`, `COPY --from`, `RUN --mount=from=` and `--target` find a stage, and BuildKit compares them without regard to case. With two stages of the same name, references can only ever reach one of them and BuildKit refuses the file; `scratch` and `context` already mean the empty image and the build context.',
  },
  check(model: DockerfileModel, context: RuleContext) {
    const seen = new Map<string, number>();
    for (const stage of model.stages) {
      const range = stage.from.getBuildStageRange();
      if (!stage.name || !range) continue;
      const written = stage.from.getBuildStage() ?? stage.name;
      if (RESERVED.has(stage.name)) {
        context.report({ range, message: `'${written}' is a reserved name and cannot name a stage; choose another name.` });
        continue;
      }
      const first = seen.get(stage.name);
      if (first !== undefined) {
        context.report({ range, message: `Stage name '${written}' is already used on line ${first + 1}; give each stage its own name.` });
      } else {
        seen.set(stage.name, stage.from.getRange().start.line);
      }
    }
  },
};
