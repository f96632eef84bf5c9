// GTI clocks as alarm events: an active incident whose intervention has not started is "at risk"
// once fewer than atRiskHours of covered time remain, "breached" past its deadline. Each state
// gives one event per incident (keyed), whenever the periodic check first sees it, also after a
// restart (the outbox drops the repeat).
import { gtiAlarmEvent } from '../../src/domain/alarm-events.ts';
import type { AlarmEvent, AlarmSubject } from '../../src/domain/alarm-model.ts';
import type { CoveredHours } from '../../src/domain/covered-hours.ts';
import { gtiStatus } from '../../src/domain/gti.ts';
import { isActive } from '../../src/domain/incident-rules.ts';
import type { Incident, Instant } from '../../src/domain/model.ts';

export function gtiAlarmEvents(incidents: Iterable<Incident>, now: Instant, hours: CoveredHours, subjectOf: (incident: Incident) => AlarmSubject | undefined): AlarmEvent[] {
  const out: AlarmEvent[] = [];
  for (const incident of incidents) {
    if (!isActive(incident) || incident.interventionAt !== undefined) continue;
    const status = gtiStatus(incident, now, hours);
    if (status.status !== 'at-risk' && status.status !== 'breached') continue;
    const subject = subjectOf(incident);
    if (!subject) continue;
    out.push(gtiAlarmEvent(incident, status.status, now, status.deadline, subject));
  }
  return out;
}
