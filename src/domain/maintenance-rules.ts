// The contract's maintenance rules around the incident reducer, for one probe:
// - a probe in declared maintenance opens no incident and starts no GTI clock;
// - a problem that starts inside a window and lasts past its end opens its incident at the
//   window's end (the GTI clock starts then);
// - an open incident whose probe enters maintenance keeps its clock: the work it caused is not
//   planned work, so the reducer goes on as if there were no window.
// The gateway re-asks at each window end (and when windows change) for the probes it deferred.
import type { Incident, Instant } from './model.ts';
import { isProblem } from './model.ts';
import { reduceIncident, type IncidentEvent, type IncidentOutcome, type ProbeRef } from './incidents.ts';
import { DEFAULT_INCIDENT_RULES, isActive, type IncidentRules } from './incident-rules.ts';
import { coveredUntil, type MaintenanceWindow } from './maintenance.ts';

export type StatusEvent = Extract<IncidentEvent, { type: 'status' }>;

export type IncidentOpening =
  /** The incident opens (or reopens) at `at`. */
  | { open: true; at: Instant }
  /** Planned work: no incident yet; ask again at `until`. */
  | { open: false; until: Instant };

/**
 * When a hard problem that began at `since`, seen at `now`, opens its incident, given the windows
 * covering the probe: at `since` when no window covers it, at the end of the covered stretch when
 * that is already past, and not yet while the stretch runs.
 */
export function incidentOpening(since: Instant, now: Instant, windows: readonly MaintenanceWindow[]): IncidentOpening {
  const until = coveredUntil(windows, Math.min(since, now));
  return until > now ? { open: false, until } : { open: true, at: until };
}

export interface MaintenanceOutcome extends IncidentOutcome {
  /** Set when planned work held the incident back: ask again at this instant. */
  deferredUntil?: Instant;
}

/** The incident reducer for a status event, with the probe's windows applied as the contract says. */
export function reduceStatusInMaintenance(
  latest: Incident | undefined,
  probe: ProbeRef,
  event: StatusEvent,
  windows: readonly MaintenanceWindow[],
  rules: IncidentRules = DEFAULT_INCIDENT_RULES,
): MaintenanceOutcome {
  const opensIncident = event.stateType === 'HARD' && isProblem(event.state) && !(latest && isActive(latest));
  if (!opensIncident || windows.length === 0) return reduceIncident(latest, probe, event, rules);
  const opening = incidentOpening(event.since ?? event.at, event.at, windows);
  if (!opening.open) return { incident: latest, changed: false, deferredUntil: opening.until };
  return reduceIncident(latest, probe, { ...event, since: opening.at }, rules);
}
