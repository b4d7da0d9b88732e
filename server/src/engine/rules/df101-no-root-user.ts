import type { Instruction } from 'dockerfile-ast';
import { inFileCase } from '../dockerfile/casing';
import { insertBeforeLaunch } from '../dockerfile/edits';
import { INTERPRETERS, runsProgram } from '../dockerfile/launch';
import { keyword, sourceText } from '../dockerfile/instructions';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { userRecipe, type UserRecipe } from '../image-facts';
import type { ImageRef } from '../image-ref';
import { stageRule, type RuleContext } from '../rule';
import type { Fix } from '../types';

function isRootUser(value: string): boolean {
  const user = value.split(':')[0];
  return user === 'root' || user === '0';
}

/** Tools that start as root on purpose and drop privileges themselves. */
const PRIVILEGE_DROPPERS = /\b(gosu|su-exec|setpriv|chroot --userspec|runuser)\b/;

/**
 * Besides base images (a bare shell or interpreter as the command), servers that start as
 * root to bind their ports and run their workers as a user they are configured with, and
 * Docker-in-Docker, which cannot work without root.
 */
const NOT_AN_APP: ReadonlySet<string> = new Set([
  ...INTERPRETERS,
  'nginx', 'httpd', 'httpd-foreground', 'apache2-foreground', 'php-fpm',
  'dind', 'dind-systemd', 'dockerd', 'dockerd-entrypoint.sh',
]);

function runsNoApp(instructions: Instruction[]): boolean {
  return runsProgram(instructions, NOT_AN_APP, (word) => word.startsWith('-') || word === 'daemon off;');
}

/** Windows images have no root user and no useradd; USER there means something else. */
function isWindows(image: ImageRef): boolean {
  return /windows|nanoserver|servercore/i.test(`${image.repository}:${image.tag ?? ''}`);
}

function addUserFix(model: DockerfileModel, stage: Stage, recipe: UserRecipe, how: string): Fix {
  const lines = [...(recipe.create ? [`${inFileCase(model, 'RUN')} ${recipe.create}`] : []), `${inFileCase(model, 'USER')} ${recipe.user}`];
  return { title: `Add USER ${recipe.user} (${how})`, edits: [insertBeforeLaunch(model, stage, lines)], preferred: true };
}

function recipeFix(model: DockerfileModel, stage: Stage, recipe: UserRecipe): Fix {
  const how = recipe.create
    ? `create a system user the ${recipe.family} way`
    : recipe.family === 'scratch'
      ? 'a numeric id; scratch has no user database'
      : `the user the ${recipe.family} image already has`;
  return addUserFix(model, stage, recipe, how);
}

export const df101 = stageRule({
  id: 'DF101',
  name: 'no-root-user',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Add USER',
  peers: ['DL3002'],
  docs: {
    summary: 'The final image runs its process as root.',
    why: 'Without a `USER`, the container process runs as root. A flaw in the application then hands an attacker root inside the container, which makes escaping it or tampering with mounted volumes far easier. Running as an unprivileged user limits the damage.',
  },
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    // The final stage is the image that runs.
    if (stage !== model.finalStage) return;
    const lineage = model.lineage(stage);
    const root = lineage[0];
    // An image built from variables may set its own USER; nothing to say about it.
    if (!root.image) return;
    const instructions = lineage.flatMap((s) => s.instructions);
    // A USER still being typed names nobody (Docker refuses it; DF508 reports it): the one before counts.
    const users = instructions.filter((i) => keyword(i) === 'USER' && i.getArguments().length > 0);
    const lastUser = users[users.length - 1];
    const lastValue = lastUser?.getArguments()[0]?.getValue();
    if (lastUser && lastValue !== undefined && !isRootUser(lastValue)) return;

    if (isWindows(root.image)) return;
    const scratch = root.image.repository === 'scratch';
    // Without its own command the image is a base for others, or a build artefact.
    const launches = instructions.some((i) => keyword(i) === 'CMD' || keyword(i) === 'ENTRYPOINT');
    if (!launches) return;
    if (!lastUser) {
      if ((root.image.tag ?? '').includes('nonroot')) return;
      if (instructions.some((i) => ['RUN', 'ENTRYPOINT'].includes(keyword(i)) && PRIVILEGE_DROPPERS.test(sourceText(model, i)))) return;
      if (runsNoApp(instructions)) return;
    }

    const earlierUser = users.map((u) => u.getArguments()[0]?.getValue()).find((v) => v !== undefined && !isRootUser(v) && !v.includes('$'));
    const fix = earlierUser
      ? addUserFix(model, stage, { family: 'stage', user: earlierUser }, 'switch back to the user set earlier')
      : recipeFix(model, stage, userRecipe(root.image, scratch));
    context.report({
      range: lastUser ? lastUser.getRange() : stage.from.getRange(),
      message: lastUser
        ? `The final stage switches to '${lastValue}' and never back, so the container runs as root. Switch to an unprivileged user before CMD/ENTRYPOINT.`
        : 'The final stage sets no USER, so the container runs as root. Add an unprivileged user and switch to it before CMD/ENTRYPOINT.',
      fixes: [fix],
    });
  },
});
