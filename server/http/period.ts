// Report periods: the month, semester (Jan–Jun, Jul–Dec) or year containing an instant, in the
// covered-hours time zone (Europe/Paris), or an explicit [from, to). Boundaries are local
// midnights converted to UTC instants, so a month spans its true length across DST changes.
import type { Period } from '../../src/domain/availability.ts';
import type { Instant } from '../../src/domain/model.ts';
import { wallParts, wallToInstant, zonedFormatter } from '../../src/domain/zoned-time.ts';
import { ApiError } from './api-error.ts';

export type PeriodKind = 'month' | 'semester' | 'year';

/** Longest explicit range a report accepts: bounds the work of one request. */
export const MAX_RANGE_MS = 3 * 366 * 86_400_000;

interface LocalDate {
  year: number;
  month: number; // 1–12
}

/** The instant of local midnight starting the 1st of `month` (months may overflow into years). */
export function localMonthStart(year: number, month: number, timeZone: string): Instant {
  return wallToInstant(zonedFormatter(timeZone), Date.UTC(year, month - 1, 1));
}

export function localYearMonth(t: Instant, timeZone: string): LocalDate {
  const p = wallParts(zonedFormatter(timeZone), t);
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
