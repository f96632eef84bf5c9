// The gateway sends the covered-hours settings with holidays already resolved, so the browser
// counts GTI time with the pure domain calendar and never loads a holiday library.
import { createCoveredHours, type CoveredHours } from '../../domain/covered-hours.ts';
import type { GtiRules } from '../../domain/gti.ts';
import type { CalendarDto } from '../../protocol/rest.ts';

export interface CoveredCalendar {
  hours: CoveredHours;
  rules: GtiRules;
}

export function coveredCalendarFrom(dto: CalendarDto): CoveredCalendar {
  const hours = createCoveredHours({
    timeZone: dto.timeZone,
    days: dto.days,
    open: dto.open,
    close: dto.close,
    closedDates: dto.closedDates,
  });
  return { hours, rules: { gtiHours: dto.gtiHours, atRiskHours: dto.atRiskHours } };
}
