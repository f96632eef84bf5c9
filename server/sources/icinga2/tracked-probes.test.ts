import { describe, expect, it } from 'vitest';
import type { ProbeStatus } from '../../../src/domain/model.ts';
import { TrackedProbes } from './tracked-probes.ts';

const status = (probeId: string, lastCheck: number | null): ProbeStatus => ({ probeId, state: 'OK', stateType: 'HARD', output: '', lastCheck, since: 0, acknowledged: false, inDowntime: false });

describe('TrackedProbes check mark', () => {
  it('follows the newest check recorded, in Icinga seconds, and never goes back', () => {
    const tracked = new TrackedProbes();
    tracked.record(status('a!', 5_000));
    tracked.record(status('b!', 3_000));
    tracked.record(status('c!', null));
    expect(tracked.checkMark).toBe(5);
    expect(tracked.statuses.size).toBe(3);
  });

  it('is recomputed from the statuses of a new snapshot', () => {
    const tracked = new TrackedProbes();
    tracked.record(status('a!', 9_000));
    tracked.replace(new Map(), new Map([['b!', status('b!', 2_000)], ['c!', status('c!', null)]]), new Set(['b', 'c']));
    tracked.resetCheckMark();
    expect(tracked.checkMark).toBe(2);
  });
});
