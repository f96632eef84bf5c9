// What the history charts draw, from GET /history: colours of the bands and the daily bars
// (percentages, below target or not). Pure, so the charts stay thin.
import type { BandKind } from '../../domain/history.ts';
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
