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

/** Figures from their covered milliseconds (one object shape for all: reports build ~48,000 at a time). */
export function withRatios(f: Omit<AvailabilityFigures, 'ratio' | 'coverage'>): AvailabilityFigures {
  const measured = f.upMs + f.downMs;
  const expected = measured + f.unmeasuredMs;
  return {
    upMs: f.upMs,
    downMs: f.downMs,
    unmeasuredMs: f.unmeasuredMs,
    maintenanceMs: f.maintenanceMs,
    coveredMs: f.coveredMs,
    ratio: measured > 0 ? f.upMs / measured : null,
    coverage: expected > 0 ? measured / expected : null,
  };
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

/**
 * aggregateAvailability per group of probes, in one pass without a list per group (a yearly report
 * groups ~48,000 probes by service and by collectivité). `groupOf` undefined: in no group.
 */
export function aggregateBy(perProbe: ReadonlyMap<string, AvailabilityFigures>, groupOf: (probeId: string) => string | undefined): Map<string, { probeCount: number; figures: AvailabilityFigures }> {
  const sums = new Map<string, { probeCount: number; upMs: number; downMs: number; unmeasuredMs: number; maintenanceMs: number; coveredMs: number }>();
  for (const [probeId, f] of perProbe) {
    const key = groupOf(probeId);
    if (key === undefined) continue;
    let sum = sums.get(key);
    if (!sum) sums.set(key, (sum = { probeCount: 0, upMs: 0, downMs: 0, unmeasuredMs: 0, maintenanceMs: 0, coveredMs: 0 }));
    sum.probeCount++;
    sum.upMs += f.upMs;
    sum.downMs += f.downMs;
    sum.unmeasuredMs += f.unmeasuredMs;
    sum.maintenanceMs += f.maintenanceMs;
    sum.coveredMs += f.coveredMs;
  }
  return new Map([...sums].map(([key, { probeCount, ...sum }]) => [key, { probeCount, figures: withRatios(sum) }]));
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
  const count = Math.max(0, n);
  // Kept sorted, at most `count` long: a whole estate is ~48,000 probes for a list of 50.
  const top: ProbeFigures[] = [];
  const consider = (probeId: string, figures: AvailabilityFigures) => {
    if (count === 0 || !(figures.downMs > 0) || figures.ratio === null) return;
    const last = top[top.length - 1];
    if (top.length === count && last && compareWorst(probeId, figures, last) >= 0) return;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareWorst(probeId, figures, top[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, { probeId, figures });
    if (top.length > count) top.pop();
  };
  if (probes instanceof Map) for (const [probeId, figures] of probes as ReadonlyMap<string, AvailabilityFigures>) consider(probeId, figures);
  else for (const p of probes as Iterable<ProbeFigures>) consider(p.probeId, p.figures);
  return top;
}

/** Lowest ratio first, then most downtime, then id (< 0: the first is worse). */
function compareWorst(probeId: string, figures: AvailabilityFigures, other: ProbeFigures): number {
  return (figures.ratio ?? 1) - (other.figures.ratio ?? 1) || other.figures.downMs - figures.downMs || (probeId < other.probeId ? -1 : probeId > other.probeId ? 1 : 0);
}
