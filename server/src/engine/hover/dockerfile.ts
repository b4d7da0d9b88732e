/**
 * Dockerfile hover: the narrowest thing under the cursor wins. Order inside an
 * instruction: variable reference, `--mount` option, flag value, flag, image or stage
 * reference in `FROM`, instruction keyword. Parser directives are checked first.
 * One walk over the instructions up to the cursor; the parsed model is reused.
 */
import type { Flag, From, Healthcheck, Instruction, ModifiableInstruction, Onbuild } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { INSTRUCTION_DOCS } from '../dockerfile/instruction-docs';
import { parseImageRef } from '../image-ref';
import { rangeContains } from '../text';
import type { Position, Range } from '../types';
import { DIRECTIVE_DOCS, FLAG_DOCS, MOUNT_OPTIONS, MOUNT_TYPES, mountOptionName, type MountType } from './dockerfile-flags';
import { imageHover } from './images';
import { variableHover } from './dockerfile-variables';
import type { HoverContext, HoverResult } from './types';

type FlagOption = ReturnType<Flag['getOptions']>[number];

const fence = (code: string): string => `\`\`\`dockerfile\n${code}\n\`\`\``;

/** What the Dockerfile element under the cursor is and does (markdown). */
export function dockerfileHover(model: DockerfileModel, position: Position, _context: HoverContext): HoverResult | undefined {
  const directive = directiveHover(model, position);
  if (directive) return directive;
  for (const instruction of model.ast.getInstructions()) {
    const range = instruction.getRange();
    if (position.line < range.start.line) break;
    if (!rangeContains(range, position)) continue;
    return instructionHover(model, instruction, position, stageOf(model, instruction), true);
  }
  return undefined;
}

function stageOf(model: DockerfileModel, instruction: Instruction): Stage | undefined {
  const line = instruction.getRange().start.line;
  let found: Stage | undefined;
  for (const stage of model.stages) {
    if (stage.from.getRange().start.line > line) break;
    found = stage;
  }
  return found;
}

function instructionHover(model: DockerfileModel, instruction: Instruction, position: Position, stage: Stage | undefined, withVariables: boolean): HoverResult | undefined {
  const keyword = instruction.getKeyword();
  if (withVariables) {
    for (const variable of instruction.getVariables()) {
      const range = variable.getRange();
      if (rangeContains(range, position)) return { contents: variableHover(model, variable, instruction, stage), range };
    }
  }
  if (keyword === 'ONBUILD') {
    const trigger = (instruction as Onbuild).getTriggerInstruction();
    if (trigger && rangeContains(trigger.getRange(), position) && !rangeContains(instruction.getInstructionRange(), position)) {
      const inner = instructionHover(model, trigger, position, stage, false);
      if (inner) return { contents: `_Runs when another build uses this image as its base._\n\n${inner.contents}`, range: inner.range };
    }
  }
  if ('getFlags' in instruction) {
    for (const flag of (instruction as ModifiableInstruction).getFlags()) {
      if (rangeContains(flag.getRange(), position)) return flagHover(model, keyword, flag, position);
    }
  }
  if (keyword === 'FROM') {
    const hover = fromHover(model, instruction as From, position);
    if (hover) return hover;
  }
  if (keyword === 'HEALTHCHECK') {
    const sub = (instruction as Healthcheck).getSubcommand();
    if (sub && rangeContains(sub.getRange(), position)) {
      const word = sub.getValue().toUpperCase();
      const text = word === 'NONE'
        ? '**`HEALTHCHECK NONE`** turns off any health check inherited from the base image.'
        : '**`CMD`** (in `HEALTHCHECK`): the probe. Exit code 0 means healthy, 1 unhealthy. It runs inside the container, so the tool it calls (`curl`, `wget`, `pg_isready`…) must exist in the image.';
      return { contents: text, range: sub.getRange() };
    }
  }
  const keywordRange = instruction.getInstructionRange();
  if (rangeContains(keywordRange, position)) {
    const entry = INSTRUCTION_DOCS[keyword];
    if (!entry) return undefined;
    return {
      contents: `**${keyword}**\n\n${fence(entry.syntax)}\n\n${entry.text}\n\nExample:\n\n${fence(entry.example)}`,
      range: keywordRange,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Flags

function flagHover(model: DockerfileModel, keyword: string, flag: Flag, position: Position): HoverResult {
  const name = flag.getName().toLowerCase();
  const value = flag.getValue();
  const valueRange = flag.getValueRange();
  const doc = FLAG_DOCS[name];

  if (name === 'mount' && keyword === 'RUN') {
    const option = flag.getOptions().find((o) => rangeContains(o.getRange(), position));
    if (option) return mountOptionHover(model, flag, option, position);
  }
  if (name === 'from' && value && valueRange && rangeContains(valueRange, position)) {
    return { contents: `**\`--from=${value}\`**: ${sourceHover(model, value)}`, range: valueRange };
  }
  if (doc?.values && value !== null && valueRange && rangeContains(valueRange, position)) {
    const text = doc.values[value.toLowerCase()];
    if (text) return { contents: `**\`--${name}=${value}\`**\n\n${text}`, range: valueRange };
  }

  const range = flag.getRange();
  if (!doc) {
    const known = Object.keys(FLAG_DOCS).filter((k) => FLAG_DOCS[k].instructions.includes(keyword));
    return {
      contents: `**\`--${flag.getName()}\`**: not a flag of \`${keyword}\`.${known.length ? ` Known flags: ${known.map((k) => `\`--${k}\``).join(', ')}.` : ` \`${keyword}\` takes no flags.`}`,
      range,
    };
  }
  const parts = [`**\`--${name}\`** (${doc.instructions.join(', ')})`, fence(doc.syntax), doc.text];
  if (doc.values) parts.push(Object.values(doc.values).map((v) => `- ${v}`).join('\n'));
  if (doc.default) parts.push(`Default: \`${doc.default}\`${value !== null && value !== '' && name !== 'mount' ? `; here \`${value}\`` : ''}.`);
  if (!doc.instructions.includes(keyword)) parts.push(`**Not accepted by \`${keyword}\`**: only ${doc.instructions.map((i) => `\`${i}\``).join(', ')} take it.`);
  parts.push(`Example:\n\n${fence(doc.example)}`);
  return { contents: parts.join('\n\n'), range };
}

function mountOptionHover(model: DockerfileModel, flag: Flag, option: FlagOption, position: Position): HoverResult {
  const typeValue = (flag.getOption('type')?.getValue() ?? 'bind').toLowerCase();
  const type = (typeValue in MOUNT_TYPES ? typeValue : undefined) as MountType | undefined;
  const written = option.getName();
  const canonical = mountOptionName(written);
  const value = option.getValue();
  const valueRange = option.getValueRange();
  const range = option.getRange();

  if (canonical === 'type') {
    if (!type) return { contents: `**\`type=${typeValue}\`**: not a mount type. Use one of ${Object.keys(MOUNT_TYPES).map((t) => `\`${t}\``).join(', ')}.`, range };
    const doc = MOUNT_TYPES[type];
    const options = Object.keys(MOUNT_OPTIONS).filter((k) => k !== 'type' && MOUNT_OPTIONS[k].types.includes(type));
    return {
      contents: `**\`--mount=type=${type}\`**\n\n${doc.text}\n\nOptions: ${options.map((o) => `\`${o}\``).join(', ')}.\n\nExample:\n\n${fence(doc.example)}`,
      range,
    };
  }
  if (!canonical) {
    return { contents: `**\`${written}\`**: not an option of a \`${typeValue}\` mount.`, range };
  }
  const doc = MOUNT_OPTIONS[canonical];
  if (canonical === 'from' && value && valueRange && rangeContains(valueRange, position)) {
    return { contents: `**\`from=${value}\`** (mount source): ${sourceHover(model, value)}`, range: valueRange };
  }
  if (doc.values && value && valueRange && rangeContains(valueRange, position)) {
    const text = doc.values[value.toLowerCase()];
    if (text) return { contents: `**\`${written}=${value}\`**\n\n${text}`, range: valueRange };
  }
  const alias = written.toLowerCase() !== canonical ? ` (same as \`${canonical}\`)` : '';
  const parts = [`**\`${written}\`**${alias}: option of a \`${type ?? typeValue}\` mount`, doc.text];
  const specific = type ? doc.byType?.[type] : undefined;
  if (specific) parts.push(specific);
  if (doc.values) parts.push(Object.values(doc.values).map((v) => `- ${v}`).join('\n'));
  if (type && !doc.types.includes(type)) parts.push(`**Not used by \`${type}\` mounts**; it applies to ${doc.types.map((t) => `\`${t}\``).join(', ')}.`);
  if (type) parts.push(`Example:\n\n${fence(MOUNT_TYPES[type].example)}`);
  return { contents: parts.join('\n\n'), range };
}

// ---------------------------------------------------------------------------
// Stages and images

function stageByReference(model: DockerfileModel, text: string): Stage | undefined {
  const lower = text.toLowerCase();
  const named = model.stages.find((s) => s.name === lower);
  if (named) return named;
  return /^\d+$/.test(text) ? model.stages[Number(text)] : undefined;
}

function stageText(model: DockerfileModel, stage: Stage): string {
  const line = stage.from.getRange().start.line;
  const label = stage.name ? `\`${stage.name}\`` : `#${stage.index}`;
  const parts = [`build stage ${label} (stage ${stage.index} of ${model.stages.length}, line ${line + 1}):`, fence(model.lines.lineText(line).trim())];
  const chain = model.lineage(stage);
  const root = chain[0];
  if (chain.length > 1 && root.imageText) parts.push(`Built on ${chain.slice(0, -1).map((s) => `\`${s.name ?? s.index}\``).join(' → ')}, rooted in \`${root.imageText}\`.`);
  return parts.join('\n\n');
}

/** A `--from=` / `from=` value: a stage, else an image or named context. */
function sourceHover(model: DockerfileModel, text: string): string {
  const stage = stageByReference(model, text);
  if (stage) return stageText(model, stage);
  const ref = parseImageRef(text);
  if (!ref) return 'an image or a named build context (`--build-context`).';
  const named = !ref.tag && !ref.digest && !ref.registry && !ref.official ? '\n\nNo stage has this name, so it is an image or a named build context (`--build-context`).' : '';
  return `an image, not a stage of this file.${named}\n\n${imageHover(ref, text, text)}`;
}

function fromHover(model: DockerfileModel, from: From, position: Position): HoverResult | undefined {
  const stage = model.stages.find((s) => s.from === from);
  if (!stage) return undefined;
  const nameRange = from.getBuildStageRange();
  if (nameRange && rangeContains(nameRange, position)) return { contents: stageNameHover(model, stage), range: nameRange };
  const range = stage.imageRange;
  if (!range || !rangeContains(range, position)) return undefined;
  const written = from.getImage() ?? '';
  if (stage.parent) return { contents: `**\`${written}\`**: ${stageText(model, stage.parent)}`, range };
  if (stage.image && stage.imageText) return { contents: imageHover(stage.image, stage.imageText, written), range };
  return { contents: `**\`${written}\`**: the image depends on build arguments without a default, so it is only known at build time.`, range };
}

function stageNameHover(model: DockerfileModel, stage: Stage): string {
  const uses: string[] = [];
  for (const other of model.stages) {
    if (other.parent === stage) uses.push(`line ${other.from.getRange().start.line + 1}: \`FROM ${stage.name}\``);
    for (const instruction of other.instructions) {
      if (!('getFlags' in instruction)) continue;
      for (const flag of (instruction as ModifiableInstruction).getFlags()) {
        const name = flag.getName().toLowerCase();
        const value = name === 'from' ? flag.getValue() : name === 'mount' ? flag.getOption('from')?.getValue() : undefined;
        if (value && stageByReference(model, value) === stage) uses.push(`line ${instruction.getRange().start.line + 1}: \`${instruction.getKeyword()} --${name}\``);
      }
    }
  }
  const last = stage === model.finalStage ? ' It is the last stage, so it is what the build produces unless `--target` picks another.' : '';
  const usedBy = uses.length > 0 ? `Used by:\n${uses.map((u) => `- ${u}`).join('\n')}` : 'Nothing in this file refers to it; it is only built when it is the target (`--target`) or the last stage.';
  return `**Stage \`${stage.name}\`** (stage ${stage.index}). Refer to it with \`COPY --from=${stage.name}\`, \`FROM ${stage.name}\` or \`docker build --target ${stage.name}\`.${last}\n\n${usedBy}`;
}

// ---------------------------------------------------------------------------
// Parser directives

function directiveHover(model: DockerfileModel, position: Position): HoverResult | undefined {
  for (const directive of model.ast.getDirectives()) {
    const range = directive.getRange();
    if (range.start.line !== position.line) continue;
    if (!rangeContains(range, position)) return undefined;
    const name = directive.getName().toLowerCase();
    const doc = DIRECTIVE_DOCS[name];
    if (!doc) return { contents: `**\`# ${directive.getName()}=\`**: not a parser directive BuildKit knows (\`syntax\`, \`escape\`, \`check\`); it is read as a comment.`, range };
    const valueRange = directive.getValueRange();
    if (doc.parts && rangeContains(valueRange, position)) {
      const part = partAt(directive.getValue(), valueRange, position);
      if (part) {
        const text = doc.parts[part.key.trim().toLowerCase()];
        if (text) return { contents: `**\`${part.text.trim()}\`** (in \`# ${name}=\`)\n\n${text}`, range: part.range };
      }
    }
    return { contents: `**Parser directive \`${name}\`**\n\n${fence(doc.syntax)}\n\n${doc.text}\n\nExample:\n\n${fence(doc.example)}`, range };
  }
  return undefined;
}

/** The `key=value` part of a `;`-separated directive value under the cursor. */
function partAt(value: string, valueRange: Range, position: Position): { key: string; text: string; range: Range } | undefined {
  const line = valueRange.start.line;
  let offset = valueRange.start.character;
  for (const text of value.split(';')) {
    const end = offset + text.length;
    if (position.character >= offset && position.character <= end) {
      const eq = text.indexOf('=');
      return { key: eq < 0 ? text : text.slice(0, eq), text, range: { start: { line, character: offset }, end: { line, character: end } } };
    }
    offset = end + 1;
  }
  return undefined;
}
