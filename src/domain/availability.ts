// Availability over covered hours (convention art. 7: 96 % per service): up / measured, where
// unmeasured time (UNKNOWN, PENDING, no data) and declared maintenance leave both sums, so an
// engine outage or planned work never counts against a collectivité. Rules come from sla-rules.ts.
import type { Instant, ProbeState } from './model.ts';
import type { CoveredHours } from './covered-hours.ts';
import { availabilityClass, MINUTE_MS } from './sla-rules.ts';

/** A stretch of one probe's history in one state. Missing stretches are unmeasured. */
export interface StateInterval {
  from: Instant;
  to: Instant;
  state: ProbeState;
  inDowntime: boolean;
}

export interface Period {
  from: Instant;
  to: Instant;
}

/** Covered milliseconds of a period, split by how they count. */
export interface AvailabilityFigures {
  upMs: number;
  downMs: number;
  /** UNKNOWN, PENDING and covered time with no interval at all. */
  unmeasuredMs: number;
  maintenanceMs: number;
  /** All covered time of the period (= up + down + unmeasured + maintenance). */
  coveredMs: number;
  /** up / (up + down); null when nothing was measured. */
  ratio: number | null;
  /** Measured share of the covered time outside maintenance; null when there is none. */
  coverage: number | null;
}

function withRatios(f: Omit<AvailabilityFigures, 'ratio' | 'coverage'>): AvailabilityFigures {
  const measured = f.upMs + f.downMs;
  const expected = measured + f.unmeasuredMs;
  return { ...f, ratio: measured > 0 ? f.upMs / measured : null, coverage: expected > 0 ? measured / expected : null };
}

/**
 * Covered time of `period` split into up / down / unmeasured / maintenance. Intervals may come
 * unsorted and may overlap (a replayed engine event): time already counted is never counted
 * twice, so the earlier-starting interval keeps the overlap.
 */
export function probeAvailability(
  intervals: readonly StateInterval[],
  period: Period,
  hours: CoveredHours,
): AvailabilityFigures {
  const coveredMs = hours.coveredMs(period.from, period.to);
  const sums = { up: 0, down: 0, unmeasured: 0, maintenance: 0 };
  let cursor = period.from; // everything before it is already counted
  for (const cur of [...intervals].sort((a, b) => a.from - b.from)) {
    const from = Math.max(cur.from, cursor);
    const to = Math.min(cur.to, period.to);
    if (to <= from) continue;
    sums[availabilityClass(cur.state, cur.inDowntime)] += hours.coveredMs(from, to);
    cursor = to;
  }
  // Whatever no interval explains is unmeasured, so the four parts always add up to coveredMs.
  const unmeasuredMs = Math.max(0, coveredMs - sums.up - sums.down - sums.maintenance);
  return withRatios({ upMs: sums.up, downMs: sums.down, unmeasuredMs, maintenanceMs: sums.maintenance, coveredMs });
}

/**
 * Covered minutes of downtime the period can still absorb and end at `target` or better.
 * Decision: the budget is (1 − target) × (covered time − maintenance) − downtime, i.e. unmeasured
 * time counts as time that will be measured. In a running month most unmeasured time is the part
 * still to come, so this gives the usual month-long budget from day one; a gap that stays
 * unmeasured makes it optimistic by at most (1 − target) × that gap. Negative = target missed.
 */
export function errorBudgetMinutes(figures: AvailabilityFigures, target: number): number {
  const eligibleMs = figures.coveredMs - figures.maintenanceMs;
  return ((1 - target) * eligibleMs - figures.downMs) / MINUTE_MS;
}

/** Time-weighted aggregate (a collectivité, or everything): sum of up / sum of measured. */
export function aggregateAvailability(all: Iterable<AvailabilityFigures>): AvailabilityFigures {
  const sum = { upMs: 0, downMs: 0, unmeasuredMs: 0, maintenanceMs: 0, coveredMs: 0 };
  for (const f of all) {
    sum.upMs += f.upMs;
    sum.downMs += f.downMs;
    sum.unmeasuredMs += f.unmeasuredMs;
    sum.maintenanceMs += f.maintenanceMs;
    sum.coveredMs += f.coveredMs;
  }
  return withRatios(sum);
}

export interface ProbeFigures {
  probeId: string;
  figures: AvailabilityFigures;
}

/**
 * The `n` probes that lost the most: lowest ratio first, then most downtime, then id for a stable
 * order. Probes with no downtime are left out: a "worst" list of healthy probes would only mislead.
 */
export function worstProbes(
  probes: ReadonlyMap<string, AvailabilityFigures> | Iterable<ProbeFigures>,
  n: number,
): ProbeFigures[] {
  const list: ProbeFigures[] =
    probes instanceof Map
      ? [...(probes as ReadonlyMap<string, AvailabilityFigures>)].map(([probeId, figures]) => ({ probeId, figures }))
      : [...(probes as Iterable<ProbeFigures>)];
  return list
    .filter((p) => p.figures.downMs > 0 && p.figures.ratio !== null)
    .sort(
      (a, b) =>
        (a.figures.ratio ?? 1) - (b.figures.ratio ?? 1) ||
        b.figures.downMs - a.figures.downMs ||
        (a.probeId < b.probeId ? -1 : a.probeId > b.probeId ? 1 : 0),
    )
    .slice(0, Math.max(0, n));
}
