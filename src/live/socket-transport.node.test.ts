// The SPA's real live path against a real in-process gateway: socket.io-client over WebSocket →
// LiveStore, with a source the test drives. Covers what the fake transport cannot: the handshake,
// event names on the wire, reconnect + resume, and a refused token. (Node test: it imports the
// gateway, so it sits outside the browser typecheck.)
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createGateway, type Gateway } from '../../server/app.ts';
import { FakeSessions, until } from '../../server/live/live-clients.test-kit.ts';
import { fixtureEstate } from '../../server/supervision/estate-fixture.test-kit.ts';
import { FakeSource } from '../../server/supervision/fake-source.test-kit.ts';
import { MemoryStorage } from '../../server/supervision/memory-storage.ts';
import { LiveStore } from './live-store.ts';
import { createSocketTransport } from './socket-transport.ts';

let gateway: Gateway;
let url: string;
let source: FakeSource;
const sessions = new FakeSessions().grant('t-support', { login: 'support', role: 'support' }).grant('t-ref', { login: 'ref', role: 'referent', collectiviteId: 'c1' });

beforeAll(async () => {
  source = new FakeSource(fixtureEstate(3, 20), Date.UTC(2026, 3, 14, 8));
  gateway = await createGateway({ storage: new MemoryStorage(), sessions, source, staticDir: false, stream: { flushMs: 30, heartbeatMs: 200, bufferBatches: 100 } });
  url = await gateway.start(0, '127.0.0.1');
});

afterAll(async () => {
  await gateway?.close();
});

function liveStore(token: string, onUnauthorized = () => {}) {
  const errors: string[] = [];
  const store = new LiveStore({ transport: createSocketTransport({ token, url }), onUnauthorized, onContractError: (e, err) => errors.push(`${e}: ${err.message}`) });
  store.start();
  return { store, errors };
}

test('snapshot then deltas over a real socket reach the store in sequence', async () => {
  const { store, errors } = liveStore('t-support');
  await until(() => store.connection === 'live', 5_000, 'live');
  const probeId = gateway.supervision.estate().probes[0]!.id;
  const siteId = store.index.siteOfProbe.get(probeId)!;
  source.emit(probeId, 'CRITICAL');
  await until(() => store.status(probeId)?.state === 'CRITICAL', 5_000, 'delta');
  expect(store.siteState(siteId)).toBe('CRITICAL');
  await until(() => store.source !== undefined && store.stream!.seq > 0, 5_000, 'heartbeat');
  expect(store.resyncCount).toBe(0);
  expect(errors).toEqual([]);
  store.stop();
});

test('a référent store only ever holds its own collectivité', async () => {
  const { store } = liveStore('t-ref');
  await until(() => store.connection === 'live', 5_000, 'live');
  expect([...store.index.collectivites.keys()]).toEqual(['c1']);
  expect([...store.index.sites.values()].every((s) => s.collectiviteId === 'c1')).toBe(true);
  store.stop();
});

test('a refused token ends the session', async () => {
  let refused = 0;
  const { store } = liveStore('t-unknown', () => (refused += 1));
  await until(() => refused > 0, 5_000, 'refusal');
  expect(store.connection).not.toBe('live');
  store.stop();
});

test('a gateway restart: offline, then back live on the new epoch by itself', async () => {
  const { store } = liveStore('t-support');
  await until(() => store.connection === 'live', 5_000, 'live');
  const epoch = store.stream!.epoch;
  const port = Number(new URL(url).port);
  await gateway.close();
  await until(() => store.connection === 'offline', 5_000, 'offline');

  gateway = await createGateway({ storage: new MemoryStorage(), sessions, source: new FakeSource(fixtureEstate(3, 20), Date.UTC(2026, 3, 14, 9)), staticDir: false, stream: { flushMs: 30, heartbeatMs: 200, bufferBatches: 100 } });
  url = await gateway.start(port, '127.0.0.1');
  await until(() => store.connection === 'live' && store.stream?.epoch !== epoch, 15_000, 'recovered');
  expect(store.index.sites.size).toBeGreaterThan(0);
  store.stop();
}, 30_000);
