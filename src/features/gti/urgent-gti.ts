// The active incidents whose GTI clock matters most right now, most urgent first, without ranking
// all of them: a storm opens thousands of incidents and the panels show a few dozen, every second.
import type { GtiState, GtiStatus } from '../../domain/gti.ts';
import { isActive } from '../../domain/incident-rules.ts';
import type { Incident, Instant } from '../../domain/model.ts';
import { topN, type TopN } from '../../live/top-n.ts';
import type { CoveredCalendar } from './calendar-hours.ts';
import { currentGti } from './gti-clocks.ts';
import { GTI_URGENCY } from './gti-tone.ts';

export interface RankedGti {
  incident: Incident;
  gti: GtiStatus;
}

export interface UrgentGtiOptions {
  limit: number;
  /** Only this collectivité's incidents. */
  collectiviteId?: string;
  /** Only GTIs in these states (e.g. the wall banner's breached and at-risk). */
  states?: readonly GtiState[];
}

/** Breached first, then at risk, on track, met; within a state, the least covered time left first. */
export const byUrgency = (a: RankedGti, b: RankedGti) =>
  GTI_URGENCY[a.gti.status] - GTI_URGENCY[b.gti.status] || a.gti.coveredMsLeft - b.gti.coveredMsLeft;

/** `total` counts every active incident that passed the filters, shown or not. */
export function urgentGtis(incidents: Iterable<Incident>, now: Instant, calendar: CoveredCalendar, options: UrgentGtiOptions): TopN<RankedGti> {
  const { limit, collectiviteId, states } = options;
  function* ranked(): Generator<RankedGti> {
    for (const incident of incidents) {
      if (!isActive(incident) || (collectiviteId !== undefined && incident.collectiviteId !== collectiviteId)) continue;
      const gti = currentGti(incident, now, calendar);
      if (states && !states.includes(gti.status)) continue;
      yield { incident, gti };
    }
  }
  return topN(ranked(), limit, byUrgency);
}
