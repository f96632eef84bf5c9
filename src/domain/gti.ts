// GTI (Garantie de Temps d'Intervention, convention art. 7): 8 covered hours from an incident's
// start to the first intervention. The clock starts at opening (or the next covered instant) and
// stops at intervention or resolution, whichever comes first; all durations are covered time.
import type { Incident, Instant } from './model.ts';
import type { CoveredHours } from './covered-hours.ts';
import type { Period } from './availability.ts';
import { HOUR_MS, SLA_RULES, type SlaRules } from './sla-rules.ts';

export type GtiRules = Pick<SlaRules, 'gtiHours' | 'atRiskHours'>;

export interface GtiClock {
  start: Instant;
  deadline: Instant;
  /** First of intervention start and resolution; absent while the clock runs. */
  stoppedAt?: Instant;
}

export type GtiState = 'on-track' | 'at-risk' | 'breached' | 'met';

export interface GtiStatus {
  status: GtiState;
  /** Covered ms between the reference instant (stop, or now) and the deadline; negative once past. */
  coveredMsLeft: number;
  start: Instant;
  deadline: Instant;
  stoppedAt?: Instant;
}

type GtiIncident = Pick<Incident, 'openedAt' | 'interventionAt' | 'resolvedAt'>;

export function gtiClock(incident: GtiIncident, hours: CoveredHours, rules: GtiRules = SLA_RULES): GtiClock {
  const start = hours.nextCoveredInstant(incident.openedAt);
  const deadline = hours.addCoveredMs(start, rules.gtiHours * HOUR_MS);
  const stops = [incident.interventionAt, incident.resolvedAt].filter((t): t is Instant => t !== undefined);
  return stops.length > 0 ? { start, deadline, stoppedAt: Math.min(...stops) } : { start, deadline };
}

/** Covered ms from `at` to `deadline`, negative when `at` is past it. */
function signedCoveredMs(hours: CoveredHours, at: Instant, deadline: Instant): number {
  return at <= deadline ? hours.coveredMs(at, deadline) : -hours.coveredMs(deadline, at);
}

/**
 * GTI state as seen at `now`. A stop recorded after `now` is ignored (replaying history).
 * The deadline instant itself is still in time: met when stopped at or before it, breached after.
 */
export function gtiStatus(
  incident: GtiIncident,
  now: Instant,
  hours: CoveredHours,
  rules: GtiRules = SLA_RULES,
): GtiStatus {
  return gtiStatusOfClock(gtiClock(incident, hours, rules), now, hours, rules);
}

/** gtiStatus from an incident's clock already computed (it depends on the incident only, not on `now`). */
export function gtiStatusOfClock(clock: GtiClock, now: Instant, hours: CoveredHours, rules: GtiRules = SLA_RULES): GtiStatus {
  const { start, deadline } = clock;
  if (clock.stoppedAt !== undefined && clock.stoppedAt <= now) {
    const stoppedAt = clock.stoppedAt;
    const coveredMsLeft = signedCoveredMs(hours, stoppedAt, deadline);
    return { status: stoppedAt <= deadline ? 'met' : 'breached', coveredMsLeft, start, deadline, stoppedAt };
  }
  const coveredMsLeft = signedCoveredMs(hours, now, deadline);
  const status: GtiState =
    now > deadline ? 'breached' : coveredMsLeft < rules.atRiskHours * HOUR_MS ? 'at-risk' : 'on-track';
  return { status, coveredMsLeft, start, deadline };
}

export interface GtiCompliance {
  /** met / (met + breached); null when no GTI outcome fell in the period. */
  compliance: number | null;
  met: number;
  breached: number;
}

/**
 * Share of GTIs met among those decided in `period` (half-open [from, to)). A GTI is decided
 * when it is met (at its stop) or breached (at its deadline, once `now` is past it), so each
 * incident counts once, in the period where its outcome became known.
 */
export function gtiCompliance(
  incidents: Iterable<GtiIncident>,
  period: Period,
  now: Instant,
  hours: CoveredHours,
  rules: GtiRules = SLA_RULES,
): GtiCompliance {
  let met = 0;
  let breached = 0;
  const inPeriod = (t: Instant) => t >= period.from && t < period.to;
  for (const incident of incidents) {
    const s = gtiStatus(incident, now, hours, rules);
    if (s.status === 'met' && inPeriod(s.stoppedAt ?? s.deadline)) met++;
    else if (s.status === 'breached' && inPeriod(s.deadline)) breached++;
  }
  return { compliance: met + breached > 0 ? met / (met + breached) : null, met, breached };
}
