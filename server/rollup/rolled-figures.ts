// A report's per-probe availability from the roll-ups where they are exact, raw history elsewhere:
// whole local months from month rows, whole local days from day rows, and the raw state changes
// only for the partial days at the edges, the days not rolled up yet (today), the probes whose
// past changed since their last recount, and probes under a declared maintenance window during the
// period (a window, declared or edited at any time, re-labels stretches of history). The result
// equals scopeFigures over raw history exactly (rolled-figures.test.ts checks it on random histories).
import { aggregateAvailability, withRatios, type AvailabilityFigures, type Period } from '../../src/domain/availability.ts';
import type { CoveredHours } from '../../src/domain/covered-hours.ts';
import type { Instant } from '../../src/domain/model.ts';
import type { MaintenanceWindow } from '../../src/domain/maintenance.ts';
import type { CoveredCalendar } from '../http/covered-calendar.ts';
import { probeFiguresInChunks, type ChunkOptions } from '../http/sla-reports.ts';
import type { RollupGrain, RollupStore, Storage } from '../ports.ts';
import { calendarFingerprint } from './availability-rollup.ts';
import { dayCeil, dayFloor, monthCeil, monthFloor, yearCeil, yearFloor } from './local-days.ts';

export interface RolledRequest {
  probeIds: readonly string[];
  /** True when probeIds is every probe of the estate: the sums are then read without an id list. */
  wholeEstate: boolean;
  period: Period;
  now: Instant;
  hours: CoveredHours;
}

export interface RolledSpan {
  /** Whole days [from, to) answered by roll-up rows; empty when from >= to. */
  from: Instant;
  to: Instant;
}

/** The part of the period the roll-ups answer: whole local days below the frontier and before now. */
export function rolledSpan(period: Period, now: Instant, through: Instant, timeZone: string): RolledSpan {
  const from = dayCeil(period.from, timeZone);
  const to = Math.min(through, dayFloor(Math.min(period.to, now), timeZone));
  return { from, to: Math.max(from, to) };
}

/** Whole days [from, to) as the fewest rows: days up to a month, months up to a year, years, then back down. */
export function spansOf(span: RolledSpan, tz: string): { grain: RollupGrain; from: Instant; to: Instant }[] {
  const out: { grain: RollupGrain; from: Instant; to: Instant }[] = [];
  const m1 = monthCeil(span.from, tz);
  const m2 = monthFloor(span.to, tz);
  if (m1 >= m2) return [{ grain: 'day', from: span.from, to: span.to }];
  const y1 = yearCeil(m1, tz);
  const y2 = yearFloor(m2, tz);
  out.push({ grain: 'day', from: span.from, to: m1 });
  if (y1 < y2) out.push({ grain: 'month', from: m1, to: y1 }, { grain: 'year', from: y1, to: y2 }, { grain: 'month', from: y2, to: m2 });
  else out.push({ grain: 'month', from: m1, to: m2 });
  out.push({ grain: 'day', from: m2, to: span.to });
  return out.filter((s) => s.to > s.from);
}

function add(a: AvailabilityFigures, b: AvailabilityFigures): AvailabilityFigures {
  return aggregateAvailability([a, b]);
}

export async function rolledScopeFigures(
  storage: Pick<Storage, 'loadStateChanges'> & { rollups: RollupStore },
  calendar: Pick<CoveredCalendar, 'settings' | 'rules'>,
  r: RolledRequest,
  options: ChunkOptions & { windowsFor?: (probeId: string) => readonly MaintenanceWindow[] } = {},
): Promise<Map<string, AvailabilityFigures>> {
  const tz = calendar.settings.timeZone;
  const { rollups } = storage;
  const state = await rollups.loadState();
  const raw = (ids: readonly string[], period: Period, windowsFor = options.windowsFor) =>
    probeFiguresInChunks(ids, (chunk) => storage.loadStateChanges(period.from, period.to, chunk), period, r.now, r.hours, { ...options, ...(windowsFor && { windowsFor }) });
  if (!state || state.fingerprint !== calendarFingerprint(calendar)) return raw(r.probeIds, r.period);
  const span = rolledSpan(r.period, r.now, state.through, tz);
  if (span.to <= span.from) return raw(r.probeIds, r.period);

  const marked = new Set((await rollups.dirty()).map((m) => m.probeId));
  const windowed = (id: string) => (options.windowsFor?.(id).length ?? 0) > 0;
  const rawIds = r.probeIds.filter((id) => marked.has(id) || windowed(id));
  const rolledIds = rawIds.length === 0 ? r.probeIds : r.probeIds.filter((id) => !marked.has(id) && !windowed(id));

  const only = r.wholeEstate && rawIds.length === 0 ? undefined : rolledIds;
  const [sums, firstDays] = await Promise.all([rollups.sum(spansOf(span, tz), only), rollups.firstDays(only)]);
  // Covered time from a probe's first day (or the span's start) to the span's end: few distinct starts.
  const coveredFrom = new Map<Instant, number>();
  const covered = (from: Instant) => {
    let ms = coveredFrom.get(from);
    if (ms === undefined) coveredFrom.set(from, (ms = r.hours.coveredMs(from, span.to)));
    return ms;
  };
  const spanCovered = covered(span.from);
  const noWindows = () => [];
  const before = span.from > r.period.from ? await raw(rolledIds, { from: r.period.from, to: span.from }, noWindows) : undefined;
  const after = span.to < r.period.to ? await raw(rolledIds, { from: span.to, to: r.period.to }, noWindows) : undefined;

  const out = new Map<string, AvailabilityFigures>();
  const upAllAlong = { upMs: 0, downMs: 0, maintenanceMs: 0, coveredMs: 0 };
  for (const id of rolledIds) {
    const s = sums.get(id) ?? upAllAlong;
    const first = firstDays.get(id);
    // Rows are the spans not up all along; the rest of the covered time since the first day was up.
    const measuredFrom = first === undefined ? span.to : Math.max(first, span.from);
    const upMs = (measuredFrom < span.to ? covered(measuredFrom) : 0) - s.coveredMs + s.upMs;
    let f = withRatios({ upMs, downMs: s.downMs, maintenanceMs: s.maintenanceMs, coveredMs: spanCovered, unmeasuredMs: spanCovered - upMs - s.downMs - s.maintenanceMs });
    if (before) f = add(before.get(id)!, f);
    if (after) f = add(f, after.get(id)!);
    out.set(id, f);
  }
  if (rawIds.length > 0) for (const [id, f] of await raw(rawIds, r.period)) out.set(id, f);
  if (rawIds.length === 0) return out; // rolledIds is r.probeIds: already in the caller's order
  // Keep the caller's order (reports list probes in estate order).
  const ordered = new Map<string, AvailabilityFigures>();
  for (const id of r.probeIds) ordered.set(id, out.get(id)!);
  return ordered;
}

/**
 * What every availability report calls: the roll-ups when storage has them (SQL storages), raw
 * history chunk by chunk otherwise (the in-memory storage of tests and the offline demo).
 */
export function reportFigures(
  storage: Pick<Storage, 'loadStateChanges' | 'rollups'>,
  calendar: Pick<CoveredCalendar, 'settings' | 'rules'>,
  r: RolledRequest,
  options: ChunkOptions = {},
): Promise<Map<string, AvailabilityFigures>> {
  const { rollups } = storage;
  if (rollups) return rolledScopeFigures({ loadStateChanges: (...a) => storage.loadStateChanges(...a), rollups }, calendar, r, options);
  return probeFiguresInChunks(r.probeIds, (ids) => storage.loadStateChanges(r.period.from, r.period.to, ids), r.period, r.now, r.hours, options);
}
