import { describe, expect, it } from 'vitest';
import { FakeTransport } from './fake-transport.ts';
import { dataFreshness } from './freshness.ts';
import { deltaBatch, fixtureSnapshot, wireSnapshot, heartbeat, probeStatus } from './live-fixtures.ts';
import { fakeFrames } from './fake-frames.ts';
import { LiveStore } from './live-store.ts';
import { PROTOCOL_VERSION } from '../protocol/schemas.ts';

function setup() {
  const transport = new FakeTransport();
  let now = 10_000;
  const errors: string[] = [];
  const store = new LiveStore({ transport, clock: () => now, onContractError: (event, e) => errors.push(`${event}:${e.field}`) });
  store.start();
  transport.connect();
  return { transport, store, errors, advance: (ms: number) => (now += ms), now: () => now };
}

describe('LiveStore', () => {
  it('subscribes without resume at first, then applies the snapshot', () => {
    const { transport, store } = setup();
    expect(transport.requests).toEqual([{ protocol: PROTOCOL_VERSION }]);
    expect(store.connection).toBe('syncing');
    transport.emit('snapshot', wireSnapshot());
    expect(store.connection).toBe('live');
    expect(store.index.sites.size).toBe(3);
    expect(store.siteState('s-metz-mairie')).toBe('OK');
    expect(store.collectiviteState('c-metz')).toBe('OK');
    expect(store.stream).toEqual({ stream: 'all', epoch: 'e1', seq: 0 });
  });

  it('applies deltas in sequence and reports changed sites only when their worst state moves', () => {
    const { transport, store } = setup();
    transport.emit('snapshot', wireSnapshot());
    store.drainSiteChanges();
    transport.emit('deltas', deltaBatch(1, [probeStatus('p-metz-cam', 'CRITICAL')]));
    transport.emit('deltas', deltaBatch(2, [probeStatus('p-metz-disk', 'WARNING')]));
    expect(store.status('p-metz-cam')?.state).toBe('CRITICAL');
    expect(store.siteState('s-metz-mairie')).toBe('CRITICAL');
    expect(store.collectiviteState('c-metz')).toBe('CRITICAL');
    expect(store.stream?.seq).toBe(2);
    const changes = store.drainSiteChanges();
    expect(changes.reset).toBe(false);
    expect([...changes.siteIds]).toEqual(['s-metz-mairie']);
    expect(store.drainSiteChanges().siteIds.size).toBe(0);
  });

  it('ignores a duplicate batch and resyncs on a gap, dropping deltas until the snapshot', () => {
    const { transport, store } = setup();
    transport.emit('snapshot', wireSnapshot({ seq: 5 }));
    transport.emit('deltas', deltaBatch(5, [probeStatus('p-metz-cam', 'CRITICAL')]));
    expect(store.status('p-metz-cam')?.state).toBe('OK');
    expect(transport.requests).toHaveLength(1);

    transport.emit('deltas', deltaBatch(7, [probeStatus('p-metz-cam', 'CRITICAL')]));
    expect(store.status('p-metz-cam')?.state).toBe('OK');
    expect(store.connection).toBe('syncing');
    expect(transport.lastRequest).toEqual({ protocol: PROTOCOL_VERSION });
    expect(store.resyncCount).toBe(1);

    transport.emit('deltas', deltaBatch(8, [probeStatus('p-metz-cam', 'CRITICAL')]));
    expect(transport.requests).toHaveLength(2); // one resync, not one per batch
    transport.emit('snapshot', wireSnapshot({ seq: 8, statuses: [probeStatus('p-metz-cam', 'CRITICAL')] }));
    expect(store.connection).toBe('live');
    expect(store.siteState('s-metz-mairie')).toBe('CRITICAL');
    expect(store.drainSiteChanges().reset).toBe(true);
  });

  it('resyncs when a batch or heartbeat comes from another epoch (gateway restart)', () => {
    const { transport, store } = setup();
    transport.emit('snapshot', wireSnapshot({ seq: 3 }));
    transport.emit('deltas', deltaBatch(4, [], { epoch: 'e2' }));
    expect(store.resyncCount).toBe(1);
    transport.emit('snapshot', wireSnapshot({ epoch: 'e2', seq: 0 }));
    expect(store.stream).toEqual({ stream: 'all', epoch: 'e2', seq: 0 });
    transport.emit('heartbeat', heartbeat(0, { epoch: 'e3' }));
    expect(store.resyncCount).toBe(2);
  });

  it('resyncs when a heartbeat shows batches it never received', () => {
    const { transport, store } = setup();
    transport.emit('snapshot', wireSnapshot({ seq: 3 }));
    transport.emit('heartbeat', heartbeat(3));
    expect(store.resyncCount).toBe(0);
    transport.emit('heartbeat', heartbeat(4));
    expect(store.resyncCount).toBe(1);
  });

  it('resumes from the last position after a reconnect', () => {
    const { transport, store } = setup();
    transport.emit('snapshot', wireSnapshot({ seq: 3 }));
    transport.emit('deltas', deltaBatch(4, []));
    transport.disconnect();
    expect(store.connection).toBe('offline');
    transport.connect();
    expect(transport.lastRequest).toEqual({ protocol: PROTOCOL_VERSION, resume: { stream: 'all', epoch: 'e1', seq: 4 } });
    transport.emit('deltas', deltaBatch(5, [probeStatus('p-ecole-wan', 'UNKNOWN')]));
    expect(store.connection).toBe('live');
    expect(store.siteState('s-metz-ecole')).toBe('UNKNOWN');
  });

  it('rejects invalid messages at the edge and resyncs on an invalid batch', () => {
    const { transport, store, errors } = setup();
    transport.emit('snapshot', wireSnapshot());
    transport.emit('deltas', { ...deltaBatch(1, []), changes: [{ probeId: 'p-metz-cam', state: 'ON FIRE' }] });
    expect(errors[0]).toMatch(/^deltas:changes\.0\./);
    expect(store.resyncCount).toBe(1);
    transport.emit('heartbeat', { nonsense: true });
    expect(store.contractErrorCount).toBe(2);
  });

  it('keeps incidents by id and lets closed ones go', () => {
    const { transport, store } = setup();
    transport.emit('snapshot', wireSnapshot());
    const incident = {
      id: 'i1', probeId: 'p-metz-cam', siteId: 's-metz-mairie', collectiviteId: 'c-metz',
      status: 'open' as const, severity: 'CRITICAL' as const, openedAt: 5, timeline: [{ at: 5, kind: 'opened' as const }], version: 1,
    };
    transport.emit('incidents', { stream: 'all', epoch: 'e1', incidents: [incident] });
    const list = store.incidentList();
    expect(list.map((i) => i.id)).toEqual(['i1']);
    expect(store.incidentList()).toBe(list);
    transport.emit('incidents', { stream: 'all', epoch: 'e1', incidents: [{ ...incident, status: 'closed', closedAt: 9, version: 2 }] });
    expect(store.incidentList()).toEqual([]);
  });

  it('lets resolved incidents go a day after their resolution (server time), as the gateway does', () => {
    const { transport, store } = setup();
    const DAY = 24 * 3_600_000;
    transport.emit('snapshot', wireSnapshot({ at: 2 * DAY }));
    const base = { probeId: 'p-metz-cam', siteId: 's-metz-mairie', collectiviteId: 'c-metz', severity: 'CRITICAL' as const, openedAt: 5, timeline: [{ at: 5, kind: 'opened' as const }], version: 1 };
    transport.emit('incidents', {
      stream: 'all',
      epoch: 'e1',
      incidents: [
        { ...base, id: 'still-open', status: 'open' as const },
        { ...base, id: 'resolved-early', status: 'resolved' as const, resolvedAt: DAY + 1_000 },
        { ...base, id: 'resolved-late', status: 'resolved' as const, resolvedAt: 2 * DAY },
      ],
    });
    const notified: string[] = [];
    store.subscribe(() => notified.push('incidents'), ['incidents']);
    transport.emit('heartbeat', heartbeat(0, { at: 2 * DAY + 999 }));
    expect(store.incidentList().map((i) => i.id).sort()).toEqual(['resolved-early', 'resolved-late', 'still-open']);
    expect(notified).toEqual([]);
    transport.emit('heartbeat', heartbeat(0, { at: 2 * DAY + 1_001 }));
    expect(store.incidentList().map((i) => i.id).sort()).toEqual(['resolved-late', 'still-open']);
    expect(notified).toEqual(['incidents']);
  });

  it('notifies only the listeners of the topics that changed', () => {
    const { transport, store } = setup();
    transport.emit('snapshot', wireSnapshot());
    const calls: string[] = [];
    store.subscribe(() => calls.push('incidents'), ['incidents']);
    store.subscribe(() => calls.push('statuses'), ['statuses']);
    transport.emit('deltas', deltaBatch(1, [probeStatus('p-metz-cam', 'WARNING')]));
    expect(calls).toEqual(['statuses']);
  });

  it('with a frame scheduler, applies every batch at once but tells React listeners once per frame', () => {
    const transport = new FakeTransport();
    const { frames, tick, pending } = fakeFrames();
    const store = new LiveStore({ transport, frames });
    store.start();
    transport.connect();
    transport.emit('snapshot', wireSnapshot());
    tick();
    const calls: string[] = [];
    store.subscribe(() => calls.push('statuses'), ['statuses']);
    store.subscribe(() => calls.push('incidents'), ['incidents']);
    store.subscribeNow(() => calls.push('now'), ['statuses']);
    const version = store.version('statuses');
    for (let seq = 1; seq <= 20; seq++) transport.emit('deltas', deltaBatch(seq, [probeStatus('p-metz-cam', seq % 2 ? 'CRITICAL' : 'WARNING')]));
    // Applied and versioned at once (reads are current); only the immediate listener heard each batch.
    expect(store.status('p-metz-cam')?.state).toBe('WARNING');
    expect(store.version('statuses')).toBe(version + 20);
    expect(calls).toEqual(Array(20).fill('now'));
    expect(pending()).toBe(1);
    tick();
    expect(calls.slice(20)).toEqual(['statuses']);
    tick();
    expect(calls).toHaveLength(21);
    // Stopping delivers what is pending rather than dropping it.
    transport.emit('deltas', deltaBatch(21, [probeStatus('p-metz-cam', 'OK')]));
    store.stop();
    expect(calls.slice(21)).toEqual(['now', 'statuses']);
  });

  it('keeps the probes in trouble as batches apply (the problem list reads only them)', () => {
    const { transport, store } = setup();
    transport.emit('snapshot', wireSnapshot({ statuses: [probeStatus('p-metz-cam', 'CRITICAL'), probeStatus('p-metz-disk', 'OK')] }));
    const troubled = () => [...store.troubledStatuses()].map((s) => `${s.probeId}:${s.state}`).sort();
    expect(troubled()).toEqual(['p-metz-cam:CRITICAL']);
    transport.emit('deltas', deltaBatch(1, [probeStatus('p-metz-cam', 'OK'), probeStatus('p-metz-disk', 'WARNING'), { ...probeStatus('p-ecole-wan', 'CRITICAL'), inDowntime: true }]));
    expect(troubled()).toEqual(['p-metz-disk:WARNING']);
    transport.emit('deltas', deltaBatch(2, [probeStatus('p-metz-disk', 'UNKNOWN'), probeStatus('p-ecole-wan', 'PENDING')]));
    expect(troubled()).toEqual(['p-metz-disk:UNKNOWN']);
    transport.emit('snapshot', wireSnapshot({ seq: 2, statuses: [] }));
    expect(troubled()).toEqual([]);
  });

  it('turns stale when heartbeats stop, by the injected clock', () => {
    const { transport, store, advance, now } = setup();
    transport.emit('snapshot', wireSnapshot());
    expect(dataFreshness(store, now(), 30_000)).toEqual({ level: 'live', ageMs: 0 });
    advance(29_000);
    expect(dataFreshness(store, now(), 30_000).level).toBe('live');
    advance(2_000);
    expect(dataFreshness(store, now(), 30_000)).toEqual({ level: 'stale', ageMs: 31_000, reason: 'too-old' });
    transport.emit('heartbeat', heartbeat(0, { source: { state: 'stale', source: 'simulator', since: 1 } }));
    expect(dataFreshness(store, now(), 30_000)).toEqual({ level: 'stale', ageMs: 0, reason: 'source-stale' });
    transport.disconnect();
    expect(dataFreshness(store, now(), 30_000).level).toBe('offline');
  });

  it('estimates the server clock from the last message', () => {
    const { transport, store, advance, now } = setup();
    expect(store.serverNow(now())).toBe(now());
    transport.emit('snapshot', wireSnapshot({ at: 50_000 })); // server 40 s ahead of the client
    advance(5_000);
    expect(store.serverNow(now())).toBe(55_000);
    // Incident and source messages carry no server time: they must not reset the offset.
    transport.emit('incidents', { stream: 'all', epoch: fixtureSnapshot().epoch, incidents: [] });
    transport.emit('source', { state: 'connected', source: 'simulator', since: 1 });
    advance(1_000);
    expect(store.serverNow(now())).toBe(56_000);
  });

  it('tells the app when the gateway refuses its protocol version (the gateway was upgraded under an open page)', () => {
    const transport = new FakeTransport();
    let incompatible = 0;
    const store = new LiveStore({ transport, onIncompatibleProtocol: () => (incompatible += 1) });
    store.start();
    transport.connect();
    transport.emit('protocol-error', { code: 'bad-request', message: 'protocol: Invalid input: expected 2', field: 'resume.seq' });
    expect(incompatible).toBe(0);
    transport.emit('protocol-error', { code: 'bad-request', message: 'protocol: Invalid input: expected 3', field: 'protocol' });
    expect(incompatible).toBe(1);
  });

  it('calls onUnauthorized for a refused handshake or an unauthorized protocol error', () => {
    const transport = new FakeTransport();
    let refused = 0;
    const store = new LiveStore({ transport, onUnauthorized: () => (refused += 1) });
    store.start();
    transport.refuse();
    transport.emit('protocol-error', { code: 'unauthorized', message: 'session expired' });
    expect(refused).toBe(2);
  });
});
