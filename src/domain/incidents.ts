// The incident lifecycle as one pure reducer over a single probe's latest incident: the engine's
// status changes open, escalate, resolve and reopen it; operator actions acknowledge, annotate,
// start work on and close it. Keeping it per probe keeps it O(1) whatever the estate size.
//
// Decisions (DOMAIN.md is silent on these):
// - Only a HARD WARNING/CRITICAL opens or reopens an incident. While one is active, SOFT states are
//   ignored too (unconfirmed), except OK: any OK resolves, since a recovery needs no confirmation.
// - UNKNOWN/PENDING (HARD) while active are recorded as 'state-changed' but never raise severity.
// - Reopen: a hard problem at most `reopenWindowMs` (inclusive) after resolution reopens the same
//   incident. It returns to the status it had before resolution — 'in-progress' if an intervention
//   was recorded, else 'acknowledged' if acknowledged, else 'open' — because that work still stands.
//   A closed incident is final: an operator filed it away, so a new problem opens a new incident.
// - Status events older than the last state the incident recorded are stale (a late or replayed
//   engine event) and change nothing; this is what makes replaying a history idempotent. Operator
//   actions are applied in the order given even if their `at` is earlier than the last entry, so the
//   timeline is in application order, not necessarily sorted by `at`. An action dated before the
//   incident opened belonged to an earlier incident and is refused ('predates-incident').
// - An operator action identical to one already in the timeline (same kind, at, by, comment) is a
//   replay: unchanged, not refused.
// - Incident start = problem start: a status event may carry the source's `since` (its last hard
//   state change). An incident opens (or reopens) then, not when Vigie first saw it, so a gateway
//   that starts or reconnects days after a disk filled up dates the incident — and its GTI clock —
//   from the day it filled. `since` is never later than the observation nor earlier than the last
//   state the incident recorded. The 'notified' entry stays at the observation: that is when the
//   wall and the alarm channels learnt of it.
// - Versions: an incident opens at version 1 and every change adds 1 (with its timeline entry), so
//   clients reconcile the copies they hold by version alone (incident-version.ts).
// - Alarms: opening records nothing about notification. A 'notified' entry is appended only by a
//   'delivery' event, which the alarm worker sends once a channel answered (docs/alarms.md), in
//   any status: a resolution notice is delivered after the incident resolved.
import type { DeliveryNote, Incident, IncidentStatus, Instant, ProbeState, StateType, TimelineEntry } from './model.ts';
import { isProblem } from './model.ts';
import { DEFAULT_INCIDENT_RULES, isActive, refusalFor, type IncidentRefusal, type IncidentRules } from './incident-rules.ts';

export { DEFAULT_INCIDENT_RULES, isActive, type IncidentRefusal, type IncidentRules } from './incident-rules.ts';

export interface ProbeRef {
  probeId: string;
  siteId: string;
  collectiviteId: string;
}

export type IncidentEvent =
  | { type: 'status'; at: Instant; state: ProbeState; stateType: StateType; since?: Instant }
  | { type: 'acknowledge'; at: Instant; by: string; comment: string }
  | { type: 'comment'; at: Instant; by: string; comment: string }
  | { type: 'start-intervention'; at: Instant; by: string; comment?: string }
  | { type: 'close'; at: Instant; by: string; comment?: string }
  | { type: 'delivery'; at: Instant; delivery: DeliveryNote };

type OperatorEvent = Exclude<IncidentEvent, { type: 'status' } | { type: 'delivery' }>;
type StatusEvent = Extract<IncidentEvent, { type: 'status' }>;

export interface IncidentOutcome {
  /** The probe's latest incident after the event (a new one when the event opened one). */
  incident: Incident | undefined;
  changed: boolean;
  /** Set when an operator action was refused; the incident is then returned unchanged. */
  refused?: IncidentRefusal;
}

/** Deterministic, so replaying the same history after an engine restart yields the same ids. */
export function incidentId(probeId: string, openedAt: Instant): string {
  return `${probeId}@${openedAt}`;
}

export function reduceIncident(
  latest: Incident | undefined,
  probe: ProbeRef,
  event: IncidentEvent,
  rules: IncidentRules = DEFAULT_INCIDENT_RULES,
): IncidentOutcome {
  if (latest && latest.probeId !== probe.probeId) return { incident: latest, changed: false, refused: 'wrong-probe' };
  if (event.type === 'delivery') {
    if (!latest) return { incident: latest, changed: false, refused: 'no-incident' };
    return changed(append(latest, { at: event.at, kind: 'notified', delivery: event.delivery }));
  }
  return event.type === 'status' ? applyStatus(latest, probe, event, rules) : applyAction(latest, event);
}

function applyStatus(latest: Incident | undefined, probe: ProbeRef, event: StatusEvent, rules: IncidentRules): IncidentOutcome {
  const { at, state, stateType } = event;
  if (latest && at < lastObservation(latest).at) return unchanged(latest);
  if (!latest || !isActive(latest)) {
    if (stateType !== 'HARD' || !isIncidentState(state)) return unchanged(latest);
    const startedAt = problemStart(latest, event);
    if (latest && mayReopen(latest, startedAt, rules)) return changed(reopen(latest, startedAt, state));
    return changed(open(probe, startedAt, state));
  }
  if (state === 'OK') return changed(resolve(latest, at));
  if (stateType !== 'HARD' || state === lastObservation(latest).state) return unchanged(latest);
  return changed(
    append({ ...latest, severity: worse(latest.severity, state) }, { at, kind: 'state-changed', state }),
  );
}

function applyAction(latest: Incident | undefined, event: OperatorEvent): IncidentOutcome {
  const entry = actionEntry(event);
  if (latest && latest.timeline.some((e) => sameAction(e, entry))) return unchanged(latest);
  if (latest && event.at < latest.openedAt) return { incident: latest, changed: false, refused: 'predates-incident' };
  const needsComment = event.type === 'acknowledge' || event.type === 'comment';
  const refused = refusalFor(latest, event.type) ?? (needsComment && !entry.comment ? 'comment-required' : undefined);
  if (refused || !latest) return { incident: latest, changed: false, refused: refused ?? 'no-incident' };
  const { at } = event;
  switch (event.type) {
    case 'acknowledge':
      return changed(append({ ...latest, status: 'acknowledged', acknowledgedAt: at }, entry));
    case 'comment':
      return changed(append(latest, entry));
    case 'start-intervention':
      return changed(append({ ...latest, status: 'in-progress', interventionAt: at }, entry));
    case 'close':
      return changed(append({ ...latest, status: 'closed', closedAt: at }, entry));
  }
}

/** When the problem began: the source's `since`, kept between the last recorded state and now. */
function problemStart(latest: Incident | undefined, event: StatusEvent): Instant {
  if (event.since === undefined || event.since >= event.at) return event.at;
  return latest ? Math.max(event.since, lastObservation(latest).at) : event.since;
}

function open(probe: ProbeRef, at: Instant, state: Incident['severity']): Incident {
  return {
    id: incidentId(probe.probeId, at),
    probeId: probe.probeId,
    siteId: probe.siteId,
    collectiviteId: probe.collectiviteId,
    status: 'open',
    severity: state,
    openedAt: at,
    timeline: [{ at, kind: 'opened', state }],
    version: 1,
  };
}

function mayReopen(latest: Incident, at: Instant, rules: IncidentRules): boolean {
  return latest.status === 'resolved' && latest.resolvedAt !== undefined && at - latest.resolvedAt <= rules.reopenWindowMs;
}

function reopen(latest: Incident, at: Instant, state: Incident['severity']): Incident {
  const { resolvedAt: _cleared, ...rest } = latest;
  const status: IncidentStatus =
    latest.interventionAt !== undefined ? 'in-progress' : latest.acknowledgedAt !== undefined ? 'acknowledged' : 'open';
  return append({ ...rest, status, severity: worse(latest.severity, state) }, { at, kind: 'reopened', state });
}

function resolve(latest: Incident, at: Instant): Incident {
  return append({ ...latest, status: 'resolved', resolvedAt: at }, { at, kind: 'resolved', state: 'OK' });
}

/** The last probe state the incident recorded, and when. */
function lastObservation(incident: Incident): { at: Instant; state: ProbeState } {
  for (let i = incident.timeline.length - 1; i >= 0; i--) {
    const entry = incident.timeline[i];
    if (entry?.state) return { at: entry.at, state: entry.state };
  }
  return { at: incident.openedAt, state: incident.severity };
}

function isIncidentState(state: ProbeState): state is Incident['severity'] {
  return isProblem(state);
}

function worse(severity: Incident['severity'], state: ProbeState): Incident['severity'] {
  return state === 'CRITICAL' ? 'CRITICAL' : severity;
}

const ACTION_KIND = {
  acknowledge: 'acknowledged',
  comment: 'commented',
  'start-intervention': 'intervention-started',
  close: 'closed',
} as const;

function actionEntry(event: OperatorEvent): TimelineEntry {
  const comment = event.comment?.trim();
  const entry: TimelineEntry = { at: event.at, kind: ACTION_KIND[event.type], by: event.by };
  if (comment) entry.comment = comment;
  return entry;
}

function sameAction(a: TimelineEntry, b: TimelineEntry): boolean {
  return a.kind === b.kind && a.at === b.at && a.by === b.by && a.comment === b.comment;
}

/** Every change goes through here (or `open`): one more timeline entry, one more version. */
function append(incident: Incident, entry: TimelineEntry): Incident {
  return { ...incident, timeline: [...incident.timeline, entry], version: incident.version + 1 };
}

function changed(incident: Incident): IncidentOutcome {
  return { incident, changed: true };
}

function unchanged(incident: Incident | undefined): IncidentOutcome {
  return { incident, changed: false };
}
