import { describe, expect, it } from 'vitest';
import type { ProbeStatus } from '../domain/model.ts';
import { probeStatus } from './live-fixtures.ts';
import { TroubledProbes } from './troubled-probes.ts';

const inMaintenance = (status: ProbeStatus): ProbeStatus => ({ ...status, inDowntime: true });

describe('TroubledProbes', () => {
  it('follows probes in and out of trouble and reads their current statuses', () => {
    const troubled = new TroubledProbes();
    const current = new Map<string, ProbeStatus>();
    const read = () => [...troubled.statuses(current)].map((s) => `${s.probeId}:${s.state}`);
    const receive = (statuses: ProbeStatus[]) => {
      for (const status of statuses) current.set(status.probeId, status);
      return statuses;
    };

    troubled.rebuild(receive([probeStatus('a', 'CRITICAL'), probeStatus('b', 'OK')]));
    expect(read()).toEqual(['a:CRITICAL']);
    troubled.apply(receive([probeStatus('a', 'OK'), probeStatus('b', 'WARNING'), inMaintenance(probeStatus('c', 'CRITICAL'))]));
    expect(read()).toEqual(['b:WARNING']);
    troubled.apply(receive([probeStatus('b', 'UNKNOWN')]));
    expect(read()).toEqual(['b:UNKNOWN']);

    current.delete('b'); // a status the store no longer holds is not yielded
    expect(read()).toEqual([]);
    troubled.rebuild([]);
    current.set('b', probeStatus('b', 'UNKNOWN'));
    expect(read()).toEqual([]);
  });
});
