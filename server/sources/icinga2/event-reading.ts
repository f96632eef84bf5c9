// What one event of the /v1/events stream means for the tracked probes: a new status (and, for an
// acknowledgement, the action to record), flags to read back, an object Vigie never saw, or
// nothing new. Pure: the caller applies the outcome.
import { sameStatus, type Instant, type ProbeStatus } from '../../../src/domain/model.ts';
import type { SourceAction } from '../../../src/protocol/source.ts';
import { acknowledgement } from './acknowledgements.ts';
import type { IcingaEvent } from './icinga-shapes.ts';
import { probeIdOf } from './probe-ids.ts';
import { applyAckEvent, applyCheckEvent, checkTimeOf, observedAt, toInstant } from './probe-status.ts';
import type { ProbeView } from './tracked-probes.ts';

export type EventReading =
  /** Downtimes carry no depth: the object's flags must be read back from Icinga. */
  | { type: 'refresh-flags'; probeId: string }
  | { type: 'unknown-object'; name: string }
  | { type: 'nothing-new' }
  | {
      type: 'status';
      next: ProbeStatus;
      /** False when the event left the status as it was. */
      changed: boolean;
      at: Instant;
      /** An acknowledgement set (the action recording it) or cleared. */
      acknowledgement?: SourceAction | 'cleared';
    };

export function readEvent(event: IcingaEvent, view: ProbeView, now: Instant): EventReading {
  if (event.type.startsWith('Downtime')) {
    const { host_name, service_name } = (event as Extract<IcingaEvent, { downtime: unknown }>).downtime;
    return { type: 'refresh-flags', probeId: probeIdOf(host_name, service_name || undefined) };
  }
  const { host, service } = event as Exclude<IcingaEvent, { downtime: unknown }>;
  const probeId = probeIdOf(host, service);
  const binding = view.bindings.get(probeId);
  const current = view.statuses.get(probeId);
  if (!binding || !current) return { type: 'unknown-object', name: service === undefined ? host : `${host}!${service}` };
  const at = observedAt(event.timestamp, now);
  if (event.type === 'CheckResult' || event.type === 'StateChange') {
    // Already known (from the snapshot or the catch-up poll): a result no newer than the last check.
    if (current.lastCheck !== null && toInstant(checkTimeOf(event)) <= current.lastCheck) return { type: 'nothing-new' };
    const next = applyCheckEvent(current, event, binding.kind);
    return { type: 'status', next, changed: !sameStatus(next, current), at };
  }
  if (event.type === 'AcknowledgementSet' || event.type === 'AcknowledgementCleared') {
    const next = applyAckEvent(current, event);
    const ack = event.type === 'AcknowledgementCleared' ? 'cleared' : acknowledgement(probeId, at, event.author, event.comment);
    return { type: 'status', next, changed: !sameStatus(next, current), at, acknowledgement: ack };
  }
  return { type: 'nothing-new' };
}
