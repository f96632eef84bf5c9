// Long pure computations written as step generators: they `yield` now and then, so a caller may run
// them in slices and let the page breathe in between (a storm's 10,000 problems folded in one go was
// a 50–100 ms task on the support desk, docs/benchmarks.md), or run them through at once with
// `complete`. A step carries nothing: the generator's return value is the result.
export type Steps<T> = Generator<void, T, void>;

/** Runs every step now and returns the result (tests, small inputs, the first render). */
export function complete<T>(steps: Steps<T>): T {
  let next = steps.next();
  while (!next.done) next = steps.next();
  return next.value;
}

/** How many items a loop handles between two steps: a few hundred µs of work at most. */
export const ITEMS_PER_STEP = 256;
