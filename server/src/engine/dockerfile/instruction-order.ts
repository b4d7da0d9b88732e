import { Arg, Env, type Instruction } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';

/**
 * "Before" and "after" questions about instructions, answered from tables built once per
 * model and question, so a rule that asks them for every RUN stays linear in the file's size.
 * Before: the stages an instruction's stage is built on, then its own stage up to it.
 * After: the rest of its stage, then every stage built on it, in file order.
 */

interface Place {
  stage: Stage;
  index: number;
}

const places = new WeakMap<DockerfileModel, Map<Instruction, Place>>();

function placeOf(model: DockerfileModel, instruction: Instruction): Place | undefined {
  let table = places.get(model);
  if (!table) {
    table = new Map();
    for (const stage of model.stages) stage.instructions.forEach((i, index) => table!.set(i, { stage, index }));
    places.set(model, table);
  }
  return table.get(instruction);
}

export function stageOf(model: DockerfileModel, instruction: Instruction): Stage | undefined {
  return placeOf(model, instruction)?.stage;
}

/** Memo per model, then per question (a module-level function, so its identity is stable). */
function memo<K extends object, V>(store: WeakMap<DockerfileModel, Map<K, V>>, model: DockerfileModel, key: K, build: () => V): V {
  let byKey = store.get(model);
  if (!byKey) store.set(model, (byKey = new Map()));
  let value = byKey.get(key);
  if (value === undefined) byKey.set(key, (value = build()));
  return value;
}

type Pick = (instruction: Instruction, model: DockerfileModel) => boolean;

/** Per stage: for each index, the index of the last accepted instruction at or before it (-1: none). */
const lastTables = new WeakMap<DockerfileModel, Map<Pick, Map<Stage, Int32Array>>>();

function lastIndexes(model: DockerfileModel, pick: Pick, stage: Stage): Int32Array {
  const perStage = memo(lastTables, model, pick, () => new Map<Stage, Int32Array>());
  let table = perStage.get(stage);
  if (!table) {
    table = new Int32Array(stage.instructions.length);
    let last = -1;
    stage.instructions.forEach((instruction, i) => {
      if (pick(instruction, model)) last = i;
      table![i] = last;
    });
    perStage.set(stage, table);
  }
  return table;
}

/** The last instruction `pick` accepts before `instruction` (or at it, when `inclusive`). */
export function lastBefore(model: DockerfileModel, instruction: Instruction, pick: Pick, inclusive = false): Instruction | undefined {
  const place = placeOf(model, instruction);
  if (!place) return undefined;
  const upTo = inclusive ? place.index : place.index - 1;
  if (upTo >= 0) {
    const own = lastIndexes(model, pick, place.stage)[upTo];
    if (own >= 0) return place.stage.instructions[own];
  }
  // Parent by parent (a parent is always an earlier stage; the count bounds it all the same).
  let stage = place.stage;
  for (let hops = 0; stage.parent && hops < model.stages.length; hops++) {
    stage = stage.parent;
    if (stage.instructions.length === 0) continue;
    const last = lastIndexes(model, pick, stage)[stage.instructions.length - 1];
    if (last >= 0) return stage.instructions[last];
  }
  return undefined;
}

/** The stages built directly on each stage (`FROM <stage>`). */
const childTables = new WeakMap<DockerfileModel, Map<Stage, Stage[]>>();

function childrenOf(model: DockerfileModel, stage: Stage): Stage[] {
  let table = childTables.get(model);
  if (!table) {
    table = new Map(model.stages.map((s) => [s, []]));
    for (const s of model.stages) if (s.parent) table.get(s.parent)?.push(s);
    childTables.set(model, table);
  }
  return table.get(stage) ?? [];
}

const descendantKeys = new WeakMap<DockerfileModel, Map<Stage, string>>();

/** The stages built on a stage, directly or through others, as a key of their pieces: what `firstsAfter` reads past the stage. */
export function descendantsKey(model: DockerfileModel, stage: Stage): string {
  return memo(descendantKeys, model, stage, () => {
    // A parent is always an earlier stage, so no stage is met twice.
    const built = [...childrenOf(model, stage)];
    for (let i = 0; i < built.length; i++) built.push(...childrenOf(model, built[i]));
    return built.map((s) => s.chunk).join(',');
  });
}

type Classify<T> = (instruction: Instruction, model: DockerfileModel) => T | undefined;

/** Per stage: each instruction's class, and for each index the next index (at or after it) that has one. */
interface NextTable<T> {
  classes: (T | undefined)[];
  next: Int32Array;
}

const nextTables = new WeakMap<DockerfileModel, Map<Classify<unknown>, Map<Stage, NextTable<unknown>>>>();

function nextIndexes<T>(model: DockerfileModel, classify: Classify<T>, stage: Stage): NextTable<T> {
  const perStage = memo(nextTables, model, classify as Classify<unknown>, () => new Map<Stage, NextTable<unknown>>());
  let table = perStage.get(stage) as NextTable<T> | undefined;
  if (!table) {
    const classes = stage.instructions.map((i) => classify(i, model));
    const next = new Int32Array(classes.length + 1);
    next[classes.length] = -1;
    for (let i = classes.length - 1; i >= 0; i--) next[i] = classes[i] !== undefined ? i : next[i + 1];
    table = { classes, next };
    perStage.set(stage, table as NextTable<unknown>);
  }
  return table;
}

/** Per stage: the classes met first on each path through the stages built on it (`firstsAfter`). */
const afterStageTables = new WeakMap<DockerfileModel, Map<Classify<unknown>, Map<Stage, Set<unknown>>>>();

function firstsFrom<T>(model: DockerfileModel, classify: Classify<T>, stage: Stage, index: number): Set<T> {
  const own = nextIndexes(model, classify, stage);
  const at = own.next[index];
  return at >= 0 ? new Set([own.classes[at] as T]) : firstsAfterStage(model, classify, stage);
}

function firstsAfterStage<T>(model: DockerfileModel, classify: Classify<T>, stage: Stage): Set<T> {
  const perStage = memo(afterStageTables, model, classify as Classify<unknown>, () => new Map<Stage, Set<unknown>>());
  let firsts = perStage.get(stage) as Set<T> | undefined;
  if (!firsts) {
    firsts = new Set<T>();
    for (const child of childrenOf(model, stage)) for (const c of firstsFrom(model, classify, child, 0)) firsts.add(c);
    perStage.set(stage, firsts as Set<unknown>);
  }
  return firsts;
}

/**
 * The classes `classify` gives the first instruction after `instruction` that has one, on
 * every path a build can take from it: the rest of its stage, then each stage built on it.
 */
export function firstsAfter<T>(model: DockerfileModel, instruction: Instruction, classify: Classify<T>): Set<T> {
  const place = placeOf(model, instruction);
  return place ? firstsFrom(model, classify, place.stage, place.index + 1) : new Set();
}

const isEnvOrArg: Pick = (i) => i instanceof Env || i instanceof Arg;
/** Per model: an instruction object outlives its model when its stage is reused, but what comes before it may change. */
const environmentTables = new WeakMap<DockerfileModel, Map<Instruction, ReadonlyMap<string, string>>>();

/** The environment after an `ENV` or `ARG`: the one before it with its own values added. */
function environmentAfter(model: DockerfileModel, instruction: Instruction): ReadonlyMap<string, string> {
  // Walk back to the nearest known environment, then forward: no recursion on long files.
  let environments = environmentTables.get(model);
  if (!environments) environmentTables.set(model, (environments = new Map()));
  const pending: Instruction[] = [];
  let known: ReadonlyMap<string, string> | undefined;
  for (let i: Instruction | undefined = instruction; i && !(known = environments.get(i)); i = lastBefore(model, i, isEnvOrArg)) pending.push(i);
  // Only the asked-for environment is kept: copies at every step would grow with the square of the file.
  const env = new Map(known ?? []);
  for (const i of pending.reverse()) {
    const properties = i instanceof Env ? i.getProperties() : i instanceof Arg ? [i.getProperty()] : [];
    for (const p of properties) {
      const value = p?.getValue();
      // An ARG without a default is empty unless the build passes one: only defaults count.
      if (p && value !== null && value !== undefined) env.set(p.getName(), value);
    }
  }
  environments.set(instruction, env);
  return env;
}

/** `ENV` (and `ARG` defaults) in effect for an instruction: name → value as written. */
export function environmentAt(model: DockerfileModel, instruction: Instruction): Map<string, string> {
  const previous = lastBefore(model, instruction, isEnvOrArg);
  return new Map(previous ? environmentAfter(model, previous) : []);
}
