import { beforeEach, describe, expect, test } from 'vitest';
import { StorageUnavailableError, type SupervisionChange } from '../ports.ts';
import { ManualTimers } from '../stream/manual-timers.test-kit.ts';
import { fixtureEstate, fixtureStatus } from './estate-fixture.test-kit.ts';
import { FakeSource } from './fake-source.test-kit.ts';
import { MemoryStorage } from './memory-storage.ts';
import { createSupervision, type Supervision } from './supervision.ts';

const T0 = Date.UTC(2026, 3, 14, 8, 0);

let storage: MemoryStorage;
let source: FakeSource;
let timers: ManualTimers;
let supervision: Supervision;
let changes: SupervisionChange[];

async function boot(src = new FakeSource(fixtureEstate(2, 3), T0)) {
  source = src;
  timers = new ManualTimers();
  supervision = createSupervision({ source, storage, timers, persistMs: 1_000 });
  changes = [];
  supervision.subscribe((c) => changes.push(c));
  await supervision.start();
}

beforeEach(async () => {
  storage = new MemoryStorage();
  await boot();
});

describe('supervision state', () => {
  test('takes the source snapshot: estate, statuses, ownership, and saves the estate', async () => {
    expect(supervision.estate().probes).toHaveLength(6);
    expect([...supervision.statuses()]).toHaveLength(6);
    expect(supervision.collectiviteOf('p-c2-1')).toBe('c2');
    expect(supervision.collectiviteOf('e-c1')).toBe('c1');
    expect(supervision.collectiviteOf('nope')).toBeUndefined();
    expect(supervision.sourceHealth().state).toBe('connected');
    expect(storage.estate?.probes).toHaveLength(6);
    expect(changes.find((c) => c.estateChanged)?.statuses).toHaveLength(6);
    expect(changes.find((c) => c.estateChanged)?.statuses.map((c) => c.collectiviteId).sort()).toEqual(['c1', 'c1', 'c1', 'c2', 'c2', 'c2']);
  });

  test('a hard problem opens an incident, a soft one does not, OK resolves it', () => {
    source.emit('p-c1-1', 'CRITICAL', { stateType: 'SOFT' });
    expect([...supervision.incidents()]).toHaveLength(0);
    const hard = source.emit('p-c1-1', 'CRITICAL');
    const [incident] = [...supervision.incidents()];
    expect(incident).toMatchObject({ id: `p-c1-1@${hard.lastCheck}`, collectiviteId: 'c1', siteId: 's-c1', status: 'open', severity: 'CRITICAL' });
    // The change names the probe's collectivité: the stream hub routes it without looking it up.
    expect(changes.at(-1)).toMatchObject({ statuses: [{ collectiviteId: 'c1', status: hard }], incidents: [incident], sourceAt: source.clock });
    source.emit('p-c1-1', 'OK');
    expect(supervision.incident(incident!.id)?.status).toBe('resolved');
    expect(supervision.status('p-c1-1')?.state).toBe('OK');
  });

  test('an unchanged status is not republished; unknown probes are reported as unmapped', () => {
    const before = changes.length;
    source.events!.status(supervision.status('p-c1-1')!, source.clock);
    source.events!.status(fixtureStatus('ghost-probe', source.clock, 'CRITICAL'), source.clock);
    expect(changes.length).toBe(before);
    expect(supervision.unmappedProbeIds()).toEqual(['ghost-probe']);
  });

  test('operator actions: applied, stored at once, pushed to the engine, echo not applied twice', async () => {
    source.emit('p-c2-1', 'WARNING');
    const id = [...supervision.incidents()][0]!.id;
    const result = await supervision.act(id, { action: 'acknowledge', comment: 'on regarde' }, 'alice');
    expect(result.incident).toMatchObject({ status: 'acknowledged', acknowledgedAt: source.clock });
    expect(storage.actions).toEqual([{ incidentId: id, at: source.clock, by: 'alice', action: 'acknowledge', comment: 'on regarde' }]);
    expect(storage.incidents.get(id)?.status).toBe('acknowledged');
    expect(source.pushed).toEqual([{ type: 'acknowledge', probeId: 'p-c2-1', at: source.clock, by: 'alice', comment: 'on regarde' }]);
    source.events!.action({ ...source.pushed[0]!, at: source.clock + 2_000 });
    expect(supervision.incident(id)!.timeline.filter((e) => e.kind === 'acknowledged')).toHaveLength(1);
    expect(changes.at(-1)?.incidents[0]?.status).toBe('acknowledged');
  });

  test('an action storage did not take is not announced until it is written', async () => {
    source.emit('p-c1-1', 'CRITICAL');
    const id = [...supervision.incidents()][0]!.id;
    const save = storage.saveIncidents.bind(storage);
    let away = true;
    storage.saveIncidents = async (rows) => {
      if (away) throw new Error('Connection terminated unexpectedly');
      return save(rows);
    };
    const before = changes.length;
    await expect(supervision.act(id, { action: 'comment', comment: 'en attente' }, 'alice')).rejects.toBeInstanceOf(StorageUnavailableError);
    expect(changes.length).toBe(before);
    expect(source.pushed).toEqual([]);
    away = false;
    await supervision.persist();
    await Promise.resolve();
    expect(changes.at(-1)?.incidents[0]?.timeline.at(-1)).toMatchObject({ kind: 'commented', comment: 'en attente' });
    expect(storage.actions.map((a) => a.comment)).toEqual(['en attente']);
    expect(source.pushed).toMatchObject([{ type: 'comment', comment: 'en attente' }]);
  });

  test('actions seen in the engine reach the probe’s incident', () => {
    source.emit('p-c1-2', 'CRITICAL');
    source.events!.action({ type: 'start-intervention', probeId: 'p-c1-2', at: source.clock + 1, by: 'icinga-bob' });
    const incident = [...supervision.incidents()][0]!;
    expect(incident).toMatchObject({ status: 'in-progress', interventionAt: source.clock + 1 });
    source.events!.action({ type: 'comment', probeId: 'p-c1-3', at: source.clock, by: 'x', comment: 'no incident here' });
    expect([...supervision.incidents()]).toHaveLength(1);
  });

  test('refusals come back as reasons and change nothing', async () => {
    source.emit('p-c1-1', 'CRITICAL');
    const id = [...supervision.incidents()][0]!.id;
    expect(await supervision.act(id, { action: 'close' }, 'alice')).toMatchObject({ refused: 'still-active' });
    expect(await supervision.act('p-c1-1@1', { action: 'close' }, 'alice')).toEqual({ refused: 'no-incident' });
    expect(await supervision.act('garbage', { action: 'comment', comment: 'x' }, 'alice')).toEqual({ refused: 'no-incident' });
    expect(storage.actions).toHaveLength(0);
  });

  test('a storm of status changes is written in a few batched calls', async () => {
    await supervision.persist();
    storage.calls.length = 0;
    for (let i = 0; i < 1_000; i++) source.emit(`p-c${(i % 2) + 1}-${(i % 3) + 1}`, i % 4 === 0 ? 'CRITICAL' : 'OK', { afterMs: 1_000 });
    expect(storage.calls).toEqual([]);
    timers.advance(1_000);
    await supervision.persist();
    expect(storage.calls.filter((c) => c === 'appendStateChanges')).toHaveLength(1);
    expect(storage.calls.filter((c) => c === 'saveStatuses')).toHaveLength(1);
    expect(storage.stateChanges.length).toBeGreaterThan(500);
    expect([...storage.statuses.values()]).toEqual([...supervision.statuses()].sort((a, b) => a.probeId.localeCompare(b.probeId)));
  });

  test('a restart (no clean stop) keeps incidents and acknowledgements and does not duplicate them', async () => {
    source.emit('p-c1-1', 'CRITICAL');
    source.emit('p-c2-2', 'CRITICAL');
    const [a, b] = [...supervision.incidents()].map((i) => i.id);
    await supervision.act(a!, { action: 'acknowledge', comment: 'vu' }, 'alice');
    await supervision.persist();
    // "kill -9": the old instance is abandoned; a new engine run still sees p-c1-1 failing, p-c2-2 back OK.
    const estate = fixtureEstate(2, 3);
    const clock = source.clock + 120_000;
    const statuses = estate.probes.map((p) => fixtureStatus(p.id, clock, p.id === 'p-c1-1' ? 'CRITICAL' : 'OK'));
    await boot(new FakeSource(estate, clock, statuses));
    const incidents = [...supervision.incidents()];
    expect(incidents.map((i) => i.id).sort()).toEqual([a, b].sort());
    expect(supervision.incident(a!)).toMatchObject({ status: 'acknowledged', timeline: expect.arrayContaining([expect.objectContaining({ kind: 'acknowledged', by: 'alice' })]) });
    expect(supervision.incident(b!)?.status).toBe('resolved');
    expect(changes.some((c) => c.estateChanged)).toBe(false);
    await supervision.stop();
    expect(storage.incidents.get(b!)?.status).toBe('resolved');
    expect(source.stopped).toBe(1);
  });
});
