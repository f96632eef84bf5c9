// The stretch of time the state timeline draws: from the earliest incident shown (or the start of
// the filtered period, when that is earlier) to now, with a small right margin for running bars.
import type { Incident, Instant } from '../../domain/model.ts';
import type { IncidentPeriod } from './api/incidents-query-options.ts';

const DAY_MS = 86_400_000;
const PERIOD_DAYS: Record<Exclude<IncidentPeriod, 'all'>, number> = { month: 31, semester: 183, year: 366 };

export function timelineWindow(incidents: readonly Pick<Incident, 'openedAt'>[], period: IncidentPeriod, now: Instant): { from: Instant; to: Instant } {
  const earliest = incidents.reduce((min, i) => Math.min(min, i.openedAt), now - DAY_MS);
  const from = period === 'all' ? earliest : Math.max(earliest, now - PERIOD_DAYS[period] * DAY_MS);
  const to = now + (now - from) * 0.02;
  return { from, to };
}
