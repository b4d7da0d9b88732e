import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Young-generation garbage collection between requests, and a young generation kept small.
 *
 * V8 collects its young generation when it fills up, in the middle of whatever allocates
 * next: on a large file that is an edit's analysis, which then waits several milliseconds
 * more (most of the slowest edits on `Dockerfile.1k`). Once diagnostics are out and no
 * analysis is waiting, the server collects itself when the young generation is past half
 * full, while nobody waits for it, so the edits that follow start with room to allocate.
 *
 * V8 sizes the heap for throughput: it doubles the young generation up to 2 × 16 MiB while
 * objects survive, and lets the old one fill to several times what is live before a full
 * collection. The server's live heap is small (10–17 MB over the corpus, about 40 MB with a
 * 10,000-line Dockerfile being edited), so most of a 140–190 MiB peak was room V8 had taken.
 * The young generation stops growing at `YOUNG_GENERATION_CAP`, and the old one grows by a
 * tenth over what a full collection left.
 */
export interface IdleCollection {
  /** Call after an answer went out: collects soon after, unless work arrives first. */
  afterResponse(): void;
}

export interface CollectionHooks {
  /** Bytes in use and capacity of the young generation. */
  youngGeneration(): { used: number; size: number };
  collectYoung(): void;
  /** From now on the young generation keeps its size: V8 stops doubling it. */
  stopYoungGrowth(): void;
  /** Whether an analysis is scheduled: it goes first, and the collection waits for a later turn. */
  busy(): boolean;
  schedule(run: () => void): void;
}

/** Past this share of the young generation in use, the next edits would likely fill it. */
const FULL_ENOUGH = 0.5;

/**
 * What the young generation holds between collections (`youngGeneration().size`), past which
 * it stops growing (V8 would go on to 16 MiB; one more doubling may come before the check).
 * An edit of `Dockerfile.1k` allocates about 2 MiB, so two edits fit between the collections
 * made while idle. Opening and editing the large files took the same time, within noise, with
 * young generations from 1 to 16 MiB.
 */
export const YOUNG_GENERATION_CAP = 4 * 1024 * 1024;

export function idleCollection(hooks: CollectionHooks): IdleCollection {
  let scheduled = false;
  let growing = true;
  const run = () => {
    scheduled = false;
    const { used, size } = hooks.youngGeneration();
    if (growing && size >= YOUNG_GENERATION_CAP) {
      hooks.stopYoungGrowth();
      growing = false;
    }
    if (hooks.busy()) return;
    if (size > 0 && used / size > FULL_ENOUGH) hooks.collectYoung();
  };
  return {
    afterResponse() {
      if (scheduled) return;
      scheduled = true;
      hooks.schedule(run);
    },
  };
}

/**
 * The hooks of this process. `gc` is reached through a flag set at run time, in a context of
 * its own; the growth settings are V8 flags read at each collection, so setting them at run
 * time holds for the server however it was started (VS Code, the bin, `node dist/server.js`).
 */
export function processHooks(busy: () => boolean): CollectionHooks {
  setFlagsFromString('--expose-gc');
  setFlagsFromString('--heap-growing-percent=10');
  const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
  return {
    youngGeneration() {
      const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
      return young ? { used: young.space_used_size, size: young.space_used_size + young.space_available_size } : { used: 0, size: 0 };
    },
    collectYoung: () => gc({ type: 'minor' }),
    stopYoungGrowth: () => setFlagsFromString('--semi-space-growth-factor=1'),
    busy,
    schedule: (run) => void setImmediate(run),
  };
}
