import { describe, expect, it } from 'vitest';
import type { ProbeStatus } from '../../../src/domain/model.ts';
import type { ProbeBinding } from './estate-mapping.ts';
import { flagsToConfirm, readPolledObject } from './poll-reading.ts';
import { recordedServices } from './recorded.test-kit.ts';

const NOW = 1_795_446_000_000;
const T = NOW / 1000; // Icinga clock, seconds
// boulay-mairie-srv!disque-c as recorded: OK, "DISK OK", checked at 1795445908.108413.
const recorded = recordedServices.find((s) => (s as { name: string }).name === 'boulay-mairie-srv!disque-c') as { attrs: Record<string, unknown> };
const object = (attrs: Record<string, unknown> = {}) => ({ ...recorded, attrs: { ...recorded.attrs, ...attrs } });
const checked = (state: number, output: string, at: number) => ({
  state,
  last_check: at,
  last_state_change: at,
  last_check_result: { state, output, execution_end: at, schedule_end: at, vars_after: { state, state_type: 1 } },
});
const known: ProbeStatus = { probeId: 'boulay-mairie-srv!disque-c', state: 'OK', stateType: 'HARD', output: 'DISK OK', lastCheck: 1_795_445_908_108, since: 1_795_445_000_000, acknowledged: false, inDowntime: false };
const viewOf = (current: ProbeStatus) => ({
  bindings: new Map<string, ProbeBinding>([[current.probeId, { type: 'Service', kind: 'disk' }]]),
  statuses: new Map([[current.probeId, current]]),
});
const read = (result: unknown, current = known) => readPolledObject(result, viewOf(current), NOW);

describe('readPolledObject', () => {
  it('skips a result of unexpected shape', () => {
    expect(read({ name: 'x', type: 'Service' })).toBeUndefined();
  });

  it('names an object it does not know', () => {
    expect(read({ ...object(), name: 'ailleurs!x' })).toEqual({ type: 'unknown-object', name: 'ailleurs!x' });
  });

  it('reports a newer result, observed no later than now', () => {
    expect(read(object(checked(2, 'DISK CRITICAL', T + 5)))).toMatchObject({ type: 'status', flagged: false, at: NOW, next: { state: 'CRITICAL', since: NOW + 5_000 } });
    expect(read(object(checked(2, 'DISK CRITICAL', T - 5)))).toMatchObject({ type: 'status', at: NOW - 5_000 });
  });

  it('keeps the start of a state that did not change', () => {
    expect(read(object({ ...checked(0, 'DISK OK - 40%', T), last_state_change: T }))).toMatchObject({ type: 'status', next: { since: known.since, output: 'DISK OK - 40%' } });
  });

  it.each([
    ['an older result', { ...known, lastCheck: NOW }, object(checked(2, 'DISK CRITICAL', T - 1)), false],
    ['the status it already has', { ...known, since: 1_795_445_908_108 }, object(), false],
    ['the status it already has, acknowledged', { ...known, since: 1_795_445_908_108, acknowledged: true }, object({ acknowledgement: 1 }), true],
  ])('has nothing new for %s, but says whether it is flagged', (_case, current, result, flagged) => {
    expect(read(result, current)).toEqual({ type: 'nothing-new', probeId: known.probeId, flagged });
  });
});

describe('flagsToConfirm', () => {
  const s = (probeId: string, acknowledged: boolean, inDowntime: boolean) => ({ ...known, probeId, acknowledged, inDowntime });
  it('lists the probes shown acknowledged or in downtime that the poll did not see flagged', () => {
    const statuses = [s('ack!', true, false), s('down!', false, true), s('seen!', true, true), s('plain!', false, false)];
    expect(flagsToConfirm(statuses, new Set(['seen!']))).toEqual(['ack!', 'down!']);
  });
});
