// A probe's or a site's history over a period, as the charts draw it: state bands (what it was,
// when) and per-day availability over covered hours (availability.ts). A site's band is its
// worst probe at each instant; its day figure is the time-weighted aggregate of its probes.
import { aggregateAvailability, probeAvailability, type AvailabilityFigures, type Period, type StateInterval } from './availability.ts';
import type { CoveredHours } from './covered-hours.ts';
import type { Instant, ProbeState } from './model.ts';

/** What a band shows: an engine state, declared/engine maintenance, or no data at all. */
export const BAND_KINDS = ['OK', 'WARNING', 'CRITICAL', 'UNKNOWN', 'maintenance', 'none'] as const;
export type BandKind = (typeof BAND_KINDS)[number];

export interface StateBand {
  from: Instant;
  to: Instant;
  kind: BandKind;
}

/** PENDING is not measured yet: drawn as UNKNOWN. Maintenance wins over the state it hides. */
export function bandKind(state: ProbeState, inDowntime: boolean): BandKind {
  if (inDowntime) return 'maintenance';
  return state === 'PENDING' ? 'UNKNOWN' : state;
}

/** Which band a site (or a chart slot) shows when several meet: the most alarming one. */
export const BAND_SEVERITY: Readonly<Record<BandKind, number>> = { none: 0, maintenance: 1, OK: 2, UNKNOWN: 3, WARNING: 4, CRITICAL: 5 };
const SITE_RANK = BAND_SEVERITY;

function pushMerged(bands: StateBand[], band: StateBand) {
  if (band.to <= band.from) return;
  const last = bands.at(-1);
  if (last && last.kind === band.kind && last.to === band.from) last.to = band.to;
  else bands.push({ ...band });
}

/**
 * One probe's bands covering the whole period: its intervals clipped to it, gaps as `none`,
 * neighbours of the same kind merged. Overlaps (a replayed event) keep the earlier interval.
 */
export function stateBands(intervals: readonly StateInterval[], period: Period): StateBand[] {
  const bands: StateBand[] = [];
  let cursor = period.from;
  for (const cur of [...intervals].sort((a, b) => a.from - b.from)) {
    const from = Math.max(cur.from, cursor);
    const to = Math.min(cur.to, period.to);
    if (to <= from) continue;
    pushMerged(bands, { from: cursor, to: from, kind: 'none' });
    pushMerged(bands, { from, to, kind: bandKind(cur.state, cur.inDowntime) });
    cursor = to;
  }
  pushMerged(bands, { from: cursor, to: period.to, kind: 'none' });
  return bands;
}

/** A site's bands: at each instant the worst of its probes' bands (stateBands of each). */
export function siteBands(perProbe: readonly (readonly StateInterval[])[], period: Period): StateBand[] {
  if (perProbe.length === 0) return stateBands([], period);
  const probeBands = perProbe.map((intervals) => stateBands(intervals, period));
  const cuts = [...new Set(probeBands.flatMap((bands) => bands.map((b) => b.from)))].sort((a, b) => a - b);
  const at = probeBands.map(() => 0);
  const out: StateBand[] = [];
  cuts.forEach((from, i) => {
    const to = cuts[i + 1] ?? period.to;
    let kind: BandKind = 'none';
    probeBands.forEach((bands, p) => {
      while (bands[at[p]!]!.to <= from) at[p]!++;
      const k = bands[at[p]!]!.kind;
      if (SITE_RANK[k] > SITE_RANK[kind]) kind = k;
    });
    pushMerged(out, { from, to, kind });
  });
  return out;
}

export interface DayAvailability {
  from: Instant;
  to: Instant;
  figures: AvailabilityFigures;
}

/**
 * Each day's availability over its covered hours, all probes together (one probe: its own).
 * `days` are the local days (server/rollup/local-days.ts); a day with no covered hours, or
 * nothing measured, has a null ratio — no bar rather than a made-up 100 %.
 */
export function dailyAvailability(perProbe: readonly (readonly StateInterval[])[], days: readonly Period[], hours: CoveredHours): DayAvailability[] {
  return days.map((day) => ({ ...day, figures: aggregateAvailability(perProbe.map((intervals) => probeAvailability(intervals, day, hours))) }));
}
