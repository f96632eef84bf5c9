// The store reading long messages in slices (LiveStoreOptions.slices): a long message is read over
// several tasks after the socket's own, the messages after it wait their turn, and the result is the
// same as read at once.
import { describe, expect, it } from 'vitest';
import { fakeTasks } from './fake-tasks.ts';
import { FakeTransport } from './fake-transport.ts';
import { deltaBatch, probeStatus, wireSnapshot } from './live-fixtures.ts';
import { LiveStore } from './live-store.ts';

const incident = (n: number) => ({
  id: `i${n}`, probeId: 'p-metz-cam', siteId: 's-metz-mairie', collectiviteId: 'c-metz',
  status: 'open' as const, severity: 'CRITICAL' as const, openedAt: n, timeline: [{ at: n, kind: 'opened' as const }], version: 1,
});

function setup() {
  const transport = new FakeTransport();
  const hand = fakeTasks({ msPerRead: 1 }); // a slice of 8 ms takes a few steps only
  const errors: string[] = [];
  const store = new LiveStore({ transport, slices: hand.tasks, onContractError: (event, e) => errors.push(`${event}:${e.field}`) });
  store.start();
  transport.connect();
  transport.emit('snapshot', wireSnapshot());
  expect(store.stream).toBeUndefined(); // read in a task of its own, not in the socket's
  hand.runAll();
  expect(store.stream?.seq).toBe(0);
  return { transport, store, errors, ...hand };
}

describe('LiveStore reading in slices', () => {
  it('reads a long update over several tasks, holding the next batch back until it is read', () => {
    const { transport, store, queue, runAll } = setup();
    transport.emit('incidents', { stream: 'all', epoch: 'e1', incidents: Array.from({ length: 1000 }, (_, n) => incident(n)) });
    transport.emit('deltas', deltaBatch(1, [probeStatus('p-metz-cam', 'CRITICAL')]));
    expect(store.incidentList()).toHaveLength(0); // not read yet
    expect(store.status('p-metz-cam')?.state).toBe('OK'); // waits behind the update
    expect(queue).toHaveLength(1);
    expect(runAll()).toBeGreaterThanOrEqual(2);
    expect(store.incidentList()).toHaveLength(1000);
    expect(store.status('p-metz-cam')?.state).toBe('CRITICAL');
    expect(store.stream?.seq).toBe(1);
  });

  it('reports an invalid long batch as read at once would, and resyncs', () => {
    const { transport, store, errors, runAll } = setup();
    const changes = Array.from({ length: 300 }, () => probeStatus('p-metz-disk', 'WARNING'));
    changes[250] = { ...changes[250]!, state: 'ON FIRE' as never };
    transport.emit('deltas', deltaBatch(1, changes));
    runAll();
    expect(errors).toEqual(['deltas:changes.250.state']);
    expect(store.resyncCount).toBe(1);
    expect(store.status('p-metz-disk')?.state).toBe('OK');
  });

  it('stopped while reading: what was left unread is dropped', () => {
    const { transport, store, queue } = setup();
    transport.emit('incidents', { stream: 'all', epoch: 'e1', incidents: Array.from({ length: 500 }, (_, n) => incident(n)) });
    transport.emit('deltas', deltaBatch(1, [probeStatus('p-metz-cam', 'CRITICAL')]));
    store.stop();
    expect(queue).toHaveLength(0);
    expect(store.incidentList()).toHaveLength(0);
    expect(store.status('p-metz-cam')?.state).toBe('OK');
  });
});
