// The calendar the gateway sends (GET /api/v1/calendar) with the contract's covered hours and SLA
// rules, for tests: built from the domain's own constants rather than copied into each test.
import { DEFAULT_COVERED_HOURS } from '../domain/covered-hours.ts';
import { SLA_RULES } from '../domain/sla-rules.ts';
import type { CalendarDto } from '../protocol/rest.ts';

export function contractCalendarDto(closedDates: string[] = []): CalendarDto {
  const { timeZone, days, open, close } = DEFAULT_COVERED_HOURS;
  return { timeZone, days: [...days], open, close, closedDates, ...SLA_RULES };
}
