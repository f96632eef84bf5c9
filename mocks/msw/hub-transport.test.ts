import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { LiveStore } from '../../src/live/live-store.ts';
import type { LiveEventName } from '../../src/live/transport.ts';
import { startDemoKit, type DemoKit } from './demo-gateway.test-kit.ts';

let kit: DemoKit;
beforeEach(async () => {
  kit = await startDemoKit();
});
afterEach(() => kit.gateway.stop());

/** Let queued deliveries (microtasks) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function liveStoreFor(login: string) {
  const session = kit.gateway.sessions.signInAs(login)!;
  const transport = kit.gateway.liveTransport(session.token);
  const seen: Array<{ event: LiveEventName; seq?: number }> = [];
  // Record what crosses the transport, then hand it to a real LiveStore.
  const store = new LiveStore({
    transport: {
      start: (handlers) =>
        transport.start({
          ...handlers,
          onEvent(event, payload) {
            seen.push({ event, seq: (payload as { seq?: number }).seq });
            handlers.onEvent(event, payload);
          },
        }),
      subscribe: (request) => transport.subscribe(request),
      stop: () => transport.stop(),
    },
  });
  store.start();
  return { store, transport, seen };
}

describe('the demo live transport', () => {
  test('delivers a snapshot, then seq-ordered deltas, into a real LiveStore', async () => {
    const { store, seen } = liveStoreFor('support');
    expect(store.connection).toBe('connecting');
    await settle();
    expect(store.connection).toBe('live');
    expect(store.index.probes.size).toBe(6);
    for (const [i, probe] of ['p-c1-1', 'p-c2-2', 'p-c1-3'].entries()) {
      kit.source.emit(probe, i === 1 ? 'WARNING' : 'CRITICAL');
      kit.timers.advance(100); // one flush window per change: one batch each
    }
    await settle();
    expect(seen.filter((m) => m.event === 'snapshot' || m.event === 'deltas').map((m) => `${m.event}:${m.seq}`)).toEqual(['snapshot:0', 'deltas:1', 'deltas:2', 'deltas:3']);
    expect(store.stream?.seq).toBe(3);
    expect(store.siteState('s-c1')).toBe('CRITICAL');
    expect(store.siteState('s-c2')).toBe('WARNING');
    expect(store.incidentList()).toHaveLength(3);
    expect(store.contractErrorCount).toBe(0);
    expect(store.resyncCount).toBe(0);
  });

  test('a référent’s stream only ever carries their collectivité', async () => {
    const { store, seen } = liveStoreFor('referent');
    await settle();
    expect([...store.index.collectivites.keys()]).toEqual(['c1']);
    kit.source.emit('p-c2-1', 'CRITICAL');
    kit.timers.advance(100);
    await settle();
    expect(seen.map((m) => m.event)).toEqual(['snapshot']);
    kit.source.emit('p-c1-2', 'CRITICAL');
    kit.timers.advance(100);
    await settle();
    expect(store.status('p-c2-1')).toBeUndefined();
    expect(store.status('p-c1-2')?.state).toBe('CRITICAL');
    expect([...store.incidents.values()].map((i) => i.collectiviteId)).toEqual(['c1']);
  });

  test('after a dropped connection the store resumes: missed batches replayed, no new snapshot', async () => {
    const { store, transport, seen } = liveStoreFor('support');
    await settle();
    transport.drop();
    expect(store.connection).toBe('offline');
    kit.source.emit('p-c1-1', 'CRITICAL');
    kit.timers.advance(100);
    transport.reconnect();
    await settle();
    expect(seen.map((m) => m.event)).toEqual(['snapshot', 'deltas', 'incidents']);
    expect(store.connection).toBe('live');
    expect(store.status('p-c1-1')?.state).toBe('CRITICAL');
  });

  test('an unknown or logged-out token is refused at the handshake', async () => {
    const session = kit.gateway.sessions.signInAs('support')!;
    kit.gateway.sessions.logout(session.token);
    let refused = false;
    kit.gateway.liveTransport(session.token).start({ onConnect: () => {}, onDisconnect: () => {}, onEvent: () => {}, onUnauthorized: () => (refused = true) });
    await settle();
    expect(refused).toBe(true);
  });
});
