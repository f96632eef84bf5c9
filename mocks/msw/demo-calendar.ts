// The gateway's CoveredCalendar with closed dates resolved beforehand: in the browser demo they are
// computed at build time (vite.demo.config.ts), so date-holidays never ships in the bundle.
import { createCoveredHours, DEFAULT_COVERED_HOURS } from '../../src/domain/covered-hours.ts';
import { SLA_RULES } from '../../src/domain/sla-rules.ts';
import type { CoveredCalendar, CoveredHoursSettings } from '../../server/http/covered-calendar.ts';

export function fixedCoveredCalendar(closedDates: readonly string[]): CoveredCalendar {
  const settings: CoveredHoursSettings = {
    timeZone: DEFAULT_COVERED_HOURS.timeZone,
    days: [...DEFAULT_COVERED_HOURS.days],
    open: DEFAULT_COVERED_HOURS.open,
    close: DEFAULT_COVERED_HOURS.close,
    extraClosedDates: [],
  };
  const sorted = [...new Set(closedDates)].sort();
  const hours = createCoveredHours({ ...DEFAULT_COVERED_HOURS, closedDates: sorted });
  return {
    settings,
    rules: SLA_RULES,
    hoursFor: () => hours,
    dto: () => ({
      timeZone: settings.timeZone,
      days: settings.days,
      open: settings.open,
      close: settings.close,
      closedDates: sorted,
      gtiHours: SLA_RULES.gtiHours,
      atRiskHours: SLA_RULES.atRiskHours,
      availabilityTarget: SLA_RULES.availabilityTarget,
    }),
  };
}
