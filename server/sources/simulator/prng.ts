// A tiny seeded PRNG (mulberry32) with the few draws the simulator needs. Seeded and
// self-contained, so the same seed gives the same estate and the same event sequence anywhere.

export interface Prng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number;
  /** Integer uniform in [lo, hi] (both included). */
  int(lo: number, hi: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Exponential draw with the given mean (waiting time of a Poisson process). */
  exponential(mean: number): number;
  /** Log-normal draw with the given median; `spread` is the σ of the underlying normal. */
  logNormal(median: number, spread: number): number;
  /** A fresh seed for an independent stream. */
  fork(): number;
}

/** FNV-1a over a seed and a label: independent streams for independent concerns (estate, faults…). */
export function deriveSeed(seed: number, label: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => {
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    between: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    exponential: (mean) => -mean * Math.log(1 - next()),
    logNormal: (median, spread) => median * Math.exp(spread * normal()),
    fork: () => Math.floor(next() * 4294967296) >>> 0,
  };
}
