// Declared maintenance windows (convention: each operation is described, dated and communicated;
// maintenance time is out of the 96 % availability) and which probes and instants they cover.
// Pure: the gateway stores and publishes windows, the SPA shows them, both ask these rules.
//
// Decisions:
// - A window names what it covers (sites, equipment, probes); a site covers all its probes. A
//   window naming nothing covers nothing (the API refuses it).
// - A window covers [start, end). Ending it early (`endedAt`) shortens it; it never rewrites the
//   part that already ran. A window cancelled before it started (`cancelledAt`) covers nothing.
import type { Instant } from './model.ts';

export const MAINTENANCE_SOURCES = ['vigie', 'engine'] as const;
export type MaintenanceSource = (typeof MAINTENANCE_SOURCES)[number];

export interface MaintenanceWindow {
  id: string;
  collectiviteId: string;
  siteIds: string[];
  equipmentIds: string[];
  probeIds: string[];
  start: Instant;
  end: Instant;
  /** Nature of the work, free text (data, never markup). */
  nature: string;
  /** Who declared it: an operator's login, or the engine's author. */
  by: string;
  source: MaintenanceSource;
  createdAt: Instant;
  /** Set when a running window was ended early: it covers up to here. */
  endedAt?: Instant;
  /** Set when a window was cancelled before it started: it covers nothing. */
  cancelledAt?: Instant;
}

/** Where a probe sits, enough to tell whether a window names it. */
export interface CoverageRef {
  probeId: string;
  equipmentId: string;
  siteId: string;
  collectiviteId: string;
}

export type MaintenancePhase = 'upcoming' | 'running' | 'past' | 'cancelled';

/** The instant the window stops covering (its end, or when it was ended early). */
export function effectiveEnd(window: MaintenanceWindow): Instant {
  if (window.cancelledAt !== undefined) return window.start;
  return window.endedAt !== undefined ? Math.min(window.end, window.endedAt) : window.end;
}

export function maintenancePhase(window: MaintenanceWindow, now: Instant): MaintenancePhase {
  if (window.cancelledAt !== undefined) return 'cancelled';
  if (now < window.start) return 'upcoming';
  return now < effectiveEnd(window) ? 'running' : 'past';
}

export function coversProbe(window: MaintenanceWindow, ref: CoverageRef): boolean {
  if (window.collectiviteId !== ref.collectiviteId) return false;
  return window.probeIds.includes(ref.probeId) || window.equipmentIds.includes(ref.equipmentId) || window.siteIds.includes(ref.siteId);
}

export function coversInstant(window: MaintenanceWindow, at: Instant): boolean {
  return window.start <= at && at < effectiveEnd(window);
}

/**
 * When the covered stretch containing `at` ends, chaining windows that overlap or touch; `at`
 * itself when no window covers it. `windows` are those covering one probe.
 */
export function coveredUntil(windows: readonly MaintenanceWindow[], at: Instant): Instant {
  let until = at;
  let moved = true;
  while (moved) {
    moved = false;
    for (const w of windows) {
      const end = effectiveEnd(w);
      if (w.start <= until && until < end) {
        until = end;
        moved = true;
      }
    }
  }
  return until;
}

/** The windows still to come or running at `now` (what a collectivité is told about). */
export function currentWindows(windows: Iterable<MaintenanceWindow>, now: Instant): MaintenanceWindow[] {
  const out: MaintenanceWindow[] = [];
  for (const w of windows) {
    const phase = maintenancePhase(w, now);
    if (phase === 'upcoming' || phase === 'running') out.push(w);
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Availability sees the same windows: the parts of a probe's state intervals that `windows` (those
 * covering the probe) cover count as maintenance, whatever the engine's downtime flag said.
 */
export function withWindows<T extends { from: Instant; to: Instant; inDowntime: boolean }>(
  intervals: readonly T[],
  windows: readonly MaintenanceWindow[],
): T[] {
  if (windows.length === 0) return [...intervals];
  const out: T[] = [];
  for (const interval of intervals) {
    let cursor = interval.from;
    while (cursor < interval.to) {
      const until = coveredUntil(windows, cursor);
      if (until > cursor) {
        const to = Math.min(until, interval.to);
        out.push({ ...interval, from: cursor, to, inDowntime: true });
        cursor = to;
        continue;
      }
      const next = Math.min(interval.to, ...windows.map((w) => w.start).filter((s) => s > cursor));
      out.push({ ...interval, from: cursor, to: next });
      cursor = next;
    }
  }
  return out;
}

export interface MaintenanceRules {
  /** Longest window (the convention's operations last hours; a week is already generous). */
  maxDurationMs: number;
  /** A window may start this long before it is declared (the time to fill the form in). */
  startGraceMs: number;
}

export const DEFAULT_MAINTENANCE_RULES: MaintenanceRules = { maxDurationMs: 7 * 24 * 3_600_000, startGraceMs: 5 * 60_000 };

export type WindowProblem = 'ends-before-start' | 'too-long' | 'in-the-past';

/**
 * Why a window from `start` to `end`, declared at `now`, is refused, or undefined. Declaring work
 * after the fact would rewrite history (incidents and availability already counted), so a window
 * may not start in the past beyond the grace, nor end before now.
 */
export function windowProblem(start: Instant, end: Instant, now: Instant, rules: MaintenanceRules = DEFAULT_MAINTENANCE_RULES): WindowProblem | undefined {
  if (end <= start) return 'ends-before-start';
  if (end - start > rules.maxDurationMs) return 'too-long';
  if (end <= now || start < now - rules.startGraceMs) return 'in-the-past';
  return undefined;
}
