// A task queue run by hand for tests of work in slices (slices.ts): tasks wait until the test runs
// them, and the clock moves only when told — by `tick()`, or by `msPerRead` at every reading.
import type { SliceTasks } from './slices.ts';

export function fakeTasks({ msPerRead = 0 } = {}) {
  const queue: Array<() => void> = [];
  let clock = 0;
  const tasks: SliceTasks = {
    post(run) {
      queue.push(run);
      return () => {
        const at = queue.indexOf(run);
        if (at !== -1) queue.splice(at, 1);
      };
    },
    now: () => (clock += msPerRead),
  };
  return {
    tasks,
    queue,
    tick: (ms = 1) => (clock += ms),
    runNext: () => queue.shift()?.(),
    /** Runs the queue until it is empty; how many tasks ran. */
    runAll() {
      let n = 0;
      for (let run = queue.shift(); run; run = queue.shift()) {
        run();
        n += 1;
      }
      return n;
    },
  };
}
