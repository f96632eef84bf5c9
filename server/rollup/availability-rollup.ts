// Keeps the availability roll-ups (docs/storage.md) up to date: closed local days are counted
// from state_change into day rows, complete months summed into month rows, and probes whose past
// changed (a change stored with a date below the frontier, marked by storage in the same
// statement) recounted. The first run is the backfill of existing history: it walks month by
// month, saves the frontier after each, logs its progress, and can be stopped and run again
// (rows are replaced, never added twice). Runs on the gateway's thread, one chunk at a time.
import type { Instant } from '../../src/domain/model.ts';
import type { CoveredCalendar } from '../http/covered-calendar.ts';
import { nextTurn, REPORT_PROBE_CHUNK } from '../http/sla-reports.ts';
import type { RollupStore, Storage } from '../ports.ts';
import { dayGrid, dayRows } from './day-figures.ts';
import { dayFloor, dayStarts, monthFloor, nextMonth, nextYear, yearFloor } from './local-days.ts';

/** A day is rolled up once it ended this long ago: changes persisted late still land before. */
export const ROLLUP_SETTLE_MS = 10 * 60_000;

export interface RollupDeps {
  storage: Pick<Storage, 'loadStateChanges'> & { rollups: RollupStore };
  calendar: Pick<CoveredCalendar, 'settings' | 'rules' | 'hoursFor'>;
  log?: (line: string) => void;
  chunk?: number;
  yieldTurn?: () => Promise<void>;
}

/** What the rows depend on: the covered-hours settings and rules. Another value = rebuild. */
export function calendarFingerprint(calendar: Pick<CoveredCalendar, 'settings' | 'rules'>): string {
  const s = calendar.settings;
  return JSON.stringify({ v: 1, tz: s.timeZone, days: s.days, open: s.open, close: s.close, closed: s.extraClosedDates });
}

export interface RollupProgress {
  /** Frontier after the run. */
  through: Instant;
  daysRolled: number;
  probesRecounted: number;
}

/**
 * Roll every closed day up to `now − ROLLUP_SETTLE_MS`, then recount marked probes. Safe to call
 * often: with nothing to do it costs three small queries.
 */
export async function runRollup(deps: RollupDeps, now: Instant): Promise<RollupProgress> {
  const { rollups } = deps.storage;
  const tz = deps.calendar.settings.timeZone;
  const log = deps.log ?? (() => {});
  const fingerprint = calendarFingerprint(deps.calendar);
  let state = await rollups.loadState();
  if (state && state.fingerprint !== fingerprint) {
    log('availability roll-up: covered-hours settings changed; rebuilding from history');
    await rollups.reset();
    state = undefined;
  }
  const target = dayFloor(now - ROLLUP_SETTLE_MS, tz);
  if (!state) {
    const first = await rollups.firstChangeAt();
    const through = first === undefined ? target : dayFloor(Math.min(first, target), tz);
    state = { through, marksBelow: through, fingerprint };
    await rollups.saveState(state);
  }
  let daysRolled = 0;
  const probesRecounted = await recountDirty(deps, state.through, now);
  if (state.through < target) {
    const started = performance.now();
    // One month (or its remainder) per step: the frontier is saved after each, so a stopped
    // backfill resumes at the month it was in.
    while (state.through < target) {
      const stepEnd = Math.min(nextMonth(monthFloor(state.through, tz), tz), target);
      // Claim the step first: a change dated inside it that lands while it is read is marked.
      await rollups.saveState({ ...state, marksBelow: stepEnd });
      // Read per step: a probe whose first change lands during a long backfill is in the next steps.
      const probeIds = await rollups.probesWithHistory();
      await rollDays(deps, probeIds, state.through, stepEnd, now);
      daysRolled += dayStarts(state.through, stepEnd, tz).length;
      if (stepEnd === nextMonth(monthFloor(state.through, tz), tz)) await rollSpans(rollups, monthFloor(state.through, tz), stepEnd, tz);
      state = { through: stepEnd, marksBelow: stepEnd, fingerprint };
      await rollups.saveState(state);
      log(`availability roll-up: through ${new Date(stepEnd).toISOString()} (${probeIds.length} probes, ${daysRolled} days, ${Math.round(performance.now() - started)} ms)`);
    }
  }
  return { through: state.through, daysRolled, probesRecounted };
}

/** Day rows of `probeIds` over [from, to), read and written one chunk of probes at a time. */
async function rollDays(deps: RollupDeps, probeIds: readonly string[], from: Instant, to: Instant, now: Instant): Promise<void> {
  const tz = deps.calendar.settings.timeZone;
  const hours = deps.calendar.hoursFor(from, to);
  const grid = dayGrid(dayStarts(from, to, tz), to, hours);
  const chunk = deps.chunk ?? REPORT_PROBE_CHUNK;
  for (let i = 0; i < probeIds.length; i += chunk) {
    const ids = probeIds.slice(i, i + chunk);
    const changes = await deps.storage.loadStateChanges(from, to, ids);
    // A probe whose first loaded change is inside [from, to) had no state before: its first day.
    const firstDays = new Map<string, Instant>();
    const seen = new Set<string>();
    for (const c of changes) {
      if (seen.has(c.probeId)) continue;
      seen.add(c.probeId);
      if (c.at >= from) firstDays.set(c.probeId, dayFloor(c.at, tz));
    }
    await deps.storage.rollups.replaceDays(ids, from, to, dayRows(changes, grid, hours, now), firstDays);
    await (deps.yieldTurn ?? nextTurn)();
  }
}

/** Probes marked by late changes: their days from the change to the frontier, and those months. */
async function recountDirty(deps: RollupDeps, through: Instant, now: Instant): Promise<number> {
  const { rollups } = deps.storage;
  const tz = deps.calendar.settings.timeZone;
  const marked = await rollups.dirty();
  if (marked.length === 0) return 0;
  // Group by the day the recount starts, so probes marked together are read together.
  const byStart = new Map<Instant, typeof marked>();
  for (const m of marked) {
    const start = dayFloor(m.from, tz);
    byStart.set(start, [...(byStart.get(start) ?? []), m]);
  }
  for (const [start, group] of byStart) {
    const ids = group.map((m) => m.probeId);
    if (start < through) {
      for (let month = monthFloor(start, tz); month < through; month = nextMonth(month, tz)) {
        const end = Math.min(nextMonth(month, tz), through);
        await rollDays(deps, ids, Math.max(start, month), end, now);
        if (end === nextMonth(month, tz)) await rollSpans(rollups, month, end, tz, ids);
      }
    }
    await rollups.clearDirty(group);
  }
  deps.log?.(`availability roll-up: recounted ${marked.length} probes with late changes`);
  return marked.length;
}

/** A month just completed: its month row, and its year's row when it was December. */
async function rollSpans(rollups: RollupStore, month: Instant, monthEnd: Instant, tz: string, probeIds?: readonly string[]): Promise<void> {
  await rollups.rollSpan('month', month, monthEnd, probeIds);
  const year = yearFloor(month, tz);
  if (nextYear(year, tz) === monthEnd) await rollups.rollSpan('year', year, monthEnd, probeIds);
}
