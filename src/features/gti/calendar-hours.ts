// The gateway sends the covered-hours settings with holidays already resolved, so the browser
// counts GTI time with the pure domain calendar and never loads a holiday library.
import { createCoveredHours, type CoveredHours } from '../../domain/covered-hours.ts';
import type { GtiRules } from '../../domain/gti.ts';
import type { CalendarDto } from '../../protocol/rest.ts';

export interface CoveredCalendar {
  hours: CoveredHours;
  rules: GtiRules;
}

// One calendar per response, shared by every component that reads it: the calendar caches its days'
// windows (Intl arithmetic), and GTI clocks are cached per calendar (gti-clocks.ts). Built per
// component instead, every new desk row paid for a fresh table (the storm bench's GtiLeft tasks).
const built = new WeakMap<CalendarDto, CoveredCalendar>();

export function coveredCalendarFrom(dto: CalendarDto): CoveredCalendar {
  let calendar = built.get(dto);
  if (!calendar) built.set(dto, (calendar = buildCalendar(dto)));
  return calendar;
}

function buildCalendar(dto: CalendarDto): CoveredCalendar {
  const hours = createCoveredHours({
    timeZone: dto.timeZone,
    days: dto.days,
    open: dto.open,
    close: dto.close,
    closedDates: dto.closedDates,
  });
  return { hours, rules: { gtiHours: dto.gtiHours, atRiskHours: dto.atRiskHours } };
}
