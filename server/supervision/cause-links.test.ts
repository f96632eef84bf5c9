import { beforeEach, describe, expect, test } from 'vitest';
import type { Incident, ProbeKind } from '../../src/domain/model.ts';
import type { Estate } from '../../src/protocol/schemas.ts';
import { ManualTimers } from '../stream/manual-timers.test-kit.ts';
import { fixtureStatus } from './estate-fixture.test-kit.ts';
import { FakeSource } from './fake-source.test-kit.ts';
import { MemoryStorage } from './memory-storage.ts';
import { createSupervision, type Supervision } from './supervision.ts';

const T0 = Date.UTC(2026, 3, 14, 8, 0);
const KINDS: ProbeKind[] = ['internet', 'host', 'camera'];

/** c1–c3 in the EPCI "cc" (one site each), c4 in none with a camera declared behind its NVR host. */
function estate(): Estate {
  const e: Estate = { collectivites: [], sites: [], equipment: [], probes: [], dependencies: [{ parent: 'c4.host', child: 'c4.camera' }] };
  for (const c of ['c1', 'c2', 'c3', 'c4']) {
    e.collectivites.push({ id: c, insee: `57${c.slice(1).padStart(3, '0')}`, name: `Commune ${c}`, lat: 49, lng: 6, ...(c === 'c4' ? {} : { epci: 'cc' }) });
    e.sites.push({ id: `s-${c}`, collectiviteId: c, name: `Mairie ${c}`, kind: 'mairie', lat: 49, lng: 6 });
    e.equipment.push({ id: `e-${c}`, siteId: `s-${c}`, name: `Routeur ${c}`, kind: 'router' });
    for (const kind of KINDS) e.probes.push({ id: `${c}.${kind}`, equipmentId: `e-${c}`, name: `${kind} ${c}`, kind, interval: 60 });
  }
  return e;
}

let storage: MemoryStorage;
let source: FakeSource;
let supervision: Supervision;

async function boot(initial?: (clock: number) => ReturnType<typeof fixtureStatus>[]) {
  storage = new MemoryStorage();
  const e = estate();
  source = new FakeSource(e, T0, initial?.(T0));
  supervision = createSupervision({ source, storage, timers: new ManualTimers(), persistMs: 1_000 });
  await supervision.start();
}

const latestOf = (probeId: string): Incident | undefined => [...supervision.incidents()].filter((i) => i.probeId === probeId).sort((a, b) => b.openedAt - a.openedAt)[0];

beforeEach(() => boot());

describe('dependent incidents attached to their cause', () => {
  test('a probe failing with a cut access opens attached to the access incident, in its first version', () => {
    source.emit('c4.internet', 'CRITICAL');
    source.emit('c4.camera', 'CRITICAL', { afterMs: 30_000 });
    const cause = latestOf('c4.internet')!;
    expect(cause.cause).toBeUndefined();
    expect(latestOf('c4.camera')).toMatchObject({ version: 1, cause: { kind: 'site-cut', incidentId: cause.id, probeId: 'c4.internet', collectiviteId: 'c4', atOpening: true } });
  });

  test('a camera failing with its declared NVR is attached as a dependency; an older problem is not', () => {
    source.emit('c4.host', 'CRITICAL');
    source.emit('c4.camera', 'CRITICAL', { afterMs: 10_000 });
    expect(latestOf('c4.camera')?.cause).toMatchObject({ kind: 'dependency', incidentId: latestOf('c4.host')!.id });
    source.emit('c1.camera', 'CRITICAL', { afterMs: 3_600_000 });
    source.emit('c1.host', 'CRITICAL');
    expect(latestOf('c1.camera')?.cause).toBeUndefined();
  });

  test('a dependent that opened before its cause is attached when the cause opens: one more version, its alarms its own', () => {
    source.emit('c4.camera', 'CRITICAL');
    const before = latestOf('c4.camera')!;
    source.emit('c4.internet', 'CRITICAL', { afterMs: 20_000 });
    expect(latestOf('c4.camera')).toMatchObject({ id: before.id, version: before.version + 1, cause: { kind: 'site-cut', incidentId: latestOf('c4.internet')!.id } });
    expect(latestOf('c4.camera')?.cause?.atOpening).toBeUndefined();
  });

  test('three access cuts of one EPCI: one area cause, the earlier site cut and its dependents re-attached to it', () => {
    source.emit('c1.internet', 'CRITICAL');
    source.emit('c2.internet', 'CRITICAL', { afterMs: 120_000 });
    source.emit('c2.camera', 'WARNING', { afterMs: 10_000 });
    expect(latestOf('c2.camera')?.cause).toMatchObject({ kind: 'site-cut', incidentId: latestOf('c2.internet')!.id });
    source.emit('c3.internet', 'CRITICAL', { afterMs: 120_000 });
    const area = latestOf('c1.internet')!;
    expect(area.cause).toBeUndefined();
    for (const probe of ['c2.internet', 'c2.camera', 'c3.internet']) {
      expect(latestOf(probe)?.cause, probe).toMatchObject({ kind: 'area-cut', incidentId: area.id, probeId: 'c1.internet', collectiviteId: 'c1' });
    }
    // The camera was attached when it opened: its alarms stay the cause's after the move.
    expect(latestOf('c2.camera')?.cause?.atOpening).toBe(true);
  });

  test('a snapshot naming the dependent before its cause attaches it at opening, and only the cause raises an alarm', async () => {
    await boot((at) => [
      ...['c4.camera', 'c4.host'].map((id) => fixtureStatus(id, at, 'CRITICAL')),
      fixtureStatus('c4.internet', at, 'CRITICAL'),
      ...['c1', 'c2', 'c3'].flatMap((c) => KINDS.map((k) => fixtureStatus(`${c}.${k}`, at))),
    ]);
    const cause = latestOf('c4.internet')!;
    for (const probe of ['c4.camera', 'c4.host']) expect(latestOf(probe)?.cause).toMatchObject({ incidentId: cause.id, atOpening: true });
    await supervision.persist();
    const events = await storage.alarms.unplannedEvents(100);
    expect(events.map((e) => `${e.probeId} ${e.kind}`)).toEqual(['c4.internet opened']);
  });

  test('the link is stored with the incident and survives a restart', async () => {
    source.emit('c4.internet', 'CRITICAL');
    source.emit('c4.host', 'CRITICAL', { afterMs: 30_000 });
    await supervision.stop();
    const again = createSupervision({ source: new FakeSource(estate(), source.clock, []), storage, timers: new ManualTimers() });
    await again.start();
    const host = [...again.incidents()].find((i) => i.probeId === 'c4.host');
    expect(host?.cause).toMatchObject({ kind: 'site-cut', probeId: 'c4.internet' });
    await again.stop();
  });
});
