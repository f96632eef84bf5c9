// Icinga check results → Vigie probe statuses, for snapshot objects and stream events alike. Pure:
// the rules (check_result.state not exit_status, host UP/DOWN, PENDING when never checked) live here.
import { stateFromExitCode, type CameraCondition, type Instant, type ProbeKind, type ProbeState, type ProbeStatus } from '../../../src/domain/model.ts';
import type { AckEvent, CheckEvent, IcingaCheckResult, IcingaObject } from './icinga-shapes.ts';

const OUTPUT_MAX = 4096;

export function toInstant(seconds: number): Instant {
  return Math.max(0, Math.round(seconds * 1000));
}

/** Icinga's own host rule: plugin states 0 and 1 mean UP, 2 and 3 mean DOWN (shown as CRITICAL). */
export function hostState(pluginState: number): ProbeState {
  return pluginState === 0 || pluginState === 1 ? 'OK' : 'CRITICAL';
}

/** A service's state is its plugin's (the domain's exit-code rule); a host's is UP/DOWN; no result yet is PENDING. */
export function probeStateOf(type: 'Host' | 'Service', result: IcingaCheckResult | null): ProbeState {
  if (!result) return 'PENDING';
  return type === 'Host' ? hostState(result.state) : stateFromExitCode(result.state);
}

/** First line of the plugin output (the rest is long output), bounded. Data, never markup. */
export function firstLine(output: string | null | undefined): string {
  const text = output ?? '';
  const end = text.indexOf('\n');
  return (end === -1 ? text : text.slice(0, end)).slice(0, OUTPUT_MAX);
}

/** What a camera probe's state says about the camera: the contract names "floutée". */
export function cameraCondition(state: ProbeState, output: string): CameraCondition | undefined {
  if (/\b(flou|floue|floutée?|blur(red)?)\b/i.test(output)) return 'blurred';
  if (state === 'OK') return 'online';
  if (state === 'CRITICAL') return 'offline';
  return undefined;
}

function withCamera(status: ProbeStatus, kind: ProbeKind): ProbeStatus {
  const { camera: _old, ...rest } = status;
  if (kind !== 'camera') return rest;
  const camera = cameraCondition(status.state, status.output);
  return camera ? { ...rest, camera } : rest;
}

/**
 * When the current state began: for a HARD state, the engine's last hard state change (the
 * incident's start, and its GTI clock's); for a SOFT one, the last state change.
 */
function sinceOf(hard: boolean, attrs: { last_state_change: number; last_hard_state_change?: number | undefined }, at: Instant): Instant {
  const seconds = hard && attrs.last_hard_state_change !== undefined && attrs.last_hard_state_change > 0 ? attrs.last_hard_state_change : attrs.last_state_change;
  return seconds > 0 ? toInstant(seconds) : at;
}

/** The state changed, or became HARD: a hard state change, from which `since` counts again. */
export function startsNewState(current: Pick<ProbeStatus, 'state' | 'stateType'>, next: Pick<ProbeStatus, 'state' | 'stateType'>): boolean {
  return next.state !== current.state || (next.stateType === 'HARD' && current.stateType !== 'HARD');
}

/** Status of a host or service object from the snapshot. `at` stands in for unknown start times. */
export function statusFromObject(probeId: string, object: IcingaObject, kind: ProbeKind, at: Instant): ProbeStatus {
  const { attrs } = object;
  const result = attrs.last_check_result;
  const state = probeStateOf(object.type, result);
  return withCamera(
    {
      probeId,
      state,
      stateType: state !== 'PENDING' && attrs.state_type === 1 ? 'HARD' : 'SOFT',
      output: result ? firstLine(result.output) : '',
      lastCheck: result && attrs.last_check > 0 ? toInstant(attrs.last_check) : null,
      since: result ? sinceOf(state !== 'PENDING' && attrs.state_type === 1, attrs, at) : at,
      acknowledged: attrs.acknowledgement > 0,
      inDowntime: attrs.downtime_depth > 0,
    },
    kind,
  );
}

/** When the result in an event was produced, in Icinga's clock (comparable to an object's last_check). */
export function checkTimeOf(event: CheckEvent): number {
  return event.check_result.schedule_end ?? event.check_result.execution_end ?? event.timestamp;
}

export function applyCheckEvent(current: ProbeStatus, event: CheckEvent, kind: ProbeKind): ProbeStatus {
  const type = event.service === undefined ? 'Host' : 'Service';
  const state = probeStateOf(type, event.check_result);
  const stateType = event.state_type ?? event.check_result.vars_after?.state_type;
  const checkedAt = toInstant(checkTimeOf(event));
  const nextType: ProbeStatus['stateType'] = stateType === undefined ? current.stateType : stateType === 1 ? 'HARD' : 'SOFT';
  const next: ProbeStatus = {
    ...current,
    state,
    stateType: nextType,
    output: firstLine(event.check_result.output),
    lastCheck: checkedAt,
    since: startsNewState(current, { state, stateType: nextType }) ? checkedAt : current.since,
  };
  if (event.acknowledgement !== undefined) next.acknowledged = event.acknowledgement;
  if (event.downtime_depth !== undefined) next.inDowntime = event.downtime_depth > 0;
  return withCamera(next, kind);
}

export function applyAckEvent(current: ProbeStatus, event: AckEvent): ProbeStatus {
  return { ...current, acknowledged: event.type === 'AcknowledgementSet' };
}

/** The acknowledgement and downtime flags read back from an object (downtimes carry no depth in events). */
export function applyFlags(current: ProbeStatus, attrs: { downtime_depth: number; acknowledgement: number }): ProbeStatus {
  return { ...current, inDowntime: attrs.downtime_depth > 0, acknowledged: attrs.acknowledgement > 0 };
}

/** When Vigie saw something Icinga dated `seconds`: never later than now, whatever Icinga's clock says. */
export function observedAt(seconds: number, now: Instant): Instant {
  return Math.min(toInstant(seconds), now);
}
