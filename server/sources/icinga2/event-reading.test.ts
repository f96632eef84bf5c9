import { describe, expect, it } from 'vitest';
import type { ProbeStatus } from '../../../src/domain/model.ts';
import type { ProbeBinding } from './estate-mapping.ts';
import { readEvent } from './event-reading.ts';
import { checkEvent } from './fake-icinga.test-kit.ts';
import { icingaEventSchema } from './icinga-shapes.ts';

const NOW = 1_795_446_000_000;
const T = NOW / 1000; // Icinga clock, seconds
const disk: ProbeStatus = { probeId: 'srv!disque', state: 'OK', stateType: 'HARD', output: 'DISK OK', lastCheck: NOW - 60_000, since: NOW - 600_000, acknowledged: false, inDowntime: false };
const view = {
  bindings: new Map<string, ProbeBinding>([['srv!disque', { type: 'Service', kind: 'disk' }]]),
  statuses: new Map([['srv!disque', disk]]),
};
const read = (event: object, now = NOW) => readEvent(icingaEventSchema.parse(event), view, now);
const ackSet = (extra: object) => ({ type: 'AcknowledgementSet', timestamp: T, host: 'srv', service: 'disque', ...extra });

describe('readEvent', () => {
  it.each([
    ['a service downtime', { host_name: 'srv', service_name: 'disque' }, 'srv!disque'],
    ["a host downtime (no service)", { host_name: 'srv', service_name: '' }, 'srv!'],
  ])('asks for the flags of %s', (_case, downtime, probeId) => {
    expect(read({ type: 'DowntimeStarted', timestamp: T, downtime })).toEqual({ type: 'refresh-flags', probeId });
  });

  it.each([
    ['a host', undefined, 'nouvel-hote'],
    ['a service', 'ping', 'srv!ping'],
  ])('names %s it does not know by its Icinga name', (_case, service, name) => {
    expect(read(checkEvent(service ? 'srv' : 'nouvel-hote', service, 0, 'OK', T))).toEqual({ type: 'unknown-object', name });
  });

  it('turns a newer check result into a changed status, observed no later than now', () => {
    const reading = read(checkEvent('srv', 'disque', 2, 'DISK CRITICAL', T + 5));
    expect(reading).toMatchObject({ type: 'status', changed: true, at: NOW, next: { state: 'CRITICAL', since: NOW + 5_000, lastCheck: NOW + 5_000 } });
  });

  it('ignores a check result no newer than the last known check', () => {
    expect(read(checkEvent('srv', 'disque', 2, 'DISK CRITICAL', T - 60))).toEqual({ type: 'nothing-new' });
  });

  it.each([
    ['with its author and comment', { author: 'jdupont', comment: 'vu' }, { by: 'jdupont', comment: 'vu' }],
    ['by Icinga when nobody is named', {}, { by: 'icinga' }],
  ])('records an acknowledgement set %s', (_case, extra, expected) => {
    const reading = read(ackSet({ ...extra, timestamp: T - 10 }));
    expect(reading).toMatchObject({ type: 'status', changed: true, at: NOW - 10_000, next: { acknowledged: true } });
    expect(reading.type === 'status' && reading.acknowledgement).toEqual({ type: 'acknowledge', probeId: 'srv!disque', at: NOW - 10_000, ...expected });
  });

  it('marks an acknowledgement cleared, unchanged when there was none', () => {
    expect(read({ type: 'AcknowledgementCleared', timestamp: T, host: 'srv', service: 'disque' })).toMatchObject({ type: 'status', changed: false, acknowledgement: 'cleared' });
  });
});
