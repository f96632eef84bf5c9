// The covered-hours calendar as the API uses it: the configured hours plus FR-57 public holidays
// (and extra closed days) for whatever years a request spans, built once per span and cached.
import { createCoveredHours, type CoveredHours } from '../../src/domain/covered-hours.ts';
import { closedDatesBetween } from '../../src/domain/holidays.ts';
import type { Instant } from '../../src/domain/model.ts';
import { SLA_RULES, type SlaRules } from '../../src/domain/sla-rules.ts';
import type { CalendarDto } from '../../src/protocol/rest.ts';
import { localYearMonth } from './period.ts';

export interface CoveredHoursSettings {
  timeZone: string;
  /** ISO weekdays, 1 = Monday. */
  days: number[];
  open: string;
  close: string;
  extraClosedDates: string[];
}

export const DEFAULT_HOURS_SETTINGS: CoveredHoursSettings = { timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5], open: '09:00', close: '17:30', extraClosedDates: [] };

export interface CoveredCalendar {
  readonly settings: CoveredHoursSettings;
  readonly rules: SlaRules;
  /** Hours whose holidays cover [from, to) with a year of margin (GTI deadlines run past `to`). */
  hoursFor(from: Instant, to: Instant): CoveredHours;
  /** What the SPA needs to count covered time itself, with closed dates around `now`. */
  dto(now: Instant): CalendarDto;
}

export function createCoveredCalendar(settings: CoveredHoursSettings, rules: SlaRules = SLA_RULES): CoveredCalendar {
  const cache = new Map<string, CoveredHours>();
  const closed = (fromYear: number, toYear: number) => closedDatesBetween(fromYear, toYear, settings.extraClosedDates);
  const yearOf = (t: Instant) => localYearMonth(t, settings.timeZone).year;
  return {
    settings,
    rules,
    hoursFor(from, to) {
      const a = yearOf(from) - 1;
      const b = yearOf(Math.max(from, to)) + 1;
      const key = `${a}:${b}`;
      let hours = cache.get(key);
      if (!hours) {
        if (cache.size > 32) cache.clear();
        hours = createCoveredHours({ timeZone: settings.timeZone, days: settings.days, open: settings.open, close: settings.close, closedDates: closed(a, b) });
        cache.set(key, hours);
      }
      return hours;
    },
    dto(now) {
      const year = yearOf(now);
      return {
        timeZone: settings.timeZone,
        days: [...settings.days],
        open: settings.open,
        close: settings.close,
        closedDates: closed(year - 1, year + 1),
        gtiHours: rules.gtiHours,
        atRiskHours: rules.atRiskHours,
        availabilityTarget: rules.availabilityTarget,
      };
    },
  };
}
