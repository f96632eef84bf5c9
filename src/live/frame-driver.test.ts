import { describe, expect, it } from 'vitest';
import { FakeTransport } from './fake-transport.ts';
import { fakeFrames } from './fake-frames.ts';
import { createFrameDriver } from './frame-driver.ts';
import { deltaBatch, wireSnapshot, probeStatus } from './live-fixtures.ts';
import { LiveStore } from './live-store.ts';

describe('createFrameDriver', () => {
  it('updates the sink once per frame with the union of changed sites only', () => {
    const transport = new FakeTransport();
    const store = new LiveStore({ transport });
    store.start();
    transport.connect();
    transport.emit('snapshot', wireSnapshot());
    const calls: Array<string[] | 'reset'> = [];
    const { frames, tick, pending } = fakeFrames();
    const stop = createFrameDriver(store, { reset: () => calls.push('reset'), update: (ids) => calls.push([...ids].sort()) }, frames);
    expect(calls).toEqual(['reset']);

    const states = ['CRITICAL', 'OK', 'WARNING'] as const;
    for (let seq = 1; seq <= 300; seq++) {
      transport.emit('deltas', deltaBatch(seq, [probeStatus('p-metz-cam', states[seq % 3]!), probeStatus('p-ecole-wan', seq % 2 ? 'CRITICAL' : 'OK')]));
    }
    expect(pending()).toBe(1);
    tick();
    expect(calls).toEqual(['reset', ['s-metz-ecole', 's-metz-mairie']]);
    tick();
    expect(calls).toHaveLength(2); // nothing changed: no call

    transport.emit('deltas', deltaBatch(301, [probeStatus('p-metz-disk', 'OK')])); // no worst-state change
    tick();
    expect(calls).toHaveLength(2);
    stop();
    transport.emit('deltas', deltaBatch(302, [probeStatus('p-boulay-disk', 'CRITICAL')]));
    expect(pending()).toBe(0);
  });

  it("runs in the same frame as the store's coalesced notification, after it", () => {
    const transport = new FakeTransport();
    const { frames, tick } = fakeFrames();
    const store = new LiveStore({ transport, frames });
    store.start();
    transport.connect();
    transport.emit('snapshot', wireSnapshot());
    tick();
    const calls: string[] = [];
    store.subscribe(() => calls.push('react'), ['statuses']);
    createFrameDriver(store, { reset: () => {}, update: () => calls.push('draw') }, frames);
    transport.emit('deltas', deltaBatch(1, [probeStatus('p-metz-cam', 'CRITICAL')]));
    transport.emit('deltas', deltaBatch(2, [probeStatus('p-ecole-wan', 'CRITICAL')]));
    expect(calls).toEqual([]);
    tick();
    expect(calls).toEqual(['react', 'draw']);
  });
});
