import type { Instruction } from 'dockerfile-ast';
import { isModifiable, keyword } from '../dockerfile/instructions';
import type { DockerfileModel } from '../dockerfile/model';
import { parseImageRef, type ImageRef } from '../image-ref';
import type { DockerfileRule, RuleContext } from '../rule';
import type { Range } from '../types';
import { substitute } from '../variables';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
/** Turned on with no list configured, the rule trusts the registry Docker itself defaults to. */
const DEFAULT_TRUSTED = ['docker.io'];

function registryOf(image: ImageRef): string {
  const registry = (image.registry ?? 'docker.io').toLowerCase();
  return DOCKER_HUB.has(registry) ? 'docker.io' : registry;
}

/** An entry names a registry (`ghcr.io`, `*.gcr.io`, `localhost:5000`) or a registry path prefix (`ghcr.io/acme`). */
function trusted(image: ImageRef, entries: string[]): boolean {
  const registry = registryOf(image);
  const full = `${registry}/${image.repository}`.toLowerCase();
  return entries.some((raw) => {
    const entry = raw.trim().toLowerCase().replace(/\/+$/, '');
    const [host, ...path] = entry.split('/');
    const normalizedHost = DOCKER_HUB.has(host) ? 'docker.io' : host;
    const pattern = new RegExp(`^${normalizedHost.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`);
    if (!pattern.test(registry)) return false;
    if (path.length === 0) return true;
    const prefix = `${registry}/${path.join('/')}`;
    return full === prefix || full.startsWith(prefix + '/');
  });
}

interface Pull {
  text: string;
  image: ImageRef;
  range: Range;
}

/** `COPY --from=image` and `RUN --mount=from=image` pull images too; stage names and indexes do not. */
function otherPulls(model: DockerfileModel, instruction: Instruction, stageNames: Set<string>): Pull[] {
  if (!isModifiable(instruction)) return [];
  const k = keyword(instruction);
  const refs: { text: string; range: Range }[] = [];
  for (const flag of instruction.getFlags()) {
    const valueRange = flag.getValueRange();
    const value = flag.getValue();
    if (!valueRange || !value) continue;
    if ((k === 'COPY' || k === 'ADD') && flag.getName() === 'from') refs.push({ text: value, range: valueRange });
    if (k === 'RUN' && flag.getName() === 'mount') {
      const from = /(^|,)from=([^,]+)/.exec(value);
      if (from) {
        const start = model.lines.offsetAt(valueRange.start) + from.index + from[0].indexOf('from=') + 'from='.length;
        refs.push({ text: from[2], range: model.lines.range(start, start + from[2].length) });
      }
    }
  }
  return refs.flatMap(({ text, range }) => {
    const resolved = substitute(text, model.globalArgs);
    if (resolved === undefined || /^\d+$/.test(resolved) || stageNames.has(resolved.toLowerCase())) return [];
    const image = parseImageRef(resolved);
    return image ? [{ text: resolved, image, range }] : [];
  });
}

export const df302: DockerfileRule = {
  id: 'DF302',
  name: 'trusted-registries',
  severity: 'off',
  language: 'dockerfile',
  peers: ['DL3026'],
  docs: {
    summary: 'An image is pulled from a registry outside the configured trusted list.',
    why: 'Base images run with full control over what ends up in the image. Teams that mirror, scan or sign images in their own registries want every `FROM` to come from them, so that an unvetted image from an arbitrary registry cannot slip into a build.',
  },
  check(model: DockerfileModel, context: RuleContext) {
    const configured = context.config?.trustedRegistries?.filter((e) => e.trim() !== '') ?? [];
    const entries = configured.length > 0 ? configured : DEFAULT_TRUSTED;
    const list = entries.join(', ');
    const hint = configured.length > 0 ? '' : ', the default when trustedRegistries is not configured';
    const report = (pull: Pull) => {
      if (pull.image.repository === 'scratch' && pull.image.registry === undefined) return;
      if (trusted(pull.image, entries)) return;
      const registry = registryOf(pull.image);
      context.report({
        range: pull.range,
        message: `'${pull.text}' is pulled from '${registry}', which the trusted registries (${list}${hint}) do not cover. Use an image from a trusted registry, or add '${registry}' to trustedRegistries.`,
      });
    };
    const stageNames = new Set<string>();
    for (const stage of model.stages) {
      if (stage.image && stage.imageRange && stage.imageText !== undefined) report({ text: stage.imageText, image: stage.image, range: stage.imageRange });
      for (const instruction of stage.instructions) otherPulls(model, instruction, stageNames).forEach(report);
      if (stage.name) stageNames.add(stage.name);
    }
  },
};
