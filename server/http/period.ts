// Report periods: the month, semester (Jan–Jun, Jul–Dec) or year containing an instant, in the
// covered-hours time zone (Europe/Paris), or an explicit [from, to). Boundaries are local
// midnights converted to UTC instants, so a month spans its true length across DST changes.
import type { Period } from '../../src/domain/availability.ts';
import type { Instant } from '../../src/domain/model.ts';
import { ApiError } from './api-error.ts';

export type PeriodKind = 'month' | 'semester' | 'year';

/** Longest explicit range a report accepts: bounds the work of one request. */
export const MAX_RANGE_MS = 3 * 366 * 86_400_000;

interface LocalDate {
  year: number;
  month: number; // 1–12
}

function formatter(timeZone: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
}

function wallParts(format: Intl.DateTimeFormat, t: Instant): Record<string, number> {
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return p;
}

/** Local (wall-clock) offset in ms of the zone at instant t. */
function offsetAt(format: Intl.DateTimeFormat, t: Instant): number {
  const p = wallParts(format, t);
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0) - (t - (t % 1000));
}

/** The instant of local midnight starting the 1st of `month` (months may overflow into years). */
export function localMonthStart(year: number, month: number, timeZone: string): Instant {
  const format = formatter(timeZone);
  const wall = Date.UTC(year, month - 1, 1);
  // Two passes settle the offset; midnight is never skipped by DST in Europe.
  const first = wall - offsetAt(format, wall);
  return wall - offsetAt(format, first);
}

export function localYearMonth(t: Instant, timeZone: string): LocalDate {
  const p = wallParts(formatter(timeZone), t);
  return { year: p.year ?? 1970, month: p.month ?? 1 };
}

export function periodContaining(kind: PeriodKind, t: Instant, timeZone: string): Period {
  const { year, month } = localYearMonth(t, timeZone);
  const [startMonth, length] = kind === 'month' ? [month, 1] : kind === 'semester' ? [month <= 6 ? 1 : 7, 6] : [1, 12];
  return { from: localMonthStart(year, startMonth, timeZone), to: localMonthStart(year, startMonth + length, timeZone) };
}

export interface PeriodQuery {
  from?: number | undefined;
  to?: number | undefined;
  period?: PeriodKind | undefined;
}

/**
 * `period` alone: the one containing now; `period` + `from`: the one containing `from`;
 * `from` + `to`: that range. Anything else falls back to `fallback` (undefined = no period).
 */
export function resolvePeriod(query: PeriodQuery, now: Instant, timeZone: string, fallback?: PeriodKind): Period | undefined {
  if (query.period) {
    if (query.to !== undefined) throw new ApiError('bad-request', 'to: give either period or from/to', 'to');
    return periodContaining(query.period, query.from ?? now, timeZone);
  }
  if (query.from !== undefined || query.to !== undefined) {
    if (query.from === undefined) throw new ApiError('bad-request', 'from: required with to', 'from');
    if (query.to === undefined) throw new ApiError('bad-request', 'to: required with from', 'to');
    if (query.to <= query.from) throw new ApiError('bad-request', 'to: must be after from', 'to');
    if (query.to - query.from > MAX_RANGE_MS) throw new ApiError('bad-request', 'to: range longer than 3 years', 'to');
    return { from: query.from, to: query.to };
  }
  return fallback ? periodContaining(fallback, now, timeZone) : undefined;
}
