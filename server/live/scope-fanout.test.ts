// Fan-out per scope over the real wire: each live message is encoded once per scope's room, every
// client of a scope gets the same batches and none of another scope's, and a client that stops
// reading is dropped once its backlog passes the bound while the others go on.
import type { Socket as NetSocket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createGateway, type Gateway } from '../app.ts';
import { fixtureEstate } from '../supervision/estate-fixture.test-kit.ts';
import { FakeSource } from '../supervision/fake-source.test-kit.ts';
import { MemoryStorage } from '../supervision/memory-storage.ts';
import { FakeSessions, LiveClient, until } from './live-clients.test-kit.ts';

const MAX_BUFFERED = 8;
let gateway: Gateway;
let url: string;
let source: FakeSource;
const sessions = new FakeSessions()
  .grant('t-support-1', { login: 'support-1', role: 'support' })
  .grant('t-support-2', { login: 'support-2', role: 'support' })
  .grant('t-ref-c1', { login: 'ref-c1', role: 'referent', collectiviteId: 'c1' })
  .grant('t-ref-c1b', { login: 'ref-c1b', role: 'referent', collectiviteId: 'c1' })
  .grant('t-ref-c2', { login: 'ref-c2', role: 'referent', collectiviteId: 'c2' });
const clients: LiveClient[] = [];

beforeAll(async () => {
  // 3 × 2,000 probes: a batch of all of them is ~1 MB, enough to fill a stalled socket's buffers.
  source = new FakeSource(fixtureEstate(3, 2_000), Date.UTC(2026, 3, 14, 8));
  gateway = await createGateway({
    storage: new MemoryStorage(),
    sessions,
    source,
    staticDir: false,
    stream: { flushMs: 20, heartbeatMs: 60_000 },
    maxBufferedPackets: MAX_BUFFERED,
  });
  url = await gateway.start(0, '127.0.0.1');
});

afterAll(async () => {
  await gateway?.close();
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

async function client(token: string): Promise<LiveClient> {
  const c = new LiveClient(url, token);
  clients.push(c);
  await c.connected();
  c.subscribe();
  await until(() => c.count('snapshot') > 0, 5_000, 'snapshot');
  return c;
}

const ofCollectivite = (c: LiveClient, id: string) => [...c.statuses.keys()].every((probeId) => probeId.startsWith(`p-${id}-`));
const deltaSeqs = (c: LiveClient) => c.of('deltas').map((d) => (d as { seq: number }).seq);

describe('fan-out per scope', () => {
  test('each live message is encoded once per scope, and every client gets only its own scope', async () => {
    const [s1, s2, a, a2, b] = (await Promise.all(['t-support-1', 't-support-2', 't-ref-c1', 't-ref-c1b', 't-ref-c2'].map(client))) as [LiveClient, LiveClient, LiveClient, LiveClient, LiveClient];
    const encoder = gateway.io.encoder as unknown as { encode(packet: { data?: unknown[] }): unknown[] };
    const encode = encoder.encode.bind(encoder);
    const encoded: string[] = [];
    encoder.encode = (packet) => {
      if (Array.isArray(packet.data) && packet.data[0] === 'deltas') encoded.push((packet.data[1] as { stream: string }).stream);
      return encode(packet);
    };
    try {
      for (const id of ['p-c1-1', 'p-c2-1', 'p-c3-1']) source.emit(id, 'CRITICAL', { afterMs: 1_000 });
      gateway.hub.flush();
    } finally {
      encoder.encode = encode;
    }
    // One encoding per stream that had changes ('all', c1, c2 — c3 has no client, no stream), not per client.
    expect(encoded.sort()).toEqual(['all', 'c:c1', 'c:c2']);
    await until(() => [s1, s2, a, a2, b].every((c) => c.count('deltas') > 0), 5_000, 'deltas everywhere');
    expect(deltaSeqs(s2)).toEqual(deltaSeqs(s1));
    expect(deltaSeqs(a2)).toEqual(deltaSeqs(a));
    expect(s1.statuses.get('p-c3-1')?.state).toBe('CRITICAL');
    expect(ofCollectivite(a, 'c1') && ofCollectivite(a2, 'c1') && ofCollectivite(b, 'c2')).toBe(true);
    // Ids of other collectivités (c2, s-c2, p-c2-1…) or their names, as in live.test.ts.
    for (const { event, payload } of [...a.received, ...a2.received]) expect(JSON.stringify(payload), event).not.toMatch(/(^|[^0-9a-z])c[23]([^0-9a-z]|$)|Commune [23]\b/);
    for (const { event, payload } of b.received) expect(JSON.stringify(payload), event).not.toMatch(/(^|[^0-9a-z])c[13]([^0-9a-z]|$)|Commune [13]\b/);
    expect([s1, s2, a, a2, b].every((c) => c.gaps === 0)).toBe(true);
  });

  test('a client that stops reading is dropped past the backlog bound; the others keep up', async () => {
    const slow = await client('t-support-1');
    const fast = await client('t-support-2');
    // Stop reading at the TCP level (the socket.io client's underlying ws socket): the server's writes stall.
    const engine = slow.socket.io.engine as unknown as { transport: { ws: { _socket: NetSocket } } };
    engine.transport.ws._socket.pause();
    const disconnected = new Promise<string>((resolve) => slow.socket.once('disconnect', resolve));
    const live = gateway.io.of('/live');
    const probes = gateway.supervision.estate().probes.map((p) => p.id);
    // Each round, the reading client takes the whole batch before the next: only the stalled one falls behind.
    for (let round = 0; round < 60 && live.sockets.size === 2; round++) {
      for (const id of probes) source.emit(id, round % 2 ? 'OK' : 'WARNING', { afterMs: 1 });
      gateway.hub.flush();
      await until(() => fast.ref?.seq === gateway.hub.seq('all') || live.sockets.size < 2, 5_000, 'fast client has the batch');
    }
    // The server let go of the stalled socket (its backlog is freed), not of the reading one.
    await until(() => live.sockets.size === 1, 5_000, 'slow socket dropped');
    expect([...live.sockets.values()][0]!.id).toBe(fast.socket.id);
    await until(() => fast.statuses.get(probes.at(-1)!)?.state === gateway.supervision.status(probes.at(-1)!)?.state, 5_000, 'fast client caught up');
    expect(fast.gaps).toBe(0);
    engine.transport.ws._socket.resume();
    // Dropped as a transport close, which socket.io-client retries by itself (it would not after 'io server disconnect').
    expect(await disconnected).toBe('transport close');
  });
});
