import { isAlias, isMap, isScalar, isSeq, type Scalar } from 'yaml';
import { composeScope } from '../compose/environment';
import { keyText, type ComposeModel, type Service, type YamlNode } from '../compose/model';
import { definitions, SECTIONS, serviceReferences, type Reference } from '../compose/references';
import { ComposeFiles } from '../compose/related-files';
import { serviceHealth } from '../compose/service-health';
import { serviceImage } from '../compose/service-image';
import type { Scope } from '../variables';
import type { Position } from '../types';
import { imageHover } from './images';
import { substitute } from '../variables';
import { keyHoverText } from './compose-keys';
import { childPlace, itemPlace, ROOT_PLACE, type Place } from './compose-schema';
import type { HoverContext, HoverResult } from './types';

/** The scalar under the cursor, found by one descent from the root. */
interface Hit {
  scalar: Scalar;
  isKey: boolean;
  /** The schema place of the mapping holding the key, or of the value itself. */
  place: Place | undefined;
  /** Keys and list indexes from the root down to the scalar. */
  path: (string | number)[];
}

function within(node: { range?: [number, number, number] | null }, offset: number): boolean {
  const r = node.range;
  return !!r && r[0] <= offset && offset < r[1];
}

function descend(model: ComposeModel, offset: number): Hit | undefined {
  let node: unknown = model.root;
  let place: Place | undefined = ROOT_PLACE;
  const path: (string | number)[] = [];
  for (let depth = 0; depth < 64; depth++) {
    if (isMap(node)) {
      let next: unknown;
      for (const pair of node.items) {
        const key = pair.key;
        if (!isScalar(key)) continue;
        const name = keyText(key);
        if (within(key, offset)) return { scalar: key, isKey: true, place, path: [...path, name] };
        const value = pair.value as YamlNode | null;
        if (value && within(value, offset)) {
          if (isAlias(value) || name === '<<') return undefined;
          place = place && childPlace(place, name);
          path.push(name);
          next = value;
          break;
        }
      }
      if (next === undefined) return undefined;
      node = next;
    } else if (isSeq(node)) {
      const index = node.items.findIndex((item) => isScalar(item) || isMap(item) || isSeq(item) ? within(item, offset) : false);
      if (index < 0) return undefined;
      place = place && itemPlace(place);
      path.push(index);
      node = node.items[index];
    } else if (isScalar(node)) {
      return { scalar: node, isKey: false, place, path };
    } else {
      return undefined;
    }
  }
  return undefined;
}

const VARIABLE = /\$(?:\$|\{([A-Za-z_][A-Za-z0-9_]*)([^}]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g;

function code(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

/** What one `${VAR…}` / `$VAR` reference comes to with the `.env` values. */
function variableText(written: string, name: string, modifier: string, scope: Scope): string {
  const value = scope.get(name);
  const op = /^(:?)([-+?])([\s\S]*)$/.exec(modifier);
  const head = `**${written}**`;
  if (!op) {
    if (modifier) return `${head}\n\n${code(name)} ${value === undefined ? 'is not set in .env' : `= ${code(value)} (from .env)`}; the ${code(modifier)} operation is applied to it.`;
    return value === undefined
      ? `${head}\n\n${code(name)} is not set in .env: Compose takes it from the shell environment, or an empty string (with a warning).`
      : `${head}\n\n${code(name)} = ${code(value)} (from .env)`;
  }
  const [, colon, kind, rawWord] = op;
  const word = /^(["']).*\1$/s.test(rawWord) ? rawWord.slice(1, -1) : rawWord;
  const set = colon ? value !== undefined && value !== '' : value !== undefined;
  const state = value === undefined ? 'is not set in .env' : 'is empty in .env';
  if (kind === '-') {
    return set
      ? `${head}\n\n${code(name)} = ${code(value as string)} (from .env); the default ${code(word)} is not used.`
      : `${head}\n\n${code(name)} = ${code(word)} (default)\n\n${code(name)} ${state}; the default ${code(word)} applies.`;
  }
  if (kind === '?') {
    return set
      ? `${head}\n\n${code(name)} = ${code(value as string)} (from .env)`
      : `${head}\n\n${code(name)} ${state}: unless the shell sets it, Compose stops with the error ${code(word || 'required variable')}.`;
  }
  return set
    ? `${head}\n\n${code(name)} is set in .env, so the reference = ${code(word)}.`
    : `${head}\n\n${code(name)} ${state}, so the reference = \`\` (empty).`;
}

function variableHover(model: ComposeModel, scalar: Scalar, offset: number, scope: Scope): HoverResult | undefined {
  const text = typeof scalar.value === 'string' ? scalar.value : undefined;
  if (!text || !text.includes('$')) return undefined;
  const start = model.valueOffset(scalar);
  const found: { text: string; from: number; to: number }[] = [];
  for (const m of text.matchAll(VARIABLE)) {
    if (m[0] === '$$') continue;
    const index = m.index ?? 0;
    found.push({ text: variableText(m[0], (m[1] ?? m[3]) as string, m[1] !== undefined ? m[2] : '', scope), from: index, to: index + m[0].length });
  }
  if (!found.length) return undefined;
  if (start === undefined) return { contents: found.map((f) => f.text).join('\n\n---\n\n'), range: model.rangeOf(scalar) };
  const hit = found.find((f) => start + f.from <= offset && offset < start + f.to);
  return hit && { contents: hit.text, range: model.lines.range(start + hit.from, start + hit.to) };
}

/** The healthcheck `test` as written, on one line. */
function testText(model: ComposeModel, node: YamlNode | null | undefined): string | undefined {
  if (isSeq(node)) return '[' + node.items.map((i) => JSON.stringify(model.scalarText(model.resolve(i)) ?? '')).join(', ') + ']';
  return model.scalarText(node);
}

function healthLine(model: ComposeModel, service: Service, context: HoverContext): string {
  const own = model.mapAt(service.node, 'healthcheck');
  const test = own ? testText(model, model.get(own, 'test')?.value) : undefined;
  const health = serviceHealth(model, service, new ComposeFiles(context.files));
  if (health.state === 'yes') {
    if (test === undefined) return 'Healthcheck: yes, from its Dockerfile or the service it extends.';
    const interval = own ? model.scalarText(model.get(own, 'interval')?.value) : undefined;
    return `Healthcheck: ${code(test)}${interval ? ` every ${interval}` : ''}.`;
  }
  if (health.state === 'none') {
    const reason = health.reason;
    if (reason.kind === 'disabled') return 'Healthcheck: disabled.';
    if (reason.kind === 'image') return `Healthcheck: none — the image ${code(reason.image)} defines none and the service sets none.`;
    return `Healthcheck: none — ${reason.disabled ? 'disabled in' : 'not defined in'} ${code(reason.path)}.`;
  }
  return 'Healthcheck: none in this file (the image may define one).';
}

/** A service as each document of the file defines it, in order: Compose merges them, a later one overriding. */
interface Definition {
  model: ComposeModel;
  service: Service;
}

function definitionsOf(model: ComposeModel, name: string): Definition[] {
  return model.readDocuments().flatMap((d) => {
    const service = d.servicesByName.get(name);
    return service ? [{ model: d, service }] : [];
  });
}

/** The last definition that sets `key`. */
function setting(definitions: Definition[], key: string): Definition | undefined {
  return [...definitions].reverse().find((d) => d.model.get(d.service.node, key) !== undefined);
}

/**
 * The definition that tells the service's health: one with a healthcheck it gets from anywhere
 * (its own, its Dockerfile, `extends`), as DC202 counts it; else the one whose healthcheck, or
 * else whose image, decides it.
 */
function healthSource(definitions: Definition[], context: HoverContext): Definition | undefined {
  const files = new ComposeFiles(context.files);
  const healthy = definitions.find((d) => serviceHealth(d.model, d.service, files).state === 'yes');
  return healthy ?? setting(definitions, 'healthcheck') ?? setting(definitions, 'image') ?? definitions[definitions.length - 1];
}

function serviceText(model: ComposeModel, name: string, context: HoverContext, scope: Scope): string {
  const definitions = definitionsOf(model, name);
  const health = healthSource(definitions, context);
  if (!health) return `**${name}** — service\n\nNo service of that name in this file.`;
  const lines: string[] = [];
  const imaged = setting(definitions, 'image');
  const written = imaged?.model.scalarText(imaged.model.get(imaged.service.node, 'image')?.value);
  if (imaged && written !== undefined) {
    const ref = serviceImage(imaged.model, imaged.service, scope);
    const resolved = ref ? `${ref.registry ? ref.registry + '/' : ''}${ref.repository}${ref.tag ? ':' + ref.tag : ''}${ref.digest ? '@' + ref.digest : ''}` : written;
    lines.push(`Image: ${code(written)}${resolved !== written ? ` (= ${code(resolved)})` : ''}`);
  }
  const built = setting(definitions, 'build');
  const build = built?.model.get(built.service.node, 'build')?.value;
  if (built && build) {
    const context_ = isMap(build) ? built.model.scalarText(built.model.get(build, 'context')?.value) ?? '.' : built.model.scalarText(build);
    const target = isMap(build) ? built.model.scalarText(built.model.get(build, 'target')?.value) : undefined;
    lines.push(`Built from ${code(context_ ?? '.')}${target ? `, stage ${code(target)}` : ''}`);
  }
  if (!lines.length) lines.push('Image: none set');
  lines.push(healthLine(health.model, health.service, context));
  return `**${name}** — service\n\n${lines.map((l) => `- ${l}`).join('\n')}`;
}

function definitionText(model: ComposeModel, ref: Reference): string {
  const kind = ref.kind as Exclude<Reference['kind'], 'service'>;
  const section = SECTIONS[kind];
  const name = ref.name as string;
  const head = `**${name}** — ${kind}`;
  // Any document of the file may define it: Compose merges them.
  const entry = model.readDocuments().flatMap((d) => definitions(d, kind)).find((e) => e.key === name);
  if (!entry) {
    if (kind === 'network' && name === 'default') return `${head}\n\nThe project's default network, created by Compose.`;
    return `${head}\n\nNot defined in the top-level \`${section}\` section of this file.`;
  }
  const value = entry.value;
  const external = isMap(value) ? model.get(value, 'external') : undefined;
  if (external && (model.scalarText(external.value) === 'true' || isMap(external.value))) {
    const realName = (isMap(external.value) ? model.scalarText(model.get(external.value, 'name')?.value) : undefined) ?? (isMap(value) ? model.scalarText(model.get(value, 'name')?.value) : undefined);
    return `${head}\n\nExternal: created outside this project${realName ? ` as ${code(realName)}` : ''}; Compose expects it to exist.`;
  }
  const from = model.lines.offsetAt({ line: model.lines.positionAt(entry.keyNode.range?.[0] ?? 0).line, character: 0 });
  const to = value?.range?.[1] ?? entry.keyNode.range?.[1] ?? from;
  const lines = model.text.slice(from, to).replace(/\s+$/, '');
  const defaults = value === null ? `\n\nDefined with default settings${kind === 'volume' ? ' (a local volume)' : ''}.` : '';
  return `${head}\n\nDefined in \`${section}\`:\n\n\`\`\`yaml\n${lines}\n\`\`\`${defaults}`;
}

function dependencyNote(model: ComposeModel, ref: Reference, context: HoverContext): string {
  if (ref.via !== 'depends_on') return '';
  const dependsOn = model.get(ref.service.node, 'depends_on')?.value;
  const options = isMap(dependsOn) ? model.get(dependsOn, ref.name as string)?.value : undefined;
  const condition = model.scalarText(isMap(options) ? model.get(options, 'condition')?.value : undefined) ?? 'service_started';
  const target = healthSource(definitionsOf(model, ref.name as string), context);
  let note = `\n\n${code(ref.service.name)} waits for ${code(condition)}.`;
  if (condition === 'service_healthy' && target && serviceHealth(target.model, target.service, new ComposeFiles(context.files)).state === 'none') {
    note += ' The target has no healthcheck, so it never becomes healthy.';
  }
  return note;
}

function referenceHover(model: ComposeModel, hit: Hit, offset: number, context: HoverContext, scope: Scope): HoverResult | undefined {
  const service = model.services.find((s) => s.name === hit.path[1]);
  if (!service) return undefined;
  const ref = serviceReferences(model, service).find((r) => r.node === hit.scalar && (!r.span || (r.span[0] <= offset && offset < r.span[1])));
  if (!ref || ref.name === undefined) return undefined;
  const range = ref.span ? model.lines.range(ref.span[0], ref.span[1]) : model.rangeOf(hit.scalar);
  const contents = ref.kind === 'service' ? serviceText(model, ref.name, context, scope) + dependencyNote(model, ref, context) : definitionText(model, ref);
  return { contents, range };
}

/** What the Compose key or value under the cursor means. */
export function composeHover(file: ComposeModel, position: Position, context: HoverContext): HoverResult | undefined {
  const offset = file.lines.offsetAt(position);
  // In a file of several documents, the one the position is in.
  const model = [...file.readDocuments()].reverse().find((d) => (d.doc.range?.[0] ?? 0) <= offset) ?? file;
  const hit = descend(model, offset);
  if (!hit) return undefined;
  const scope = composeScope(context.files);
  if (!hit.isKey) {
    const variable = variableHover(model, hit.scalar, offset, scope);
    if (variable) return variable;
  }
  const { path } = hit;
  if (path[0] === 'services' && path.length >= 3) {
    const reference = referenceHover(model, hit, offset, context, scope);
    if (reference) return reference;
    if (!hit.isKey && path.length === 3 && path[2] === 'image') {
      const service = model.services.find((s) => s.name === path[1]);
      const written = model.scalarText(hit.scalar);
      if (service && written !== undefined) {
        const ref = serviceImage(model, service, scope);
        // The same facts as a Dockerfile's FROM: one image hover for both languages.
        const contents = ref ? imageHover(ref, substitute(written, scope) ?? written, written) : `**\`${written}\`**: not an image reference Compose can pull.`;
        return { contents, range: model.rangeOf(hit.scalar) };
      }
    }
  }
  if (!hit.isKey) return undefined;
  if (path[0] === 'services' && path.length === 2) return { contents: serviceText(model, String(path[1]), context, scope), range: model.rangeOf(hit.scalar) };
  const key = String(path[path.length - 1]);
  const text = hit.place && keyHoverText(hit.place.id, key);
  return text ? { contents: text, range: model.rangeOf(hit.scalar) } : undefined;
}
