// Animation frames ticked by hand, for tests of anything paced per frame (the store's coalesced
// notifications, the map's frame driver).
import type { FrameScheduler } from './frame-scheduler.ts';

/** `tick()` runs the callbacks requested so far; `pending()` counts them. */
export function fakeFrames() {
  const queue = new Map<number, () => void>();
  let next = 1;
  const frames: FrameScheduler = {
    request: (callback) => (queue.set(next, callback), next++),
    cancel: (handle) => void queue.delete(handle),
  };
  const tick = () => {
    const due = [...queue.values()];
    queue.clear();
    due.forEach((callback) => callback());
  };
  return { frames, tick, pending: () => queue.size };
}
