// One probe's covered milliseconds per local day, from its state changes: the rows of the
// availability roll-up, written only for days not up for all their covered time. Counted with the same domain functions as a report over raw history
// (intervalsByProbe + probeAvailability), cut at local midnights, so that summing days gives
// exactly the figures of the whole stretch (covered time never crosses midnight).
import { probeAvailability, type StateInterval } from '../../src/domain/availability.ts';
import type { CoveredHours } from '../../src/domain/covered-hours.ts';
import type { Instant } from '../../src/domain/model.ts';
import { availabilityClass } from '../../src/domain/sla-rules.ts';
import type { RollupRow, StateChangeRow } from '../ports.ts';
import { intervalsByProbe } from '../http/sla-reports.ts';

export interface DayGrid {
  /** Local day starts, ascending; day i is [starts[i], starts[i + 1]) and the last ends at `end`. */
  starts: readonly Instant[];
  end: Instant;
  /** Covered ms of each day (0 on weekends and holidays: those days get no row). */
  coveredMs: readonly number[];
}

export function dayGrid(starts: readonly Instant[], end: Instant, hours: CoveredHours): DayGrid {
  return { starts, end, coveredMs: starts.map((s, i) => hours.coveredMs(s, starts[i + 1] ?? end)) };
}

/**
 * Day rows of every probe of `changes` over the grid (`changes` as storage's loadStateChanges gives
 * them for [grid start, grid end)). `until`: nothing after it is counted (the future is unmeasured).
 */
export function dayRows(changes: readonly StateChangeRow[], grid: DayGrid, hours: CoveredHours, until: Instant): RollupRow[] {
  const from = grid.starts[0];
  if (from === undefined) return [];
  const rows: RollupRow[] = [];
  for (const [probeId, intervals] of intervalsByProbe(changes, { from, to: grid.end }, until)) rows.push(...probeDayRows(probeId, intervals, grid, hours));
  return rows;
}

function probeDayRows(probeId: string, intervals: readonly StateInterval[], grid: DayGrid, hours: CoveredHours): RollupRow[] {
  const rows: RollupRow[] = [];
  let first = 0; // first interval that may still overlap the current day (intervals are sorted, disjoint)
  grid.starts.forEach((dayFrom, d) => {
    const covered = grid.coveredMs[d]!;
    const dayTo = grid.starts[d + 1] ?? grid.end;
    while (first < intervals.length && intervals[first]!.to <= dayFrom) first++;
    if (covered === 0) return;
    const within: StateInterval[] = [];
    for (let i = first; i < intervals.length && intervals[i]!.from < dayTo; i++) within.push(intervals[i]!);
    if (within.length === 0) return;
    const only = within[0]!;
    // The whole day in one state: no need to walk the calendar again.
    const f =
      within.length === 1 && only.from <= dayFrom && only.to >= dayTo
        ? { up: 0, down: 0, maintenance: 0, unmeasured: 0, [availabilityClass(only.state, only.inDowntime)]: covered }
        : (({ upMs, downMs, maintenanceMs }) => ({ up: upMs, down: downMs, maintenance: maintenanceMs }))(probeAvailability(within, { from: dayFrom, to: dayTo }, hours));
    // Up for all its covered time: not written (rolled-figures.ts counts a missing day as up).
    if (f.up !== covered) rows.push({ grain: 'day', start: dayFrom, probeId, upMs: f.up, downMs: f.down, maintenanceMs: f.maintenance, coveredMs: covered });
  });
  return rows;
}
