// What the history charts draw, from GET /history: colours of the bands and the daily bars
// (percentages, below target or not). Pure, so the charts stay thin.
import { BAND_SEVERITY, type BandKind, type StateBand } from '../../domain/history.ts';
import type { History } from '../../protocol/history.ts';

export const BAND_COLOR: Record<BandKind, string> = {
  OK: '#22c55e',
  WARNING: '#f59e0b',
  CRITICAL: '#ef4444',
  UNKNOWN: '#94a3b8',
  maintenance: '#38bdf8',
  none: '#334155',
};

export interface DayBar {
  from: number;
  /** Availability in percent; null: nothing measured that day (no bar). */
  percent: number | null;
  belowTarget: boolean;
}

export function dayBars(history: Pick<History, 'days' | 'target'>): DayBar[] {
  return history.days.map((d) => ({ from: d.from, percent: d.ratio === null ? null : d.ratio * 100, belowTarget: d.ratio !== null && d.ratio < history.target }));
}

/** Nothing to draw: no band but "no data", and no measured day. */
export function isEmptyHistory(history: Pick<History, 'days' | 'bands'>): boolean {
  return history.bands.every((b) => b.kind === 'none') && history.days.every((d) => d.ratio === null);
}

/**
 * The bands as drawn over `span` ms in at most `slots` slots. When every band is at least a slot
 * wide they are drawn as they are; otherwise each slot shows the worst band it holds, so a
 * 5-second CRITICAL in a month stays visible (a slot wide) and a flapping probe's year stays a few
 * hundred rectangles. Exact times are in the data table.
 */
export function drawnBands(bands: readonly StateBand[], span: number, slots = 400): StateBand[] {
  const slot = span / slots;
  if (bands.length <= slots && bands.every((b) => b.to - b.from >= slot)) return [...bands];
  const out: StateBand[] = [];
  const start = bands[0]?.from ?? 0;
  const end = bands.at(-1)?.to ?? start;
  let i = 0;
  for (let from = start; from < end; from += slot) {
    const to = Math.min(from + slot, end);
    let kind: BandKind = 'none';
    while (i < bands.length && bands[i]!.to <= from) i++;
    for (let j = i; j < bands.length && bands[j]!.from < to; j++) if (BAND_SEVERITY[bands[j]!.kind] > BAND_SEVERITY[kind]) kind = bands[j]!.kind;
    const last = out.at(-1);
    if (last && last.kind === kind) last.to = to;
    else out.push({ from, to, kind });
  }
  return out;
}
