import type { Instruction } from 'dockerfile-ast';
import { dockerignoreCandidates } from '../dockerignore';
import { detectEcosystem, dockerignoreTemplate, ECOSYSTEM_LABEL } from '../dockerignore-templates';
import { copyOperands, isBroadCopy, keyword } from '../dockerfile/instructions';
import type { DockerfileModel } from '../dockerfile/model';
import type { DockerfileRule, RuleContext } from '../rule';

function firstBroadCopy(model: DockerfileModel): Instruction | undefined {
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) if (isBroadCopy(instruction)) return instruction;
  }
  return undefined;
}

/** What the Dockerfile copies by name: template lines that would hide one are left out. */
function namedSources(model: DockerfileModel): Set<string> {
  const named = new Set<string>();
  for (const stage of model.stages) {
    for (const instruction of stage.instructions) {
      const k = keyword(instruction);
      if (k !== 'COPY' && k !== 'ADD') continue;
      for (const source of copyOperands(instruction)?.sources ?? []) if (source !== '.' && source !== './') named.add(source);
    }
  }
  return named;
}

export const df202: DockerfileRule = {
  id: 'DF202',
  name: 'missing-dockerignore',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Create .dockerignore',
  docs: {
    summary: 'The Dockerfile copies the whole build context, and no `.dockerignore` limits what that context holds.',
    why: 'Without a `.dockerignore`, `COPY . .` sends and copies everything in the folder: `.git`, local `node_modules` or virtual environments, build output, and `.env` files with secrets. The image grows, builds slow down, caches break on every unrelated change, and secrets end up in a layer.',
  },
  check(model: DockerfileModel, context: RuleContext) {
    const files = context.files;
    // Only a host that can see the folder can tell that the file is missing.
    if (!files) return;
    const names = dockerignoreCandidates(context.fileName);
    if (names.some((name) => files.exists(name))) return;
    const copy = firstBroadCopy(model);
    if (!copy) return;
    const ecosystem = detectEcosystem(model, files);
    const lines = dockerignoreTemplate(ecosystem, namedSources(model));
    context.report({
      range: copy.getRange(),
      message: `This copies the whole build context, but there is no .dockerignore: .git, local dependencies, build output and .env files all go into the build. Add a .dockerignore.`,
      fixes: [{ title: `Create .dockerignore: ${ECOSYSTEM_LABEL[ecosystem]} template`, edits: [], createFiles: [{ path: '.dockerignore', content: lines.join('\n') + '\n' }], preferred: true }],
    });
  },
};
