/**
 * Hover for `$VAR` / `${VAR}`: where the variable is declared and the value in scope
 * at that point, following BuildKit's scoping (global ARGs only reach `FROM` lines
 * unless a stage re-declares them; ENV carries over into stages built on a stage).
 */
import type { Arg, Env, Instruction, PropertyInstruction, Variable } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from '../dockerfile/model';
import { substitute } from '../variables';

export const PREDEFINED_ARGS: Readonly<Record<string, string>> = {
  TARGETPLATFORM: 'platform being built for, e.g. `linux/arm64`',
  TARGETOS: 'OS of the target platform, e.g. `linux`',
  TARGETARCH: 'architecture of the target platform, e.g. `amd64` or `arm64`',
  TARGETVARIANT: 'variant of the target architecture, e.g. `v7` for `linux/arm/v7`',
  BUILDPLATFORM: 'platform of the machine running the build, e.g. `linux/amd64`',
  BUILDOS: 'OS of the build machine',
  BUILDARCH: 'architecture of the build machine',
  BUILDVARIANT: 'architecture variant of the build machine',
  TARGETSTAGE: 'name of the stage being built (`--target`)',
  HTTP_PROXY: 'proxy setting, passed with `--build-arg` and kept out of the image history',
  http_proxy: 'proxy setting, passed with `--build-arg` and kept out of the image history',
  HTTPS_PROXY: 'proxy setting, passed with `--build-arg` and kept out of the image history',
  https_proxy: 'proxy setting, passed with `--build-arg` and kept out of the image history',
  FTP_PROXY: 'proxy setting, passed with `--build-arg` and kept out of the image history',
  ftp_proxy: 'proxy setting, passed with `--build-arg` and kept out of the image history',
  NO_PROXY: 'proxy exclusions, passed with `--build-arg` and kept out of the image history',
  no_proxy: 'proxy exclusions, passed with `--build-arg` and kept out of the image history',
  ALL_PROXY: 'proxy setting, passed with `--build-arg` and kept out of the image history',
  all_proxy: 'proxy setting, passed with `--build-arg` and kept out of the image history',
  SOURCE_DATE_EPOCH: 'timestamp for reproducible builds, set by the builder when requested',
  BUILDKIT_INLINE_CACHE: 'BuildKit setting: `1` writes cache metadata into the image',
  BUILDKIT_SYNTAX: 'BuildKit setting: overrides the `# syntax=` frontend',
  BUILDKIT_CONTEXT_KEEP_GIT_DIR: 'BuildKit setting: `1` keeps `.git` in a Git build context',
  BUILDKIT_MULTI_PLATFORM: 'BuildKit setting: `1` always produces a multi-platform result',
  BUILDKIT_SANDBOX_HOSTNAME: 'BuildKit setting: host name seen by `RUN`',
};

const PLATFORM_ARGS = new Set(['TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETSTAGE']);

interface Declaration {
  kind: 'ARG' | 'ENV';
  /** 0-based line of the declaring instruction. */
  line: number;
  global: boolean;
  /** Declared in an earlier stage this one builds on. */
  inheritedFrom?: Stage;
  /** Known value; undefined when only set at build time. */
  value?: string;
  hasValue: boolean;
}

type Scope = Map<string, Declaration>;

function values(scope: Scope): Map<string, string | undefined> {
  const map = new Map<string, string | undefined>();
  for (const [name, d] of scope) map.set(name, d.value);
  return map;
}

function declare(scope: Scope, instruction: Instruction, globals: Scope | undefined, inheritedFrom?: Stage): void {
  const global = globals === undefined;
  const keyword = instruction.getKeyword();
  if (keyword !== 'ARG' && keyword !== 'ENV') return;
  const line = instruction.getRange().start.line;
  const before = values(scope);
  for (const property of (instruction as Arg | Env as PropertyInstruction).getProperties()) {
    const name = property.getName();
    const raw = property.getValue();
    const existing = scope.get(name);
    if (keyword === 'ARG') {
      // ENV wins over an ARG of the same name.
      if (existing?.kind === 'ENV' && !existing.global) continue;
      if (raw === null) {
        // A bare ARG in a stage takes the global default, if there is one.
        const globalDefault = globals?.get(name);
        scope.set(name, { kind: 'ARG', line, global, inheritedFrom, value: globalDefault?.value, hasValue: globalDefault?.hasValue ?? false });
        continue;
      }
    } else if (raw === null) continue;
    const value = raw === null ? undefined : substitute(raw, before);
    scope.set(name, { kind: keyword, line, global, inheritedFrom, value, hasValue: raw !== null });
  }
}

function scopeAt(model: DockerfileModel, stage: Stage | undefined, before: Instruction | undefined): { scope: Scope; globals: Scope } {
  const globals: Scope = new Map();
  for (const arg of model.ast.getInitialARGs()) {
    if (!stage && arg === before) break;
    declare(globals, arg, undefined);
  }
  if (!stage) return { scope: globals, globals };
  const scope: Scope = new Map();
  // ENV of the stages this one builds on.
  for (const ancestor of model.lineage(stage).slice(0, -1)) {
    for (const instruction of ancestor.instructions) {
      if (instruction.getKeyword() === 'ENV') declare(scope, instruction, globals, ancestor);
    }
  }
  for (const instruction of stage.instructions) {
    if (instruction === before) break;
    declare(scope, instruction, globals);
  }
  return { scope, globals };
}

function lineText(model: DockerfileModel, line: number): string {
  const text = model.lines.lineText(line).trim();
  return text.length > 80 ? text.slice(0, 79) + '…' : text;
}

/**
 * Markdown for a variable reference inside `instruction` (which belongs to `stage`,
 * or to no stage when it is a `FROM` line or a global `ARG`).
 */
export function variableHover(model: DockerfileModel, variable: Variable, instruction: Instruction, stage: Stage | undefined): string {
  const name = variable.getName();
  const keyword = instruction.getKeyword();
  const inFrom = keyword === 'FROM';
  const { scope, globals } = scopeAt(model, inFrom ? undefined : stage, instruction);
  const out: string[] = [`**\`$${name}\`**`];
  const declaration = scope.get(name);
  const ref = (d: Declaration) => `line ${d.line + 1}: \`${lineText(model, d.line)}\``;

  if (declaration) {
    const where = declaration.global
      ? `global \`ARG\` before the first \`FROM\` (${ref(declaration)})`
      : declaration.inheritedFrom
        ? `\`ENV\` in stage \`${declaration.inheritedFrom.name ?? declaration.inheritedFrom.index}\`, which this stage builds on (${ref(declaration)})`
        : `\`${declaration.kind}\` in this stage (${ref(declaration)})`;
    out.push(`Declared by ${where}.`);
    if (declaration.value !== undefined) out.push(`Value here: \`${declaration.value}\`${declaration.kind === 'ARG' ? ' (the default; `--build-arg` can override it)' : ''}.`);
    else if (PREDEFINED_ARGS[name]) out.push(`Predefined build argument: ${PREDEFINED_ARGS[name]}. The builder fills it in.`);
    else if (declaration.kind === 'ARG') out.push('No default: empty unless `--build-arg` sets it.');
    else out.push('Its value depends on something only known at build time.');
  } else if (PREDEFINED_ARGS[name]) {
    out.push(`Predefined build argument: ${PREDEFINED_ARGS[name]}.`);
    if (!inFrom && PLATFORM_ARGS.has(name)) out.push(`Inside a stage it is only set after \`ARG ${name}\`; add that line to the stage.`);
  } else if (globals.has(name) && !inFrom) {
    const g = globals.get(name) as Declaration;
    out.push(`Declared as a global \`ARG\` (${ref(g)}), but global ARGs only reach \`FROM\` lines. Add \`ARG ${name}\` in this stage to use it here; as written it is empty.`);
  } else {
    out.push(`Not declared in this Dockerfile${inFrom ? '' : ' before this line'}.`);
    if (keyword === 'RUN' || keyword === 'CMD' || keyword === 'ENTRYPOINT' || keyword === 'HEALTHCHECK') out.push('The shell may still get it from the base image\'s environment or set it itself.');
    else out.push('It may come from the base image\'s environment; otherwise it expands to an empty string.');
  }

  const modifier = variable.getModifier();
  const param = variable.getSubstitutionParameter();
  if (modifier === '-') out.push(`If unset or empty, \`${param ?? ''}\` is used instead.`);
  else if (modifier === '+') out.push(`Expands to \`${param ?? ''}\` when set, to nothing otherwise.`);
  else if (modifier === '?') out.push('The build fails if it is unset.');

  if (keyword === 'RUN') out.push('_In `RUN` the shell expands it; ARG and ENV values are passed in as environment variables._');
  else if (keyword === 'CMD' || keyword === 'ENTRYPOINT') out.push('_Expanded by the shell when the container starts (shell form only; the JSON form does not expand variables)._');
  return out.join('\n\n');
}
