import { beforeEach, describe, expect, test } from 'vitest';
import type { Incident, ProbeState, ProbeStatus } from '../../src/domain/model.ts';
import { deltaBatchSchema, heartbeatSchema, snapshotSchema, type Estate, type SourceHealth } from '../../src/protocol/schemas.ts';
import { fixtureEstate, fixtureStatus } from '../supervision/estate-fixture.test-kit.ts';
import { ManualTimers } from './manual-timers.test-kit.ts';
import { createStreamHub, type StreamHub, type StreamMessage, type StreamView } from './stream-hub.ts';

/** A supervision state reduced to maps, with helpers that change it and publish like the real one. */
class FakeView implements StreamView {
  estateValue: Estate = fixtureEstate(2, 100);
  readonly statusMap = new Map<string, ProbeStatus>();
  readonly incidentMap = new Map<string, Incident>();
  health: SourceHealth = { state: 'connected', source: 'fake', since: 0 };
  constructor(readonly timers: ManualTimers) {
    for (const p of this.estateValue.probes) this.statusMap.set(p.id, fixtureStatus(p.id, 0));
  }
  now = () => 1_000_000 + this.timers.now;
  estate = () => this.estateValue;
  statuses = () => this.statusMap.values();
  incidents = () => this.incidentMap.values();
  sourceHealth = () => this.health;
}

/** The fixture's probe ids name their collectivité: p-<collectivité>-<n>. */
const ownerOf = (probeId: string) => /^p-(c\d+)-/.exec(probeId)![1]!;

let timers: ManualTimers;
let view: FakeView;
let hub: StreamHub;

beforeEach(() => {
  timers = new ManualTimers();
  view = new FakeView(timers);
  hub = createStreamHub({ view, timers, flushMs: 100, heartbeatMs: 5_000, bufferBatches: 5, epoch: 'e1' });
});

function change(probeId: string, state: ProbeState): ProbeStatus {
  const status = fixtureStatus(probeId, view.now(), state, { output: `${state} at ${view.now()}` });
  view.statusMap.set(probeId, status);
  hub.publish({ statuses: [{ collectiviteId: ownerOf(probeId), status }], incidents: [], sourceAt: view.now() });
  return status;
}

function record(into: StreamMessage[] = []) {
  return (m: StreamMessage) => void into.push(m);
}

/** What a client holds after applying a snapshot and deltas in order. */
function replay(messages: StreamMessage[]) {
  const statuses = new Map<string, ProbeStatus>();
  let seq = -1;
  for (const m of messages) {
    if (m.event === 'snapshot') {
      statuses.clear();
      for (const s of m.payload.statuses) statuses.set(s.probeId, s);
      seq = m.payload.seq;
    } else if (m.event === 'deltas') {
      expect(m.payload.seq).toBe(seq + 1);
      seq = m.payload.seq;
      for (const s of m.payload.changes) statuses.set(s.probeId, s);
    }
  }
  return { statuses, seq };
}

describe('stream hub', () => {
  test('a storm of 10,000 changes leaves as one batch per flush window, coalesced per probe', () => {
    const messages: StreamMessage[] = [];
    hub.subscribe('all', record(messages));
    const probes = view.estateValue.probes.map((p) => p.id);
    for (let i = 0; i < 10_000; i++) change(probes[i % probes.length]!, i % 3 === 0 ? 'CRITICAL' : 'OK');
    expect(messages.filter((m) => m.event === 'deltas')).toHaveLength(0);
    timers.advance(100);
    const deltas = messages.filter((m) => m.event === 'deltas');
    expect(deltas).toHaveLength(1);
    expect(deltaBatchSchema.parse(deltas[0]!.payload).changes).toHaveLength(probes.length);
    expect(replay(messages).statuses).toEqual(view.statusMap);
  });

  test('changes spread over a second go out at most every flushMs', () => {
    const messages: StreamMessage[] = [];
    hub.subscribe('all', record(messages));
    for (let ms = 0; ms < 1_000; ms += 5) {
      change('p-c1-1', ms % 10 ? 'OK' : 'WARNING');
      timers.advance(5);
    }
    timers.advance(100);
    const deltas = messages.filter((m) => m.event === 'deltas').map((m) => m.payload as { at: number });
    expect(deltas.length).toBeGreaterThanOrEqual(9);
    expect(deltas.length).toBeLessThanOrEqual(11);
    for (let i = 1; i < deltas.length; i++) expect(deltas[i]!.at - deltas[i - 1]!.at).toBeGreaterThanOrEqual(100);
  });

  test('a big flush is split into bounded batches with consecutive seqs', () => {
    hub.stop();
    hub = createStreamHub({ view, timers, maxBatchChanges: 64, epoch: 'e2' });
    const messages: StreamMessage[] = [];
    hub.subscribe('all', record(messages));
    for (const p of view.estateValue.probes) change(p.id, 'WARNING');
    hub.flush();
    expect(messages.filter((m) => m.event === 'deltas').map((m) => (m.payload as { changes: unknown[] }).changes.length)).toEqual([64, 64, 64, 8]);
    expect(replay(messages).statuses).toEqual(view.statusMap);
  });

  test("a big flush's incidents leave after its last batch, also when replayed", () => {
    hub.stop();
    hub = createStreamHub({ view, timers, maxBatchChanges: 64, epoch: 'e3' });
    const messages: StreamMessage[] = [];
    hub.subscribe('all', record(messages));
    const probes = view.estateValue.probes.slice(0, 100);
    for (const p of probes) change(p.id, 'CRITICAL');
    hub.publish({ statuses: [], incidents: probes.map((p) => ({ id: `${p.id}@1`, probeId: p.id, siteId: 's', collectiviteId: 'c1' }) as Incident) });
    hub.flush();
    const shape = (list: StreamMessage[]) => list.map((m) => `${m.event}:${(m.payload as { changes?: unknown[]; incidents?: unknown[] }).changes?.length ?? (m.payload as { incidents: unknown[] }).incidents.length}`);
    expect(shape(messages.slice(1))).toEqual(['deltas:64', 'deltas:36', 'incidents:100']);
    const resumed = hub.catchUp('all', { stream: 'all', epoch: 'e3', seq: 0 });
    expect(shape(resumed.messages)).toEqual(['deltas:64', 'deltas:36', 'incidents:100']);
  });

  test("a collectivité's stream carries only its own probes and incidents", () => {
    const c2: StreamMessage[] = [];
    const all: StreamMessage[] = [];
    hub.subscribe('c:c2', record(c2));
    hub.subscribe('all', record(all));
    change('p-c1-1', 'CRITICAL');
    change('p-c2-1', 'CRITICAL');
    const incident = { id: 'p-c1-1@1', probeId: 'p-c1-1', siteId: 's-c1', collectiviteId: 'c1' } as Incident;
    hub.publish({ statuses: [], incidents: [incident] });
    timers.advance(100);
    const snapshot = snapshotSchema.parse(c2[0]!.payload);
    expect(snapshot.estate.collectivites.map((c) => c.id)).toEqual(['c2']);
    expect(snapshot.statuses).toHaveLength(100);
    expect(JSON.stringify(c2)).not.toMatch(/c1/);
    expect(c2.find((m) => m.event === 'deltas')?.payload).toMatchObject({ stream: 'c:c2', seq: 1, changes: [{ probeId: 'p-c2-1' }] });
    expect(all.filter((m) => m.event === 'incidents')).toHaveLength(1);
  });

  test("a collectivité's snapshot carries only the declared dependencies inside it", () => {
    view.estateValue = {
      ...view.estateValue,
      dependencies: [
        { parent: 'p-c2-1', child: 'p-c2-2' },
        { parent: 'p-c1-1', child: 'p-c2-3' },
        { parent: 'p-c1-1', child: 'p-c1-2' },
      ],
    };
    const c2: StreamMessage[] = [];
    const c1: StreamMessage[] = [];
    const all: StreamMessage[] = [];
    hub.subscribe('c:c2', record(c2));
    hub.subscribe('c:c1', record(c1));
    hub.subscribe('all', record(all));
    expect(snapshotSchema.parse(c2[0]!.payload).estate.dependencies).toEqual([{ parent: 'p-c2-1', child: 'p-c2-2' }]);
    expect(JSON.stringify(c2[0]!.payload)).not.toMatch(/c1/);
    expect(snapshotSchema.parse(c1[0]!.payload).estate.dependencies).toEqual([{ parent: 'p-c1-1', child: 'p-c1-2' }]);
    expect(snapshotSchema.parse(all[0]!.payload).estate.dependencies).toHaveLength(3);
  });

  test('resume replays missed batches, or falls back to a snapshot when too old or from another epoch', () => {
    const first: StreamMessage[] = [];
    const sub = hub.subscribe('all', record(first));
    change('p-c1-1', 'CRITICAL');
    timers.advance(100);
    sub.unsubscribe();
    const lastSeen = replay(first);
    for (const state of ['OK', 'WARNING', 'CRITICAL'] as const) {
      change('p-c1-2', state);
      timers.advance(100);
    }
    const resumed: StreamMessage[] = [];
    expect(hub.subscribe('all', record(resumed), { stream: 'all', epoch: 'e1', seq: lastSeen.seq }).resumed).toBe(true);
    expect(resumed.map((m) => m.event)).toEqual(['deltas', 'deltas', 'deltas']);
    expect(replay([...first, ...resumed]).statuses).toEqual(view.statusMap);

    const otherEpoch: StreamMessage[] = [];
    expect(hub.subscribe('all', record(otherEpoch), { stream: 'all', epoch: 'e0', seq: 1 }).resumed).toBe(false);
    expect(otherEpoch.map((m) => m.event)).toEqual(['snapshot']);

    for (let i = 0; i < 6; i++) {
      change('p-c1-3', i % 2 ? 'OK' : 'CRITICAL');
      timers.advance(100);
    }
    const tooOld: StreamMessage[] = [];
    expect(hub.subscribe('all', record(tooOld), { stream: 'all', epoch: 'e1', seq: lastSeen.seq }).resumed).toBe(false);
    expect(tooOld[0]).toMatchObject({ event: 'snapshot', payload: { seq: hub.seq('all') } });
    const otherStream: StreamMessage[] = [];
    expect(hub.subscribe('c:c1', record(otherStream), { stream: 'all', epoch: 'e1', seq: hub.seq('all') }).resumed).toBe(false);
  });

  test('heartbeats carry seq and source health; health changes are pushed at once', () => {
    const messages: StreamMessage[] = [];
    hub.subscribe('all', record(messages));
    change('p-c1-1', 'CRITICAL');
    timers.advance(5_000);
    const beat = heartbeatSchema.parse(messages.find((m) => m.event === 'heartbeat')!.payload);
    expect(beat).toMatchObject({ stream: 'all', epoch: 'e1', seq: 1, source: { state: 'connected' } });
    view.health = { state: 'stale', source: 'fake', since: view.now() };
    hub.publish({ statuses: [], incidents: [], source: view.health });
    expect(messages.at(-1)).toEqual({ event: 'source', payload: view.health });
  });

  test('an estate change drops the resume buffer and sends everyone a fresh snapshot', () => {
    const messages: StreamMessage[] = [];
    hub.subscribe('all', record(messages));
    change('p-c1-1', 'CRITICAL');
    timers.advance(100);
    view.estateValue = fixtureEstate(3, 1);
    hub.publish({ statuses: [], incidents: [], estateChanged: true });
    expect(messages.at(-1)).toMatchObject({ event: 'snapshot', payload: { seq: 1 } });
    expect(hub.subscribe('all', () => {}, { stream: 'all', epoch: 'e1', seq: 0 }).resumed).toBe(false);
  });

  test('a throwing listener does not starve the others, and stop clears every timer', () => {
    const messages: StreamMessage[] = [];
    hub.subscribe('all', (m) => {
      if (m.event === 'deltas') throw new Error('boom');
    });
    hub.subscribe('all', record(messages));
    change('p-c1-1', 'CRITICAL');
    timers.advance(100);
    expect(messages.some((m) => m.event === 'deltas')).toBe(true);
    change('p-c1-1', 'OK');
    hub.stop();
    expect(timers.scheduled).toBe(0);
  });
});

describe('snapshot reuse (a reconnect wave costs one snapshot per scope)', () => {
  test('clients joining at the same seq share one snapshot; a batch, a health change or a heartbeat renews it', () => {
    const first = hub.snapshot('all');
    expect(hub.snapshot('all')).toBe(first);
    expect(hub.snapshot('c:c1')).not.toBe(first);

    // A change published but not yet flushed: the shared snapshot may predate it — the next batch carries it.
    const status = change('p-c1-3', 'CRITICAL');
    expect(hub.snapshot('all')).toBe(first);
    timers.advance(100);
    const afterBatch = hub.snapshot('all');
    expect(afterBatch).not.toBe(first);
    expect(afterBatch.seq).toBe(first.seq + 1);
    expect(afterBatch.statuses.find((s) => s.probeId === 'p-c1-3')).toEqual(status);

    hub.publish({ statuses: [], incidents: [], source: (view.health = { state: 'stale', source: 'fake', since: view.now() }) });
    const afterHealth = hub.snapshot('all');
    expect(afterHealth).not.toBe(afterBatch);
    expect(afterHealth.source.state).toBe('stale');

    timers.advance(5_000);
    const afterBeat = hub.snapshot('all');
    expect(afterBeat).not.toBe(afterHealth);
    expect(afterBeat.at).toBe(view.now());
  });
});

describe('catch-up and follow (one listener fanned out to many clients)', () => {
  test('follow gets live messages only; a catch-up taken in the same turn joins them without a gap', () => {
    const live: StreamMessage[] = [];
    const unfollow = hub.follow('c:c1', record(live));
    change('p-c1-1', 'CRITICAL');
    timers.advance(100);
    const joining = hub.catchUp('c:c1');
    expect(joining.resumed).toBe(false);
    change('p-c1-2', 'WARNING');
    timers.advance(100);
    expect(live.map((m) => m.event)).toEqual(['deltas', 'deltas']);
    // The joiner's snapshot, then the live messages after it: every change, in order.
    const { statuses } = replay([...joining.messages, ...live.slice(1)]);
    expect(statuses.get('p-c1-1')?.state).toBe('CRITICAL');
    expect(statuses.get('p-c1-2')?.state).toBe('WARNING');
    unfollow();
    change('p-c1-3', 'CRITICAL');
    timers.advance(100);
    expect(live).toHaveLength(2);
  });

  test('catch-up from a buffered point is the missed batches, not a snapshot', () => {
    change('p-c2-1', 'CRITICAL');
    timers.advance(100);
    const seq = hub.seq('all');
    change('p-c2-2', 'CRITICAL');
    timers.advance(100);
    const { resumed, messages } = hub.catchUp('all', { stream: 'all', epoch: 'e1', seq });
    expect(resumed).toBe(true);
    expect(messages.filter((m) => m.event === 'deltas').map((m) => m.payload.seq)).toEqual([seq + 1]);
    expect(messages.some((m) => m.event === 'snapshot')).toBe(false);
  });
});
