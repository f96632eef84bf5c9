// What a client can make the gateway send by asking: a socket already joined at the stream's
// sequence gets nothing more for repeating `subscribe`, a real resync is coalesced to one snapshot
// per interval, and the bytes sent on request are bounded per socket (beyond, the socket is cut).
// Real gateway, real socket.io clients; bytes are counted as the client received them.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { packSnapshot } from '../../src/protocol/wire-snapshot.ts';
import { createGateway, type Gateway } from '../app.ts';
import { fixtureEstate } from '../supervision/estate-fixture.test-kit.ts';
import { FakeSource } from '../supervision/fake-source.test-kit.ts';
import { MemoryStorage } from '../supervision/memory-storage.ts';
import { FakeSessions, LiveClient, sleep, until } from './live-clients.test-kit.ts';

const RESYNC_MS = 300;
/** The fixture's 'all' snapshot is ~37 KB of columns: the budget holds three or four of them. */
const BUDGET_BYTES = 150_000;
let gateway: Gateway;
let url: string;
let source: FakeSource;
const sessions = new FakeSessions()
  .grant('t-kiosk', { login: 'kiosk', role: 'kiosk' })
  .grant('t-ref-a', { login: 'ref-a', role: 'referent', collectiviteId: 'c1' });
const clients: LiveClient[] = [];

beforeAll(async () => {
  source = new FakeSource(fixtureEstate(3, 200), Date.UTC(2026, 3, 14, 8));
  gateway = await createGateway({
    storage: new MemoryStorage(),
    sessions,
    source,
    staticDir: false,
    stream: { flushMs: 20, heartbeatMs: 60_000 },
    // The rate limit stays out of the way: what is measured is the answer to each subscribe.
    limits: { maxBytes: 1_024, messages: 1_000, perMs: 1_000 },
    catchUp: { resyncMs: RESYNC_MS, budgetBytes: BUDGET_BYTES, perMs: 60_000 },
  });
  url = await gateway.start(0, '127.0.0.1');
});

afterAll(async () => {
  await gateway?.close();
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

async function joined(token: string): Promise<LiveClient> {
  const c = new LiveClient(url, token);
  clients.push(c);
  await c.connected();
  c.subscribe();
  await until(() => c.count('snapshot') === 1, 5_000, 'first snapshot');
  return c;
}

/** Everything the server does for earlier messages is done once it answers a later one (in order). */
async function drained(c: LiveClient): Promise<void> {
  const errors = c.count('protocol-error');
  (c.socket as unknown as { emit(e: string, p: unknown): void }).emit('subscribe', { protocol: 99 });
  await until(() => c.count('protocol-error') > errors, 5_000, 'the marker refusal');
  await sleep(RESYNC_MS * 2); // a coalesced resync is sent at the end of its interval
}

const snapshotBytes = () => new TextEncoder().encode(JSON.stringify(packSnapshot(gateway.hub.snapshot('all')))).length;

describe('repeated subscribes', () => {
  test.each([
    ['without a resume point', () => undefined],
    ['resuming at the stream’s current position', (c: LiveClient) => c.ref],
    ['resuming from another epoch', (c: LiveClient) => ({ ...c.ref!, epoch: 'forged' })],
    ['resuming from a position ahead of the stream', (c: LiveClient) => ({ ...c.ref!, seq: c.ref!.seq + 1_000 })],
  ])('100 subscribes %s cost less than 2 snapshots', async (_what, resumeOf) => {
    const c = await joined('t-kiosk');
    const before = c.bytes;
    for (let i = 0; i < 100; i++) c.subscribe(resumeOf(c));
    await drained(c);
    expect(c.bytes - before).toBeLessThan(2 * snapshotBytes());
    expect(c.socket.connected).toBe(true);
  });

  test('a socket resubscribing at its position after live batches still gets nothing new, and stays live', async () => {
    const c = await joined('t-kiosk');
    source.emit('p-c1-1', 'CRITICAL');
    await until(() => c.count('deltas') === 1, 5_000, 'a live batch');
    for (let i = 0; i < 100; i++) c.subscribe(c.ref);
    await drained(c);
    expect(c.count('snapshot')).toBe(1);
    source.emit('p-c1-1', 'OK');
    await until(() => c.count('deltas') === 2, 5_000, 'the next live batch');
    expect(c.gaps).toBe(0);
  });

  test('a client that really lost track gets one fresh snapshot for a burst of resyncs, and converges', async () => {
    const c = await joined('t-ref-a');
    for (let i = 0; i < 20; i++) c.subscribe();
    source.emit('p-c1-2', 'WARNING');
    await drained(c);
    // The first snapshot, then exactly one for the burst: sent at the end of the resync interval.
    expect(c.count('snapshot')).toBe(2);
    await until(() => c.statuses.get('p-c1-2')?.state === 'WARNING', 5_000, 'the change, folded');
  });

  test('a resume point behind the stream is replayed from the buffer (it is a genuine resync)', async () => {
    const c = await joined('t-kiosk');
    const start = c.ref!;
    source.emit('p-c2-1', 'CRITICAL');
    await until(() => c.count('deltas') === 1, 5_000, 'a live batch');
    await sleep(RESYNC_MS);
    c.subscribe(start);
    await until(() => c.count('deltas') === 2, 5_000, 'the replayed batch');
    expect(c.of('deltas').map((d) => (d as { seq: number }).seq)).toEqual([start.seq + 1, start.seq + 1]);
    expect(c.count('snapshot')).toBe(1);
  });

  test('a socket that keeps asking for snapshots is cut once it passes its byte budget; others go on', async () => {
    const greedy = await joined('t-kiosk');
    const other = await joined('t-kiosk');
    const closed = new Promise<string>((resolve) => greedy.socket.once('disconnect', resolve));
    let cut = false;
    void closed.then(() => (cut = true));
    for (let i = 0; i < 40 && !cut; i++) {
      greedy.subscribe();
      await sleep(RESYNC_MS + 50);
    }
    expect(cut).toBe(true);
    expect(await closed).toBe('transport close');
    expect(greedy.of('protocol-error').at(-1)).toMatchObject({ code: 'rate-limited', field: 'subscribe' });
    // At most one catch-up past the budget was written before the cut.
    expect(greedy.bytes).toBeLessThan(BUDGET_BYTES + 2 * snapshotBytes());
    const seen = other.count('deltas');
    source.emit('p-c3-1', 'CRITICAL');
    await until(() => other.count('deltas') > seen, 5_000, 'the other client still served');
  });
});
