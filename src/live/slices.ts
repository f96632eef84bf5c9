// Runs step generators (domain/steps.ts) in slices: each slice runs steps until SLICE_MS have gone,
// then the rest waits for a later task, so the map's frames, the socket's batches and the user's
// keys get the main thread in between. A storm's desk fold done in one go was a 50–100 ms task
// (docs/benchmarks.md, "Storm long tasks, second pass").
import type { Steps } from '../domain/steps.ts';

/** Well under the 50 ms of a long task, even on a loaded machine where a step takes longer. */
export const SLICE_MS = 8;

export interface SliceTasks {
  /** Runs `run` in a later task; the returned function cancels it. */
  post(run: () => void): () => void;
  now(): number;
}

interface PostTaskScheduler {
  postTask(callback: () => void, options: { priority: 'user-visible'; signal: AbortSignal }): Promise<unknown>;
}

/**
 * The browser's task queue: `scheduler.postTask` where there is one (no 4 ms clamp on nested
 * timeouts), a zero timeout elsewhere (and in tests, where fake timers drive it).
 */
export const browserTasks: SliceTasks = {
  post(run) {
    const scheduler = (globalThis as { scheduler?: Partial<PostTaskScheduler> }).scheduler;
    if (typeof scheduler?.postTask === 'function') {
      const controller = new AbortController();
      scheduler.postTask(run, { priority: 'user-visible', signal: controller.signal }).catch(() => undefined);
      return () => controller.abort();
    }
    const timer = setTimeout(run, 0);
    return () => clearTimeout(timer);
  },
  now: () => performance.now(),
};

/**
 * Runs `steps` to the end in slices of about `budgetMs` — the first one now, or in a task of its
 * own with `later` — and hands the result to `done`. The returned function stops it (`done` is
 * then never called).
 */
export function runInSlices<T>(steps: Steps<T>, done: (value: T) => void, tasks: SliceTasks = browserTasks, budgetMs = SLICE_MS, later = false): () => void {
  let cancelNext: (() => void) | undefined;
  let stopped = false;
  let running = false;
  const slice = () => {
    cancelNext = undefined;
    const start = tasks.now();
    let next: IteratorResult<void, T>;
    running = true;
    try {
      do next = steps.next();
      while (!next.done && !stopped && tasks.now() - start < budgetMs);
    } finally {
      running = false;
    }
    if (stopped) return;
    if (next.done) done(next.value);
    else cancelNext = tasks.post(slice);
  };
  if (later) cancelNext = tasks.post(slice);
  else slice();
  return () => {
    if (stopped) return;
    stopped = true;
    cancelNext?.();
    // Stopped from inside a step (the steps' own callbacks): they end at that step instead.
    if (!running) steps.return(undefined as never);
  };
}

function* settled<T>(steps: Steps<T>): Steps<{ ok: true; value: T } | { ok: false; error: Error }> {
  try {
    return { ok: true, value: yield* steps };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error : new Error(String(error)) };
  }
}

/** runInSlices as a promise: the result, or what a step threw (in whichever slice it threw). */
export function inSlices<T>(steps: Steps<T>, tasks: SliceTasks = browserTasks, budgetMs = SLICE_MS): Promise<T> {
  return new Promise((resolve, reject) => {
    runInSlices(settled(steps), (result) => (result.ok ? resolve(result.value) : reject(result.error)), tasks, budgetMs);
  });
}
