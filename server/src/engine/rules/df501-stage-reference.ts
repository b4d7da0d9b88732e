import type { DockerfileModel, Stage } from '../dockerfile/model';
import { isOfficialImageName } from '../dockerfile/official-images';
import { byCloseness, typoDistance } from '../dockerfile/similar';
import { stageSources } from '../dockerfile/stage-sources';
import { stageRule, type RuleContext } from '../rule';
import type { Fix, Range } from '../types';
import { substitute } from '../variables';

const MAX_FIXES = 5;

interface Reference {
  /** The name as written (after global ARG substitution for `FROM`). */
  value: string;
  range: Range;
  /** `FROM x` sees only the stages above it, and pulls any other name from a registry. */
  inFrom: boolean;
}

/** A bare name (no registry, path, tag or digest) could be a stage or an official image. */
function isBare(name: string): boolean {
  return !/[/:.@]/.test(name);
}

/** The stages or images the stage copies or mounts from. */
function sourceReferences(model: DockerfileModel, stage: Stage): Reference[] {
  return stageSources(model, stage).map((source) => ({ ...source, inFrom: false }));
}

function fromReference(model: DockerfileModel, stage: Stage): Reference | undefined {
  const written = stage.from.getImage();
  if (!written || !stage.imageRange) return undefined;
  const value = substitute(written, model.globalArgs);
  return value ? { value, range: stage.imageRange, inFrom: true } : undefined;
}

/**
 * Per model, each stage's dependencies (its FROM parent and the stages it copies or mounts
 * from, which must be built first) and, the other way round, the stages that depend on it.
 */
interface DependencyTable {
  needs: Map<Stage, Stage[]>;
  neededBy: Map<Stage, Stage[]>;
}

const dependencyTables = new WeakMap<DockerfileModel, DependencyTable>();

function dependencies(model: DockerfileModel): DependencyTable {
  let table = dependencyTables.get(model);
  if (!table) {
    table = { needs: new Map(), neededBy: new Map(model.stages.map((s) => [s, []])) };
    for (const stage of model.stages) {
      const used = stageSources(model, stage).map((source) => model.stageNamed(source.value));
      const needs = [stage.parent, ...used].filter((d): d is Stage => d !== undefined);
      table.needs.set(stage, needs);
      for (const need of needs) table.neededBy.get(need)?.push(stage);
    }
    dependencyTables.set(model, table);
  }
  return table;
}

/** Whether building `from` needs `target`. */
function dependsOn(model: DockerfileModel, from: Stage, target: Stage): boolean {
  return reachable(from, dependencies(model).needs).has(target);
}

/** The stages whose build needs `target`, itself included. */
function dependents(model: DockerfileModel, target: Stage): Set<Stage> {
  return reachable(target, dependencies(model).neededBy);
}

/** `start` and every stage reached from it along `edges`. */
function reachable(start: Stage, edges: ReadonlyMap<Stage, readonly Stage[]>): Set<Stage> {
  const reached = new Set<Stage>([start]);
  for (const stage of reached) for (const next of edges.get(stage) ?? []) reached.add(next);
  return reached;
}

/** Stages a reference from `stage` could use: those above for FROM; any that does not depend on it for `--from`. */
function usable(model: DockerfileModel, stage: Stage, ref: Reference): Stage[] {
  if (ref.inFrom) return model.stages.slice(0, stage.index);
  const needing = dependents(model, stage);
  return model.stages.filter((s) => !needing.has(s));
}

/** Why a reference does not resolve, or undefined when it does. */
function problem(model: DockerfileModel, stage: Stage, ref: Reference): string | undefined {
  const name = ref.value.toLowerCase();
  if (ref.inFrom) {
    // FROM only sees the stages above it; any other name is an image to pull.
    const named = model.stagesNamed(name);
    if (named.some((s) => s.index < stage.index) || !isBare(name) || name === 'scratch' || isOfficialImageName(name)) return undefined;
    const later = named.find((s) => s.index > stage.index);
    if (later) return `Stage '${name}' is defined further down, on line ${later.from.getRange().start.line + 1}, and FROM only sees stages above it, so this pulls an image named '${name}' instead.`;
    const close = likelyMeant(name, usable(model, stage, ref));
    return close.length > 0 ? `No stage named '${name}' is defined above; did you mean '${close[0]}'?` : undefined;
  }
  const target = model.stageNamed(name);
  if (target === stage) return `Stage ${/^\d/.test(name) ? name : `'${name}'`} is the stage this instruction is in; a stage cannot copy or mount from itself.`;
  if (target && dependsOn(model, target, stage)) return `Stage '${target.name ?? target.index}' itself builds on this stage, so using it here makes a cycle that BuildKit rejects.`;
  if (target) return undefined;
  if (/^\d+$/.test(name)) return `There is no stage with index ${name}; stages are numbered from 0 to ${model.stages.length - 1}.`;
  if (!isBare(name) || name === 'scratch' || isOfficialImageName(name)) return undefined;
  const close = likelyMeant(name, usable(model, stage, ref));
  if (close.length > 0) return `No stage is named '${name}'; did you mean '${close[0]}'?`;
  return `No stage is named '${name}', and it is not an official image; name a stage or a full image reference.`;
}

function stageNames(stages: readonly Stage[]): string[] {
  return stages.map((s) => s.name).filter((n): n is string => n !== undefined);
}

/** Stage names the reference plausibly meant: a slip of the pen, or a part of a longer name (`set` for `license-set`). */
function likelyMeant(name: string, stages: readonly Stage[]): string[] {
  const names = stageNames(stages);
  const parts = names.filter((n) => n.includes(name) && n.split(/[-_.]/).includes(name));
  return [...new Set([...byCloseness(name, names, typoDistance(name)), ...parts])];
}

function fixes(model: DockerfileModel, stage: Stage, ref: Reference): Fix[] {
  const stages = usable(model, stage, ref);
  const name = ref.value.toLowerCase();
  const likely = likelyMeant(name, stages);
  const candidates = /^\d+$/.test(name) ? stages.map((s) => s.name ?? String(s.index)) : [...new Set([...likely, ...byCloseness(name, stageNames(stages), Infinity, MAX_FIXES + likely.length)])];
  return candidates.slice(0, MAX_FIXES).map((candidate, i) => {
    const fix: Fix = { title: `Use stage '${candidate}' instead of '${ref.value}'`, edits: [{ range: ref.range, newText: candidate }] };
    if (i === 0 && likely.length > 0) fix.preferred = true;
    return fix;
  });
}

export const df501 = stageRule({
  id: 'DF501',
  name: 'stage-reference',
  severity: 'error',
  language: 'dockerfile',
  fix: 'Use stage',
  peers: ['DL3022', 'DL3023'],
  docs: {
    summary: '`COPY --from`, `RUN --mount=from=` or `FROM` names a stage that does not exist where it is used, or that leads back to the stage using it.',
    why: 'A name that matches no stage is taken as an image to pull, so a typo in `--from`, or a `FROM` naming a stage that is only defined further down, makes the build fetch an image that does not exist, with an error about the registry rather than about the Dockerfile. A stage that copies from itself, or from a stage built on it, is a cycle BuildKit refuses.',
  },
  fileInputs: (model) => model.stagesKey(),
  checkStage(model: DockerfileModel, stage: Stage, context: RuleContext) {
    const refs = [fromReference(model, stage), ...sourceReferences(model, stage)];
    for (const ref of refs) {
      if (!ref || ref.value.includes('$') || /["']/.test(ref.value)) continue;
      const message = problem(model, stage, ref);
      if (message) context.report({ range: ref.range, message, fixes: fixes(model, stage, ref) });
    }
  },
});
