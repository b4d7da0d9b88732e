import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * Young-generation garbage collection between requests.
 *
 * V8 collects its young generation when it fills up, in the middle of whatever allocates
 * next: on a large file that is an edit's analysis, which then waits several milliseconds
 * more (most of the slowest edits on `Dockerfile.1k`). Once diagnostics are out and no
 * analysis is waiting, the server collects itself when the young generation is past half
 * full, while nobody waits for it, so the edits that follow start with room to allocate.
 */
export interface IdleCollection {
  /** Call after an answer went out: collects soon after, unless work arrives first. */
  afterResponse(): void;
}

export interface CollectionHooks {
  /** Bytes in use and capacity of the young generation. */
  youngGeneration(): { used: number; size: number };
  collectYoung(): void;
  /** Whether an analysis is scheduled: it goes first, and the collection waits for a later turn. */
  busy(): boolean;
  schedule(run: () => void): void;
}

/** Past this share of the young generation in use, the next edits would likely fill it. */
const FULL_ENOUGH = 0.5;

export function idleCollection(hooks: CollectionHooks): IdleCollection {
  let scheduled = false;
  const run = () => {
    scheduled = false;
    if (hooks.busy()) return;
    const { used, size } = hooks.youngGeneration();
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

/** The hooks of this process. `gc` is reached through a flag set at run time, in a context of its own. */
export function processHooks(busy: () => boolean): CollectionHooks {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
  return {
    youngGeneration() {
      const young = getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
      return young ? { used: young.space_used_size, size: young.space_used_size + young.space_available_size } : { used: 0, size: 0 };
    },
    collectYoung: () => gc({ type: 'minor' }),
    busy,
    schedule: (run) => void setImmediate(run),
  };
}
