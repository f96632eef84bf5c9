// Each incident's GTI clock (start and deadline: covered-hours arithmetic) computed once. Incidents
// are immutable — a change arrives as a new object — so the clock is kept per object and per
// calendar; only the covered time left is recomputed at each frame or second.
import { gtiClock, gtiStatusOfClock, type GtiClock, type GtiStatus } from '../../domain/gti.ts';
import type { Incident, Instant } from '../../domain/model.ts';
import type { CoveredCalendar } from './calendar-hours.ts';

type GtiIncident = Pick<Incident, 'openedAt' | 'interventionAt' | 'resolvedAt'>;

const clocks = new WeakMap<CoveredCalendar, WeakMap<GtiIncident, GtiClock>>();

function clockOf(incident: GtiIncident, calendar: CoveredCalendar): GtiClock {
  let perCalendar = clocks.get(calendar);
  if (!perCalendar) clocks.set(calendar, (perCalendar = new WeakMap()));
  let clock = perCalendar.get(incident);
  if (!clock) perCalendar.set(incident, (clock = gtiClock(incident, calendar.hours, calendar.rules)));
  return clock;
}

/** The incident's GTI as seen at `now` (same result as the domain's gtiStatus). */
export function currentGti(incident: GtiIncident, now: Instant, calendar: CoveredCalendar): GtiStatus {
  return gtiStatusOfClock(clockOf(incident, calendar), now, calendar.hours, calendar.rules);
}
