import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { idleCollection, processHooks, YOUNG_GENERATION_CAP, type CollectionHooks } from './idle-collection';

/**
 * A full collection. Dead objects an earlier test left in the old generation still count as
 * roots for a young-generation collection until one runs, and keep what they point to alive.
 */
function collectEverything(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

function fake(used: number, size = 100) {
  const log: string[] = [];
  const queue: (() => void)[] = [];
  const state = { used, size, busy: false };
  const hooks: CollectionHooks = {
    youngGeneration: () => ({ used: state.used, size: state.size }),
    collectYoung: () => {
      log.push('collect');
      state.used = 0;
    },
    stopYoungGrowth: () => log.push('stop growing'),
    busy: () => state.busy,
    schedule: (run) => {
      log.push('schedule');
      queue.push(run);
    },
  };
  const runQueued = () => queue.splice(0).forEach((run) => run());
  return { hooks, log, state, runQueued };
}

describe('young-generation collection between requests', () => {
  test('runs on a later turn once the young generation is more than half full', () => {
    const f = fake(60);
    const idle = idleCollection(f.hooks);
    idle.afterResponse();
    assert.deepEqual(f.log, ['schedule'], 'nothing is collected while the answer goes out');
    f.runQueued();
    assert.deepEqual(f.log, ['schedule', 'collect']);
  });

  test('does nothing while half of it or less is in use', () => {
    const f = fake(50);
    idleCollection(f.hooks).afterResponse();
    f.runQueued();
    assert.deepEqual(f.log, ['schedule']);
  });

  test('leaves the turn to an analysis that is waiting', () => {
    const f = fake(90);
    const idle = idleCollection(f.hooks);
    idle.afterResponse();
    f.state.busy = true;
    f.runQueued();
    assert.deepEqual(f.log, ['schedule']);
    f.state.busy = false;
    idle.afterResponse();
    f.runQueued();
    assert.deepEqual(f.log, ['schedule', 'schedule', 'collect']);
  });

  test('several answers before the turn comes schedule one collection', () => {
    const f = fake(90);
    const idle = idleCollection(f.hooks);
    idle.afterResponse();
    idle.afterResponse();
    f.runQueued();
    assert.deepEqual(f.log, ['schedule', 'collect']);
  });

  test('stops the young generation growing, once, when it reaches the cap; busy or not', () => {
    const f = fake(0, YOUNG_GENERATION_CAP / 2);
    const idle = idleCollection(f.hooks);
    idle.afterResponse();
    f.runQueued();
    assert.deepEqual(f.log, ['schedule']);
    f.state.size = YOUNG_GENERATION_CAP;
    f.state.busy = true;
    idle.afterResponse();
    f.runQueued();
    assert.deepEqual(f.log, ['schedule', 'schedule', 'stop growing']);
    f.state.size = 2 * YOUNG_GENERATION_CAP;
    idle.afterResponse();
    f.runQueued();
    assert.deepEqual(f.log, ['schedule', 'schedule', 'stop growing', 'schedule']);
  });

  test('in this process: the young generation stops growing', () => {
    const hooks = processHooks(() => false);
    let keep: object[] = [];
    const grow = () => {
      for (let i = 0; i < 300_000; i++) keep.push({ i });
      keep = [];
    };
    grow();
    hooks.stopYoungGrowth();
    const stopped = hooks.youngGeneration().size;
    for (let round = 0; round < 5; round++) grow();
    assert.equal(hooks.youngGeneration().size, stopped);
    assert.equal(keep.length, 0);
  });

  test('in this process: the young generation is measured and collected', () => {
    const hooks = processHooks(() => false);
    collectEverything();
    // Garbage until the young generation is more than half full: V8 collects on its own only
    // when it is full, so what it holds then is nearly all garbage.
    let before = hooks.youngGeneration();
    assert.ok(before.size > 0, JSON.stringify(before));
    let keep: object[] = [];
    while (before.used <= before.size / 2) {
      for (let i = 0; i < 1000; i++) keep.push({ i });
      keep = [];
      before = hooks.youngGeneration();
    }
    hooks.collectYoung();
    const after = hooks.youngGeneration();
    assert.ok(after.used < before.used / 2, `${after.used} after, ${before.used} before`);
    assert.equal(keep.length, 0);
  });
});
