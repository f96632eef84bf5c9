import { describe, expect, test } from 'vitest';
import type { ProbeStatus } from '../domain/model.ts';
import { fixtureSnapshot, FIXTURE_ESTATE, probeStatus } from '../live/live-fixtures.ts';
import { MAX_DEPENDENCIES, type Snapshot } from './schemas.ts';
import { packSnapshot, readSnapshot, type WireSnapshot } from './wire-snapshot.ts';

/** Through JSON, as on the socket. */
const overTheWire = (snapshot: Snapshot): unknown => JSON.parse(JSON.stringify(packSnapshot(snapshot)));

function read(input: unknown): Snapshot {
  const result = readSnapshot(input);
  if (!result.ok) throw result.error;
  return result.value;
}

function refusal(mutate: (wire: WireSnapshot) => void): string {
  const wire = structuredClone(packSnapshot(varied())) as WireSnapshot;
  mutate(wire);
  const result = readSnapshot(wire);
  return result.ok ? 'accepted' : result.error.field;
}

/** Every status field in use: camera conditions, acknowledgement, downtime, never checked, shared outputs. */
function varied(): Snapshot {
  const statuses: ProbeStatus[] = [
    { ...probeStatus('p-metz-disk', 'WARNING', 5_000, 'DISK WARNING - 9 %'), acknowledged: true, stateType: 'SOFT' },
    { ...probeStatus('p-metz-cam', 'CRITICAL', 6_000, 'image floutée'), camera: 'blurred', inDowntime: true },
    { ...probeStatus('p-ecole-wan', 'PENDING', 7_000, ''), lastCheck: null },
    { ...probeStatus('p-boulay-disk', 'OK', 8_000, 'DISK WARNING - 9 %'), acknowledged: true, inDowntime: true },
  ];
  // A declared dependency: the town-hall camera records through the town-hall server.
  const estate = { ...FIXTURE_ESTATE, dependencies: [{ parent: 'p-metz-disk', child: 'p-metz-cam' }] };
  return fixtureSnapshot({ at: 10_000, seq: 7, statuses, estate });
}

describe('packSnapshot → JSON → readSnapshot', () => {
  test('gives back the same snapshot, every status field included', () => {
    const snapshot = varied();
    expect(read(overTheWire(snapshot))).toEqual(snapshot);
  });

  test('sends each distinct text once and enums as one digit per row', () => {
    const wire = packSnapshot(varied());
    expect(wire.estate.texts.filter((t) => t === 'DISK WARNING - 9 %')).toHaveLength(1);
    expect(wire.statuses.state).toBe('1240');
    expect(wire.statuses.flags).toBe('1203');
    expect(wire.statuses.camera).toBe('-2--');
    expect(wire.statuses.lastCheck).toEqual([5_000, 4_000, null, 2_000]);
  });

  test('ids that do not start with their parent’s travel whole', () => {
    const wire = packSnapshot(varied());
    expect(wire.estate.probes.idAfterParent).toBe(false);
    expect(wire.estate.probes.id).toEqual(FIXTURE_ESTATE.probes.map((p) => p.id));
  });

  test('declared dependencies travel as probe positions, edges to probes outside the estate left out', () => {
    const snapshot = varied();
    snapshot.estate.dependencies!.push({ parent: 'p-elsewhere', child: 'p-metz-cam' });
    expect(packSnapshot(snapshot).estate.dependencies).toEqual({ parent: [0], child: [1] });
    expect(read(overTheWire(snapshot)).estate.dependencies).toEqual([{ parent: 'p-metz-disk', child: 'p-metz-cam' }]);
    expect(packSnapshot(fixtureSnapshot()).estate.dependencies).toBeUndefined();
  });

  test('a status of a probe outside the estate is not sent', () => {
    const snapshot = fixtureSnapshot({ statuses: [probeStatus('p-elsewhere', 'CRITICAL'), probeStatus('p-metz-cam', 'OK')] });
    expect(read(overTheWire(snapshot)).statuses.map((s) => s.probeId)).toEqual(['p-metz-cam']);
  });

  test('an estate whose rows point nowhere cannot be packed', () => {
    const estate = { ...FIXTURE_ESTATE, equipment: [...FIXTURE_ESTATE.equipment, { id: 'e-x', siteId: 's-nowhere', name: 'X', kind: 'nas' as const }] };
    expect(() => packSnapshot(fixtureSnapshot({ estate }))).toThrow(/s-nowhere/);
  });
});

describe('readSnapshot refuses columns that do not fit, naming the column and row', () => {
  test.each<[string, (w: WireSnapshot) => void, string]>([
    ['a state column one row short', (w) => (w.statuses.state = w.statuses.state.slice(1)), 'statuses.state'],
    ['a state digit out of range', (w) => (w.statuses.state = '9' + w.statuses.state.slice(1)), 'statuses.state'],
    ['a probe position out of range', (w) => (w.statuses.probe[2] = 99), 'statuses.probe.2'],
    ['an output position out of range', (w) => (w.statuses.output[1] = 99), 'statuses.output.1'],
    ['a since after `at` + 1970', (w) => (w.statuses.since[0] = w.at + 1), 'statuses.since.0'],
    ['a fractional offset', (w) => (w.statuses.since[0] = 0.5), 'statuses.since'],
    ['an equipment site out of range', (w) => (w.estate.equipment.site[3] = 3), 'estate.equipment.site.3'],
    ['a probe equipment out of range', (w) => (w.estate.probes.equipment[0] = -1), 'estate.probes.equipment'],
    ['an empty id', (w) => (w.estate.probes.id[1] = ''), 'estate.probes.id.1'],
    ['a name longer than a probe name may be', (w) => (w.estate.texts[w.estate.probes.name[0]!] = 'x'.repeat(301)), 'estate.probes.name.0'],
    ['a dependency parent out of range', (w) => (w.estate.dependencies!.parent[0] = 9), 'estate.dependencies.parent.0'],
    ['a dependency child column one row short', (w) => (w.estate.dependencies!.child = []), 'estate.dependencies.child'],
    ['a probe depending on itself', (w) => (w.estate.dependencies!.child[0] = 0), 'estate.dependencies.child.0'],
    ['more dependencies than allowed', (w) => (w.estate.dependencies = { parent: new Array<number>(MAX_DEPENDENCIES + 1).fill(0), child: [] }), 'estate.dependencies.parent'],
    ['another protocol version', (w) => ((w as { protocol: number }).protocol = 1), 'protocol'],
  ])('%s', (_what, mutate, field) => {
    expect(refusal(mutate)).toBe(field);
  });

  test('garbage is refused at the root, never thrown', () => {
    for (const garbage of [undefined, null, 'snapshot', 42, []]) {
      const result = readSnapshot(garbage);
      expect(result.ok ? 'accepted' : result.error.field).toBe('');
    }
  });
});
