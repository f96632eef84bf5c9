import { describe, expect, it, vi } from 'vitest';
import type { Steps } from '../domain/steps.ts';
import { fakeTasks } from './fake-tasks.ts';
import { inSlices, runInSlices } from './slices.ts';

/** Counts to `to`, one step per number, each step 1 ms on the fake clock. */
function* count(to: number, tick: () => void, seen: number[]): Steps<number> {
  for (let i = 1; i <= to; i++) {
    seen.push(i);
    tick();
    yield;
  }
  return to;
}

describe('runInSlices', () => {
  it('runs about budgetMs of steps per task and hands over the result once, at the end', () => {
    const { tasks, queue, tick, runNext } = fakeTasks();
    const seen: number[] = [];
    const done = vi.fn();
    runInSlices(count(10, tick, seen), done, tasks, 4);
    expect(seen).toEqual([1, 2, 3, 4]); // the first slice runs at once
    expect(done).not.toHaveBeenCalled();
    expect(queue).toHaveLength(1);
    runNext();
    expect(seen).toHaveLength(8);
    runNext();
    expect(done).toHaveBeenCalledExactlyOnceWith(10);
    expect(queue).toHaveLength(0);
  });

  it('finishes in the caller’s task when the work fits in one slice', () => {
    const { tasks, queue, tick } = fakeTasks();
    const done = vi.fn();
    runInSlices(count(3, tick, []), done, tasks, 8);
    expect(done).toHaveBeenCalledExactlyOnceWith(3);
    expect(queue).toHaveLength(0);
  });

  it('stops: no further slice, no result', () => {
    const { tasks, queue, tick } = fakeTasks();
    const seen: number[] = [];
    const done = vi.fn();
    const stop = runInSlices(count(10, tick, seen), done, tasks, 4);
    stop();
    expect(queue).toHaveLength(0);
    expect(seen).toHaveLength(4);
    expect(done).not.toHaveBeenCalled();
  });
});

describe('runInSlices stopped from inside a step', () => {
  it('takes no further step and hands over no result', () => {
    const { tasks, queue, tick, runNext } = fakeTasks();
    const done = vi.fn();
    const taken: string[] = [];
    let stop = () => {};
    function* selfStopping(): Steps<string> {
      taken.push('first');
      tick(); // ends the first slice
      yield;
      taken.push('second');
      stop(); // a callback of this step stops the run (the store stopped while reading)
      yield;
      taken.push('third');
      return 'never';
    }
    stop = runInSlices(selfStopping(), done, tasks, 1);
    runNext();
    expect(taken).toEqual(['first', 'second']);
    expect(queue).toHaveLength(0);
    expect(done).not.toHaveBeenCalled();
  });
});

describe('inSlices', () => {
  it('resolves with the result, or rejects with what a later slice threw', async () => {
    const { tasks, queue, tick, runNext } = fakeTasks();
    const ok = inSlices(count(10, tick, []), tasks, 4);
    function* failing(): Steps<number> {
      tick(); // ends the first slice: the error comes from a later one
      yield;
      throw new Error('bad line');
    }
    const failed = inSlices(failing(), tasks, 1);
    while (queue.length > 0) runNext();
    await expect(ok).resolves.toBe(10);
    await expect(failed).rejects.toThrow('bad line');
  });
});
