// The first `limit` items of a list in `compare` order, without sorting the whole list: the live
// panels show a handful of rows out of thousands of problems or incidents in a storm, once per
// frame. Keeps a sorted buffer of at most `limit` items; O(n log limit) comparisons.
export interface TopN<T> {
  /** The `limit` first items, in order. */
  top: T[];
  /** How many items were offered (kept or not). */
  total: number;
}

export function topN<T>(items: Iterable<T>, limit: number, compare: (a: T, b: T) => number): TopN<T> {
  const top: T[] = [];
  let total = 0;
  for (const item of items) {
    total += 1;
    if (limit <= 0) continue;
    if (top.length === limit && compare(item, top[limit - 1] as T) >= 0) continue;
    // Binary search for the first kept item that sorts after `item` (stable: equal ones stay first).
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(top[mid] as T, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > limit) top.pop();
  }
  return { top, total };
}
