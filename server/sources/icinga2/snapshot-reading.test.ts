import { describe, expect, it } from 'vitest';
import type { IcingaSnapshot } from './snapshot-queries.ts';
import { readSnapshot } from './snapshot-reading.ts';
import { recordedHosts, recordedServices } from './recorded.test-kit.ts';

const AT = 1_795_446_000_000;
// In the recording, remilly-atelier-ap!wifi is acknowledged.
const wifiAck = { attrs: { author: 'jdupont', text: 'vu', host_name: 'remilly-atelier-ap', service_name: 'wifi', entry_type: 4, entry_time: AT / 1000 - 5 } };
const snapshot: IcingaSnapshot = { hosts: recordedHosts, services: recordedServices, ackComments: [wifiAck], dependencies: { dependencies: [], skipped: 0 }, programStart: 1 };

describe('readSnapshot', () => {
  const first = readSnapshot(snapshot, { statuses: new Map(), unmapped: [], first: true }, AT);

  it('maps the estate, keys statuses by probe id and knows every object name, mapped or not', () => {
    expect(first.statuses.size).toBe(first.mapping.statuses.length);
    expect(first.statuses.get('remilly-atelier-ap!wifi')?.acknowledged).toBe(true);
    expect(first.knownNames.has('labo-sans-collectivite')).toBe(true);
    expect(first.knownNames.has('boulay-mairie-srv!disque-c')).toBe(true);
  });

  it('lists unmapped objects once, and no acknowledgement made meanwhile on the first snapshot', () => {
    expect(first.newlyUnmapped.map((u) => u.name)).toEqual(['labo-sans-collectivite']);
    expect(first.acknowledgedMeanwhile.size).toBe(0);
    const again = readSnapshot(snapshot, { statuses: first.statuses, unmapped: first.mapping.unmapped, first: false }, AT);
    expect(again.newlyUnmapped).toEqual([]);
  });

  it('after a reconnect, reports acknowledgements made in Icinga while Vigie was not listening', () => {
    const before = new Map(first.statuses);
    before.set('remilly-atelier-ap!wifi', { ...before.get('remilly-atelier-ap!wifi')!, acknowledged: false });
    const again = readSnapshot(snapshot, { statuses: before, unmapped: [], first: false }, AT);
    expect([...again.acknowledgedMeanwhile.values()]).toEqual([{ type: 'acknowledge', probeId: 'remilly-atelier-ap!wifi', at: AT - 5_000, by: 'jdupont', comment: 'vu' }]);
  });
});
