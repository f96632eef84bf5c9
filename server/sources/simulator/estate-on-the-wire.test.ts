// The simulator's estate through the live stream's column form (src/protocol/wire-snapshot.ts):
// its hierarchical ids travel as suffixes of their parent's, and the whole comes back equal.
import { describe, expect, test } from 'vitest';
import type { ProbeState, ProbeStatus } from '../../../src/domain/model.ts';
import { PROTOCOL_VERSION, type Estate, type Snapshot } from '../../../src/protocol/schemas.ts';
import { packSnapshot, readSnapshot } from '../../../src/protocol/wire-snapshot.ts';
import { generateEstate } from './estate.ts';

function probeStatus(probeId: string, state: ProbeState, at: number, output: string): ProbeStatus {
  return { probeId, state, stateType: 'HARD', output, lastCheck: at, since: at, acknowledged: false, inDowntime: false };
}

function snapshotOf(estate: Estate, statuses: ProbeStatus[]): Snapshot {
  return { protocol: PROTOCOL_VERSION, stream: 'all', epoch: 'e1', seq: 0, at: 1_000_000, estate, statuses, incidents: [], source: { state: 'connected', source: 'simulator', since: 0 } };
}

describe('a simulated estate on the wire', () => {
  test('travels as id suffixes and comes back whole', () => {
    const estate = generateEstate({ seed: 7, scale: 'small' });
    const statuses = estate.probes.map((p, i) => probeStatus(p.id, i % 17 === 0 ? 'CRITICAL' : 'OK', 1_000 + i, i % 3 ? 'OK' : `out ${i % 5}`));
    const snapshot = snapshotOf(estate, statuses);
    const wire = packSnapshot(snapshot);
    expect(wire.estate.probes.idAfterParent).toBe(true);
    expect(wire.estate.equipment.idAfterParent).toBe(true);
    expect(wire.estate.probes.id[0]).toMatch(/^-p\d+$/);
    expect(wire.estate.texts.length).toBeLessThan(estate.probes.length);
    const read = readSnapshot(JSON.parse(JSON.stringify(wire)));
    expect(read.ok && read.value).toEqual(snapshot);
  });

  test('is several times smaller than the object form', () => {
    const estate = generateEstate({ seed: 7, scale: 'small' });
    const snapshot = snapshotOf(estate, estate.probes.map((p) => probeStatus(p.id, 'OK', 1_000, 'PING OK')));
    expect(JSON.stringify(packSnapshot(snapshot)).length * 3).toBeLessThan(JSON.stringify(snapshot).length);
  });
});
