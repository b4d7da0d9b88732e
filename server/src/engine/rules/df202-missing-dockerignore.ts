import { dockerignoreCandidates } from '../dockerignore';
import { detectEcosystem, dockerignoreTemplate, ECOSYSTEM_LABEL } from '../dockerignore-templates';
import { copyOperands, isBroadCopy } from '../dockerfile/instructions';
import type { DockerfileModel } from '../dockerfile/model';
import type { DockerfileRule, RuleContext } from '../rule';

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
    const copy = model.stages.flatMap((s) => s.instructions).find(isBroadCopy);
    if (!copy) return;
    const ecosystem = detectEcosystem(model, files);
    // Leave out template lines that would hide files the Dockerfile copies by name.
    const named = new Set(
      model.stages
        .flatMap((s) => s.instructions)
        .flatMap((i) => (i.getKeyword() === 'COPY' || i.getKeyword() === 'ADD' ? (copyOperands(i)?.sources ?? []) : []))
        .filter((s) => s !== '.' && s !== './'),
    );
    const lines = dockerignoreTemplate(ecosystem, named);
    context.report({
      range: copy.getRange(),
      message: `This copies the whole build context, but there is no .dockerignore: .git, local dependencies, build output and .env files all go into the build. Add a .dockerignore.`,
      fixes: [{ title: `Create .dockerignore: ${ECOSYSTEM_LABEL[ecosystem]} template`, edits: [], createFiles: [{ path: '.dockerignore', content: lines.join('\n') + '\n' }], preferred: true }],
    });
  },
};
