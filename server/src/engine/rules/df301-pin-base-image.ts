import type { DockerfileModel, Stage } from '../dockerfile/model';
import { floatingVariant, pinFixes, pinMessage } from '../pin';
import type { DockerfileRule, RuleContext } from '../rule';
import type { TextEdit } from '../types';

/** The edit that gives a literal `FROM` image the tag, or undefined when the reference is built from variables. */
function tagEdit(stage: Stage): ((tag: string) => TextEdit) | undefined {
  const from = stage.from;
  const written = from.getImage();
  if (!written || written.includes('$')) return undefined;
  const tagRange = from.getImageTagRange();
  if (tagRange) return (tag) => ({ range: tagRange, newText: tag });
  const nameRange = from.getImageNameRange();
  if (!nameRange) return undefined;
  return (tag) => ({ range: { start: nameRange.end, end: nameRange.end }, newText: `:${tag}` });
}

export const df301: DockerfileRule = {
  id: 'DF301',
  name: 'pin-base-image',
  severity: 'warning',
  language: 'dockerfile',
  fix: 'Pin tag',
  peers: ['DL3006', 'DL3007'],
  docs: {
    summary: 'A base image is used without a version tag or digest, or with `latest`.',
    why: 'A floating tag resolves to whatever was published last, so two builds of the same Dockerfile can produce different images and an upstream release can break a build that did not change. A version tag, or a digest, makes builds repeatable.',
  },
  check(model: DockerfileModel, context: RuleContext) {
    const pinnedTags = new Map<string, string[]>();
    for (const stage of model.stages) {
      const image = stage.image;
      if (!image || image.digest || image.tag === undefined || floatingVariant(image) !== undefined) continue;
      const tags = pinnedTags.get(image.repository) ?? [];
      tags.push(image.tag);
      pinnedTags.set(image.repository, tags);
    }
    for (const stage of model.stages) {
      const image = stage.image;
      if (!image || !stage.imageRange || stage.imageText === undefined || image.repository === 'scratch') continue;
      const variant = floatingVariant(image);
      if (variant === undefined) continue;
      const edit = tagEdit(stage);
      const { message, fixes } = pinMessage(stage.imageText, image, variant, pinnedTags.get(image.repository) ?? []);
      context.report({ range: stage.imageRange, message, fixes: edit ? pinFixes(image.repository, fixes, edit) : [] });
    }
  },
};
