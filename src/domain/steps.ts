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

/**
 * A stable sort in steps: runs of `run` items sorted at once, then merged pairwise a thousand items
 * per step (sorting a storm's 7,000 groups at once was one 10–45 ms step). Returns a new array in
 * the order `[...items].sort(compare)` gives.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, run = 512): Steps<T[]> {
  let from = items.slice();
  for (let start = 0; start < from.length; start += run) {
    const part = from.slice(start, start + run).sort(compare);
    for (let k = 0; k < part.length; k++) from[start + k] = part[k]!;
    yield;
  }
  let to = new Array<T>(from.length);
  for (let width = run; width < from.length; width *= 2) {
    for (let low = 0; low < from.length; low += 2 * width) {
      const middle = Math.min(low + width, from.length);
      const high = Math.min(low + 2 * width, from.length);
      let i = low;
      let j = middle;
      let k = low;
      // The left item first unless the right one sorts strictly before it: equal items keep their order.
      while (i < middle && j < high) {
        to[k++] = compare(from[j]!, from[i]!) < 0 ? from[j++]! : from[i++]!;
        if (k % 1024 === 0) yield;
      }
      while (i < middle) to[k++] = from[i++]!;
      while (j < high) to[k++] = from[j++]!;
    }
    [from, to] = [to, from];
    yield;
  }
  return from;
}
