// Report periods: the month, semester (Jan–Jun, Jul–Dec) or year containing an instant, in the
// covered-hours time zone (Europe/Paris), or an explicit [from, to). Boundaries are local
// midnights converted to UTC instants, so a month spans its true length across DST changes.
import type { Period } from '../../src/domain/availability.ts';
import type { Instant } from '../../src/domain/model.ts';
import { periodContaining, type PeriodKind } from '../../src/domain/report-period.ts';
import { ApiError } from './api-error.ts';

export type { PeriodKind } from '../../src/domain/report-period.ts';
export { localMonthStart, localYearMonth, periodContaining } from '../../src/domain/report-period.ts';

/** Longest explicit range a report accepts: bounds the work of one request. */
export const MAX_RANGE_MS = 3 * 366 * 86_400_000;

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
