import { isMap, isSeq } from 'yaml';
import { DockerfileModel } from '../dockerfile/model';
import { statefulImage } from '../image-facts';
import { parseImageRef, type ImageRef } from '../image-ref';
import type { ComposeModel, Service, YamlNode } from './model';
import { extendsTarget, folderOf, isLocalRelativePath, joinPath, type ComposeFiles } from './related-files';

/** Environment values a healthcheck may name; interpolated ones are read in the container. */
export function serviceEnv(model: ComposeModel, service: Service): Map<string, string> {
  const env = new Map<string, string>();
  const value = model.get(service.node, 'environment')?.value;
  const put = (key: string, v: string | undefined) => {
    if (v !== undefined) env.set(key, v.includes('$') ? `$\${${key}}` : v);
  };
  if (isMap(value)) for (const e of model.entries(value)) put(e.key, model.scalarText(e.value));
  if (isSeq(value)) {
    for (const item of value.items) {
      const text = model.scalarText(model.resolve(item));
      const eq = text?.indexOf('=') ?? -1;
      if (text && eq > 0) put(text.slice(0, eq), text.slice(eq + 1));
    }
  }
  return env;
}

/**
 * Official images that define no `HEALTHCHECK`: the Docker Official Images leave health
 * probes to their users, and these are the ones services and Dockerfiles most often
 * start from. The stateful images of image-facts are added on top.
 */
const BASES_WITHOUT_HEALTHCHECK = new Set(
  `alpine busybox debian ubuntu fedora almalinux rockylinux oraclelinux amazonlinux node python golang ruby php perl
  rust openjdk eclipse-temurin amazoncorretto gradle maven nginx httpd tomcat caddy traefik haproxy bash buildpack-deps
  gcc elixir erlang dart swift julia pypy`.split(/\s+/),
);

/** An image known to define no `HEALTHCHECK`, so a container of it has none unless Compose gives one. */
export function knownWithoutHealthcheck(image: ImageRef | undefined): boolean {
  if (!image || !image.official) return false;
  return image.repository === 'scratch' || BASES_WITHOUT_HEALTHCHECK.has(image.repository) || statefulImage(image) !== undefined;
}

/**
 * Whether a service's containers get a healthcheck: `yes`, `none` (why, for messages),
 * or `unknown` when it depends on something out of sight (an image of unknown make, a
 * Dockerfile or extended file that cannot be read, a variable).
 */
export type Health = { state: 'yes' } | { state: 'unknown' } | { state: 'none'; reason: NoneReason };

export type NoneReason =
  | { kind: 'disabled' }
  | { kind: 'image'; image: string }
  | { kind: 'dockerfile'; path: string; disabled: boolean; root?: ImageRef };

const UNKNOWN: Health = { state: 'unknown' };

/** The `healthcheck` key of a service: `yes` with a test, `none` when turned off, else unset. */
export function composeHealthcheck(model: ComposeModel, service: Service): 'yes' | 'none' | 'unset' {
  const healthcheck = model.mapAt(service.node, 'healthcheck');
  if (!healthcheck) return 'unset';
  if (model.scalarText(model.get(healthcheck, 'disable')?.value) === 'true') return 'none';
  const test = model.get(healthcheck, 'test')?.value;
  if (!test) return 'unset';
  const first = isSeq(test) ? model.scalarText(model.resolve(test.items[0])) : model.scalarText(test);
  return first === 'NONE' ? 'none' : 'yes';
}

/** The healthcheck a Dockerfile gives the stage Compose builds (`target`, else the last one). */
function dockerfileHealth(text: string, target: string | undefined, path: string): Health {
  const dockerfile = new DockerfileModel(text);
  const stage = target === undefined ? dockerfile.finalStage : dockerfile.stages.find((s) => s.name === target.toLowerCase());
  if (!stage) return UNKNOWN;
  const chain = dockerfile.lineage(stage);
  const checks = chain.flatMap((s) => s.instructions).filter((i) => i.getKeyword() === 'HEALTHCHECK');
  const last = checks[checks.length - 1];
  if (last) {
    const word = last.getArguments().find((a) => !a.getValue().startsWith('--'));
    return word?.getValue().toUpperCase() === 'NONE' ? { state: 'none', reason: { kind: 'dockerfile', path, disabled: true } } : { state: 'yes' };
  }
  const root = chain[0].image;
  return knownWithoutHealthcheck(root) ? { state: 'none', reason: { kind: 'dockerfile', path, disabled: false, root } } : UNKNOWN;
}

function text(model: ComposeModel, node: unknown): string | undefined {
  const written = model.scalarText(model.resolve(node));
  return written === undefined || written.includes('$') ? undefined : written;
}

/** The healthcheck of the image a `build` key makes (string or mapping form). */
function buildHealth(model: ComposeModel, build: YamlNode | null, folder: string, files: ComposeFiles): Health {
  const options = isMap(build) ? build : undefined;
  const option = (key: string) => (options ? model.get(options, key) : undefined);
  const targetEntry = option('target');
  const target = targetEntry && text(model, targetEntry.value);
  if (targetEntry && target === undefined) return UNKNOWN;
  const inline = option('dockerfile_inline');
  if (inline) {
    const source = model.scalarText(inline.value);
    return source === undefined ? UNKNOWN : dockerfileHealth(source, target, 'dockerfile_inline');
  }
  const contextEntry = option('context');
  const context = options ? (contextEntry ? text(model, contextEntry.value) : '.') : text(model, build);
  const dockerfileEntry = option('dockerfile');
  const name = dockerfileEntry ? text(model, dockerfileEntry.value) : 'Dockerfile';
  if (context === undefined || name === undefined || !isLocalRelativePath(context) || !isLocalRelativePath(name)) return UNKNOWN;
  const path = joinPath(joinPath(folder, context), name);
  const source = files.text(path);
  return source === undefined ? UNKNOWN : dockerfileHealth(source, target, path);
}

/** What the service's own `build`/`image` keys say, before any `extends`; undefined when it has neither. */
function imageHealth(model: ComposeModel, service: Service, folder: string, files: ComposeFiles): Health | undefined {
  const build = model.get(service.node, 'build');
  if (build) return buildHealth(model, build.value, folder, files);
  const entry = model.get(service.node, 'image');
  if (!entry) return undefined;
  const image = text(model, entry.value);
  return image !== undefined && knownWithoutHealthcheck(parseImageRef(image)) ? { state: 'none', reason: { kind: 'image', image } } : UNKNOWN;
}

const MAX_EXTENDS = 8;

/**
 * The healthcheck a service's containers run with, following `extends` (in this file or
 * another one `files` can read) for what the service leaves unset. `folder` is where the
 * model's file lies, relative to the linted file.
 */
export function serviceHealth(model: ComposeModel, service: Service, files: ComposeFiles, folder = '.', depth = 0): Health {
  const own = composeHealthcheck(model, service);
  if (own === 'yes') return { state: 'yes' };
  if (own === 'none') return { state: 'none', reason: { kind: 'disabled' } };
  const fromImage = imageHealth(model, service, folder, files);
  const parent = extendsTarget(model, service);
  if (!parent) return fromImage ?? UNKNOWN;
  if (depth >= MAX_EXTENDS) return UNKNOWN;
  let source: { model: ComposeModel; folder: string } | undefined = { model, folder };
  if (parent.file !== undefined) {
    const path = isLocalRelativePath(parent.file) ? joinPath(folder, parent.file) : undefined;
    const file = path === undefined ? undefined : files.read(path);
    source = file && { model: file.model, folder: folderOf(file.path) };
  }
  const base = source?.model.services.find((s) => s.name === parent.service);
  if (!source || !base) return UNKNOWN;
  const inherited = serviceHealth(source.model, base, files, source.folder, depth + 1);
  // A healthcheck the parent sets is kept; its image is not when this service names its own.
  if (inherited.state === 'yes' || !fromImage) return inherited;
  if (inherited.state === 'none' && inherited.reason.kind === 'disabled') return inherited;
  return fromImage;
}
