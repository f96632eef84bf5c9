import { describe, expect, it } from 'vitest';
import type { ProbeStatus } from '../../../src/domain/model.ts';
import { parseEventLine, type AckEvent, type CheckEvent, type IcingaEvent } from './icinga-shapes.ts';
import { sameStatus } from '../../../src/domain/model.ts';
import { applyAckEvent, applyCheckEvent, applyFlags, cameraCondition, firstLine, hostState, observedAt, probeStateOf, statusFromObject } from './probe-status.ts';
import type { IcingaObject } from './icinga-shapes.ts';
import { recordedEventLines } from './recorded.test-kit.ts';

const events: IcingaEvent[] = recordedEventLines.flatMap((l) => {
  const r = parseEventLine(l);
  return 'event' in r ? [r.event] : [];
});
const find = <T extends IcingaEvent>(pred: (e: IcingaEvent) => boolean) => events.find(pred) as T;

const pending: ProbeStatus = { probeId: 'boulay-mairie-srv!disque-c', state: 'PENDING', stateType: 'SOFT', output: '', lastCheck: null, since: 1000, acknowledged: false, inDowntime: false };

describe('state rules', () => {
  it.each([
    [0, 'OK'],
    [1, 'WARNING'],
    [2, 'CRITICAL'],
    [3, 'UNKNOWN'],
    [99, 'UNKNOWN'],
  ] as const)('service plugin state %i → %s', (code, state) => expect(probeStateOf('Service', { state: code, output: '' })).toBe(state));

  it('a probe never checked is PENDING', () => expect(probeStateOf('Service', null)).toBe('PENDING'));

  it.each([
    [0, 'OK'],
    [1, 'OK'],
    [2, 'CRITICAL'],
    [3, 'CRITICAL'],
  ] as const)('host plugin state %i → %s (Icinga: 0–1 UP, 2–3 DOWN)', (code, state) => expect(hostState(code)).toBe(state));

  it('keeps only the first line of plugin output', () => expect(firstLine('DISK OK\nlong output')).toBe('DISK OK'));

  it.each([
    ['OK', 'Flux OK', 'online'],
    ['CRITICAL', 'No video', 'offline'],
    ['WARNING', 'Image floue', 'blurred'],
    ['CRITICAL', 'Camera blurred', 'blurred'],
    ['UNKNOWN', 'timeout', undefined],
  ] as const)('camera %s "%s" → %s', (state, output, condition) => expect(cameraCondition(state, output)).toBe(condition));
});

describe('applyCheckEvent with recorded events', () => {
  const critical = find<CheckEvent>((e) => e.type === 'CheckResult' && e.service === 'disque-c' && e.check_result.state === 2);

  it('uses check_result.state, not exit_status (a passive CRITICAL reports exit_status 0)', () => {
    const next = applyCheckEvent(pending, critical, 'disk');
    expect(next).toMatchObject({ state: 'CRITICAL', stateType: 'HARD', output: 'DISK CRITICAL - C: 2% free', acknowledged: false, inDowntime: false });
    expect(next.lastCheck).toBe(Math.round(critical.check_result.schedule_end! * 1000));
    expect(next.since).toBe(next.lastCheck);
  });

  it('keeps since when the state does not change, and the StateChange twin changes nothing', () => {
    const first = applyCheckEvent(pending, critical, 'disk');
    const twin = find<CheckEvent>((e) => e.type === 'StateChange' && e.service === 'disque-c' && e.state === 2);
    expect(sameStatus(applyCheckEvent(first, twin, 'disk'), first)).toBe(true);
    const later = applyCheckEvent(first, { ...critical, check_result: { ...critical.check_result, schedule_end: critical.check_result.schedule_end! + 60 } }, 'disk');
    expect(later.since).toBe(first.since);
    expect(later.lastCheck).toBe(first.lastCheck! + 60_000);
  });

  it('maps a host DOWN event (top-level state 1, check_result.state 2) to CRITICAL', () => {
    const down = find<CheckEvent>((e) => e.type === 'StateChange' && e.service === undefined);
    expect(down.state).toBe(1);
    expect(applyCheckEvent({ ...pending, probeId: 'labo-sans-collectivite!' }, down, 'host').state).toBe('CRITICAL');
  });

  it('follows the acknowledgement and downtime flags carried by check events', () => {
    const next = applyCheckEvent({ ...pending, acknowledged: true, inDowntime: false }, { ...critical, acknowledgement: false, downtime_depth: 1 }, 'disk');
    expect(next).toMatchObject({ acknowledged: false, inDowntime: true });
  });

  it('derives the camera condition for camera probes only', () => {
    const blurred = { ...critical, check_result: { ...critical.check_result, state: 1, output: 'Image floue' } };
    expect(applyCheckEvent(pending, blurred, 'camera').camera).toBe('blurred');
    expect(applyCheckEvent(pending, blurred, 'disk')).not.toHaveProperty('camera');
  });
});

describe('since: the problem starts at the engine\'s last HARD state change', () => {
  const DAY = 86_400;
  const T = 1_795_445_908; // Icinga clock, seconds
  const disk = (attrs: Partial<IcingaObject['attrs']>): IcingaObject => ({
    name: 'boulay-mairie-srv!disque-c',
    type: 'Service',
    attrs: {
      state: 2,
      state_type: 1,
      last_check: T,
      last_state_change: T - 60, // a SOFT flap a minute ago (e.g. a recheck) — not when the problem began
      last_hard_state_change: T - 3 * DAY, // the disk filled up three days ago
      acknowledgement: 0,
      downtime_depth: 0,
      vars: null,
      last_check_result: { state: 2, output: 'DISK CRITICAL', execution_end: T, schedule_end: T },
      ...attrs,
    },
  });

  it.each([
    ['HARD problem: last_hard_state_change', {}, (T - 3 * DAY) * 1000],
    ['SOFT problem: last_state_change (no hard change yet)', { state_type: 0 }, (T - 60) * 1000],
    ['older recordings without last_hard_state_change: last_state_change', { last_hard_state_change: undefined }, (T - 60) * 1000],
    ['never changed (0): the observation instant', { last_hard_state_change: 0, last_state_change: 0 }, 42],
  ] as const)('%s', (_label, attrs, since) => {
    expect(statusFromObject('boulay-mairie-srv!disque-c', disk(attrs), 'disk', 42).since).toBe(since);
  });

  const critical = find<CheckEvent>((e) => e.type === 'CheckResult' && e.service === 'disque-c' && e.check_result.state === 2);
  const at = (seconds: number, stateType: number): CheckEvent => ({ ...critical, state_type: stateType, check_result: { ...critical.check_result, schedule_end: seconds, vars_after: { state: 2, state_type: stateType } } });

  it('an event that turns a SOFT problem HARD restarts since there (Icinga\'s hard state change)', () => {
    const soft = applyCheckEvent({ ...pending, state: 'OK', stateType: 'HARD' }, at(T, 0), 'disk');
    expect(soft).toMatchObject({ state: 'CRITICAL', stateType: 'SOFT', since: T * 1000 });
    const hard = applyCheckEvent(soft, at(T + 60, 1), 'disk');
    expect(hard).toMatchObject({ stateType: 'HARD', since: (T + 60) * 1000 });
    expect(applyCheckEvent(hard, at(T + 120, 1), 'disk').since).toBe((T + 60) * 1000);
  });
});

describe('applyAckEvent', () => {
  it('sets and clears the acknowledgement', () => {
    const set = find<AckEvent>((e) => e.type === 'AcknowledgementSet');
    const cleared = find<AckEvent>((e) => e.type === 'AcknowledgementCleared');
    expect(set.author).toBe('alice');
    const acked = applyAckEvent(pending, set);
    expect(acked.acknowledged).toBe(true);
    expect(applyAckEvent(acked, cleared).acknowledged).toBe(false);
  });
});

describe('applyFlags', () => {
  it.each([
    [{ downtime_depth: 0, acknowledgement: 0 }, { inDowntime: false, acknowledged: false }],
    [{ downtime_depth: 2, acknowledgement: 2 }, { inDowntime: true, acknowledged: true }],
  ])('reads %j back as flags, leaving the rest of the status', (attrs, flags) => {
    expect(applyFlags({ ...pending, acknowledged: true, inDowntime: true }, attrs)).toEqual({ ...pending, ...flags });
  });
});

describe('observedAt', () => {
  it.each([
    [1_000.5, 2_000_000, 1_000_500],
    [3_000, 2_000_000, 2_000_000], // an Icinga clock ahead of Vigie's
  ])('Icinga time %d seen at %d is %d', (seconds, now, expected) => {
    expect(observedAt(seconds, now)).toBe(expected);
  });
});
