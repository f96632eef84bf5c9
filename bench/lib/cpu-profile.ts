// Reading Chromium CPU profiles (CDP Profiler.stop) for the diagnostics: time per function, self
// and inclusive, over the whole profile or a window of it.
import { round } from './stats.ts';

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').at(-1) ?? ''}:${n.callFrame.lineNumber + 1}`;

export interface ProfileWindow {
  fromUs: number;
  toUs: number;
}

const IDLE = new Set(['(idle)']);

/**
 * Runs of consecutive samples outside '(idle)' lasting at least `minMs`: an
 * approximation of the main thread's long tasks read from the profile alone (profile clock, µs).
 */
export function busyRuns(profile: CpuProfile, minMs: number): ProfileWindow[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const runs: ProfileWindow[] = [];
  let t = profile.startTime;
  let from: number | undefined;
  let last = t;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const busy = !IDLE.has(byId.get(id)?.callFrame.functionName ?? '(idle)');
    if (busy) {
      from ??= last;
    } else if (from !== undefined) {
      if (t - from >= minMs * 1000) runs.push({ fromUs: from, toUs: t });
      from = undefined;
    }
    last = t;
  });
  return runs;
}

/**
 * Self and inclusive ms per function for the samples in [fromUs, toUs) (profile clock, µs), or in
 * any of `windows` when a list is given.
 */
export function timeByFunction(profile: CpuProfile, top = 25, fromOrWindows: number | readonly ProfileWindow[] = -Infinity, toUs = Infinity) {
  const windows = typeof fromOrWindows === 'number' ? [{ fromUs: fromOrWindows, toUs }] : fromOrWindows;
  const inside = (us: number) => windows.some((w) => us >= w.fromUs && us < w.toUs);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let t = profile.startTime;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    t += dt;
    if (!inside(t)) return;
    const ms = dt / 1000;
    total += ms;
    const node = byId.get(id);
    if (!node) return;
    self.set(label(node), (self.get(label(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
      const l = label(n);
      if (seen.has(l)) continue;
      seen.add(l);
      inclusive.set(l, (inclusive.get(l) ?? 0) + ms);
    }
  });
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([fn, ms]) => ({ fn, ms: round(ms) }));
  return { totalMs: round(total), self: rank(self), inclusive: rank(inclusive) };
}
