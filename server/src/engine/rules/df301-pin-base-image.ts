import type { DockerfileModel, Stage } from '../dockerfile/model';
import { floatingVariant, pinFixes, pinMessage } from '../pin';
import { stageRule, type RuleContext } from '../rule';
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

export const df301 = stageRule({
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
  stageInputs: (model, stage) => (stage.image ? (pinnedTags(model).get(stage.image.repository)?.key ?? '') : ''),
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    const image = stage.image;
    if (!image || !stage.imageRange || stage.imageText === undefined || image.repository === 'scratch') return;
    const variant = floatingVariant(image);
    if (variant === undefined) return;
    const edit = tagEdit(stage);
    const { message, fixes } = pinMessage(stage.imageText, image, variant, pinnedTags(model).get(image.repository)?.tags ?? []);
    context.report({ range: stage.imageRange, message, fixes: edit ? pinFixes(image.repository, fixes, edit) : [] });
  },
});

/** Per repository, the tags other stages pin it to (the fix offers them first), and those as a key. */
function pinnedTags(model: DockerfileModel): Map<string, { tags: string[]; key: string }> {
  let pinned = pinnedTagsOf.get(model);
  if (!pinned) {
    const tags = new Map<string, string[]>();
    for (const stage of model.stages) {
      const image = stage.image;
      if (!image || image.digest || image.tag === undefined || floatingVariant(image) !== undefined) continue;
      const list = tags.get(image.repository);
      if (list) list.push(image.tag);
      else tags.set(image.repository, [image.tag]);
    }
    pinned = new Map([...tags].map(([repository, list]) => [repository, { tags: list, key: list.join(',') }]));
    pinnedTagsOf.set(model, pinned);
  }
  return pinned;
}

const pinnedTagsOf = new WeakMap<DockerfileModel, Map<string, { tags: string[]; key: string }>>();
