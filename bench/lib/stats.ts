// Small, dependency-free statistics for bench figures.

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const max = (values: readonly number[]) => values.reduce((m, v) => Math.max(m, v), -Infinity);
export const mean = (values: readonly number[]) => values.reduce((a, v) => a + v, 0) / (values.length || NaN);

export interface FrameStats {
  frames: number;
  /** Median rAF interval: the display's refresh period as Chromium runs it. */
  refreshMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Frames the display would have shown but the page did not produce (sum over gaps). */
  dropped: number;
  droppedPct: number;
}

/** From rAF timestamps (ms): frame-time distribution and dropped frames. */
export function frameStats(rafs: readonly number[]): FrameStats {
  const gaps: number[] = [];
  for (let i = 1; i < rafs.length; i++) gaps.push(rafs[i]! - rafs[i - 1]!);
  const refresh = percentile(gaps, 50);
  let dropped = 0;
  for (const g of gaps) dropped += Math.max(0, Math.round(g / refresh) - 1);
  const expected = gaps.length + dropped;
  return {
    frames: rafs.length,
    refreshMs: round(refresh),
    p50Ms: round(percentile(gaps, 50)),
    p95Ms: round(percentile(gaps, 95)),
    p99Ms: round(percentile(gaps, 99)),
    maxMs: round(max(gaps)),
    dropped,
    droppedPct: round((100 * dropped) / (expected || NaN)),
  };
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export const kb = (bytes: number) => round(bytes / 1024, 1);
