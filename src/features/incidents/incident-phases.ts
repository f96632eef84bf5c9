// An incident's life as consecutive phases, read from its timeline so that a reopening draws a
// second "open" stretch instead of being lost. Pure: the caller passes `now` for running phases.
import type { Incident, Instant, TimelineKind } from '../../domain/model.ts';

export type IncidentPhase = 'open' | 'acknowledged' | 'intervention' | 'resolved';

export interface PhaseSpan {
  phase: IncidentPhase;
  from: Instant;
  to: Instant;
  /** Still running at `now`. */
  running: boolean;
}

const NEXT_PHASE: Partial<Record<TimelineKind, IncidentPhase | 'closed'>> = {
  opened: 'open',
  reopened: 'open',
  acknowledged: 'acknowledged',
  'intervention-started': 'intervention',
  resolved: 'resolved',
  closed: 'closed',
};

type PhaseIncident = Pick<Incident, 'openedAt' | 'acknowledgedAt' | 'interventionAt' | 'resolvedAt' | 'closedAt' | 'timeline'>;

function phaseEvents(incident: PhaseIncident): Array<{ at: Instant; next: IncidentPhase | 'closed' }> {
  const fromTimeline = incident.timeline
    .filter((e) => NEXT_PHASE[e.kind] !== undefined)
    .map((e) => ({ at: e.at, next: NEXT_PHASE[e.kind] as IncidentPhase | 'closed' }));
  if (fromTimeline.some((e) => e.next === 'open')) return fromTimeline.sort((a, b) => a.at - b.at);
  // A timeline trimmed by the server: fall back on the milestone fields.
  const events: Array<{ at: Instant; next: IncidentPhase | 'closed' }> = [{ at: incident.openedAt, next: 'open' }];
  if (incident.acknowledgedAt !== undefined) events.push({ at: incident.acknowledgedAt, next: 'acknowledged' });
  if (incident.interventionAt !== undefined) events.push({ at: incident.interventionAt, next: 'intervention' });
  if (incident.resolvedAt !== undefined) events.push({ at: incident.resolvedAt, next: 'resolved' });
  if (incident.closedAt !== undefined) events.push({ at: incident.closedAt, next: 'closed' });
  return events.sort((a, b) => a.at - b.at);
}

/** Acknowledging during an intervention does not step back: phases only move forward until resolved. */
const RANK: Record<IncidentPhase, number> = { open: 0, acknowledged: 1, intervention: 2, resolved: 3 };

export function incidentPhases(incident: PhaseIncident, now: Instant): PhaseSpan[] {
  const spans: PhaseSpan[] = [];
  let current: { phase: IncidentPhase; from: Instant } | undefined;
  for (const { at, next } of phaseEvents(incident)) {
    if (at > now) break;
    if (next !== 'closed' && next !== 'open' && current && RANK[next] <= RANK[current.phase]) continue;
    if (current && !(next === 'open' && current.phase === 'open')) {
      spans.push({ ...current, to: at, running: false });
      current = undefined;
    }
    if (next !== 'closed' && !current) current = { phase: next, from: at };
  }
  if (current) spans.push({ ...current, to: now, running: true });
  return spans.filter((s) => s.to > s.from || s.phase === 'resolved');
}
