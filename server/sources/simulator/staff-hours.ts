// The support cell works the contract's covered hours (Mon–Fri 9:00–17:30 Europe/Paris, FR-57
// public holidays off), taken from the domain calendar so the simulator and the SLA agree.
import type { Instant } from '../../../src/domain/model.ts';
import { createCoveredHours, DEFAULT_COVERED_HOURS, type CoveredHours } from '../../../src/domain/covered-hours.ts';
import { closedDatesBetween } from '../../../src/domain/holidays.ts';

/** Covered hours around `start`, holidays included for a few years either side. */
export function defaultStaffHours(start: Instant): CoveredHours {
  const year = new Date(start).getUTCFullYear();
  return createCoveredHours({ ...DEFAULT_COVERED_HOURS, closedDates: closedDatesBetween(year - 1, year + 4) });
}
