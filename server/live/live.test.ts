// The live stream end to end: a real gateway on 127.0.0.1:0, real socket.io clients, a source the
// test drives. No mock of socket.io: what is counted is what crossed the wire.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { ProbeState } from '../../src/domain/model.ts';
import { deltaBatchSchema, heartbeatSchema, PROTOCOL_VERSION, protocolErrorSchema, type Snapshot } from '../../src/protocol/schemas.ts';
import { readSnapshot } from '../../src/protocol/wire-snapshot.ts';
import { createGateway, type Gateway } from '../app.ts';
import { fixtureEstate } from '../supervision/estate-fixture.test-kit.ts';
import { FakeSource } from '../supervision/fake-source.test-kit.ts';
import { MemoryStorage } from '../supervision/memory-storage.ts';
import { FakeSessions, LiveClient, sleep, until } from './live-clients.test-kit.ts';

const FLUSH_MS = 50;
const BUFFER = 5;
const RESYNC_MS = 200;
let gateway: Gateway;
let url: string;
let source: FakeSource;
const sessions = new FakeSessions()
  .grant('t-support', { login: 'support', role: 'support' })
  .grant('t-kiosk', { login: 'kiosk', role: 'kiosk' })
  .grant('t-ref-a', { login: 'ref-a', role: 'referent', collectiviteId: 'c1' })
  .grant('t-ref-a2', { login: 'ref-a2', role: 'referent', collectiviteId: 'c1' })
  .grant('t-ref-b', { login: 'ref-b', role: 'referent', collectiviteId: 'c2' })
  .grant('t-ref-none', { login: 'ref-none', role: 'referent' })
  .grant('t-short', { login: 'short-lived', role: 'support' });
const clients: LiveClient[] = [];

beforeAll(async () => {
  source = new FakeSource(fixtureEstate(3, 200), Date.UTC(2026, 3, 14, 8));
  gateway = await createGateway({
    storage: new MemoryStorage(),
    sessions,
    source,
    staticDir: false,
    stream: { flushMs: FLUSH_MS, heartbeatMs: 300, bufferBatches: BUFFER },
    limits: { maxBytes: 1_024, messages: 50, perMs: 1_000 },
    maxHttpBufferSize: 16 * 1_024,
    revalidateMs: 200,
    catchUp: { resyncMs: RESYNC_MS },
  });
  url = await gateway.start(0, '127.0.0.1');
});

afterAll(async () => {
  await gateway?.close();
});

afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

async function client(token: string, subscribe = true): Promise<LiveClient> {
  const c = new LiveClient(url, token);
  clients.push(c);
  await c.connected();
  if (subscribe) {
    c.subscribe();
    await until(() => c.count('snapshot') > 0, 5_000, 'snapshot');
  }
  return c;
}

const probes = () => gateway.supervision.estate().probes.map((p) => p.id);
const states: ProbeState[] = ['OK', 'WARNING', 'CRITICAL', 'OK', 'UNKNOWN'];

/** Wait until the client's folded state equals the server's. */
async function converged(c: LiveClient, collectiviteId?: string) {
  const expectedStatuses = [...gateway.supervision.statuses()].filter((s) => !collectiviteId || gateway.supervision.collectiviteOf(s.probeId) === collectiviteId);
  const expectedIncidents = [...gateway.supervision.incidents()].filter((i) => !collectiviteId || i.collectiviteId === collectiviteId);
  const same = () =>
    c.statuses.size === expectedStatuses.length &&
    expectedStatuses.every((s) => isDeepStrictEqual(c.statuses.get(s.probeId), s)) &&
    expectedIncidents.every((i) => isDeepStrictEqual(c.incidents.get(i.id), i));
  await until(same, 5_000, 'convergence');
  expect(c.gaps).toBe(0);
}

/** What the SPA does with a snapshot off the wire: parse the columns and expand them (throws if invalid). */
function expectSnapshot(payload: unknown): Snapshot {
  const read = readSnapshot(payload);
  if (!read.ok) throw read.error;
  return read.value;
}

describe('live stream', () => {
  test('snapshot then deltas converge to the server state, with valid payloads', async () => {
    const c = await client('t-support');
    const snapshot = expectSnapshot(c.of('snapshot')[0]);
    expect(snapshot.estate.probes).toHaveLength(600);
    for (let i = 0; i < 300; i++) {
      source.emit(probes()[(i * 7) % 600]!, states[i % states.length]!, { afterMs: 1_000 });
      if (i % 50 === 0) await sleep(FLUSH_MS / 2);
    }
    await converged(c);
    for (const d of c.of('deltas')) deltaBatchSchema.parse(d);
    await until(() => c.count('heartbeat') > 0, 2_000, 'heartbeat');
    expect(heartbeatSchema.parse(c.of('heartbeat').at(-1))).toMatchObject({ stream: 'all', source: { state: 'connected' } });
  });

  test('a storm of 10,000 changes reaches the client as a few batched messages', async () => {
    const c = await client('t-kiosk');
    const before = c.count('deltas');
    for (let i = 0; i < 10_000; i++) source.emit(probes()[i % 600]!, states[i % states.length]!, { afterMs: 10 });
    await converged(c);
    const batches = c.count('deltas') - before;
    expect(batches).toBeGreaterThanOrEqual(1);
    expect(batches).toBeLessThanOrEqual(3);
  });

  test('reconnecting with a resume point gets the missed deltas, not a snapshot', async () => {
    const first = await client('t-support');
    source.emit('p-c1-1', 'CRITICAL');
    await converged(first);
    const ref = first.ref!;
    first.close();
    source.emit('p-c1-1', 'OK');
    await sleep(FLUSH_MS * 2);
    source.emit('p-c2-9', 'WARNING');
    await sleep(FLUSH_MS * 2);
    const again = await client('t-support', false);
    for (const [id, s] of first.statuses) again.statuses.set(id, s);
    for (const [id, i] of first.incidents) again.incidents.set(id, i);
    again.ref = ref;
    again.subscribe(ref);
    await until(() => again.count('deltas') >= 2, 5_000, 'replay');
    expect(again.count('snapshot')).toBe(0);
    await converged(again);
  });

  test('a resume point that is too old or from another epoch gets a fresh snapshot', async () => {
    const first = await client('t-support');
    const ref = first.ref!;
    first.close();
    for (let i = 0; i < BUFFER + 2; i++) {
      source.emit('p-c3-3', i % 2 ? 'OK' : 'CRITICAL');
      await sleep(FLUSH_MS * 2);
    }
    const tooOld = await client('t-support', false);
    tooOld.subscribe(ref);
    await until(() => tooOld.count('snapshot') === 1, 5_000, 'snapshot after a long gap');
    await converged(tooOld);
    const otherEpoch = await client('t-support', false);
    otherEpoch.subscribe({ ...tooOld.ref!, epoch: 'previous-run' });
    await until(() => otherEpoch.count('snapshot') === 1, 5_000, 'snapshot for another epoch');
  });

  test('a référent only ever receives its own collectivité, whatever it asks', async () => {
    const a = await client('t-ref-a');
    const support = await client('t-support');
    // Resuming the 'all' stream is not a way out of one's scope.
    a.subscribe({ stream: 'all', epoch: gateway.hub.epoch, seq: 0 });
    await until(() => a.count('snapshot') === 2, 5_000, 'second snapshot');
    for (let i = 0; i < 200; i++) source.emit(probes()[(i * 13) % 600]!, i % 2 ? 'CRITICAL' : 'OK', { afterMs: 1_000 });
    const b2 = [...gateway.supervision.incidents()].find((i) => i.collectiviteId === 'c2' && i.status === 'open');
    if (b2) await gateway.supervision.act(b2.id, { action: 'acknowledge', comment: 'vu' }, 'support');
    await converged(support);
    await converged(a, 'c1');
    await until(() => a.count('heartbeat') > 0, 2_000, 'heartbeat');
    expect(a.of('snapshot').every((s) => expectSnapshot(s).estate.collectivites.map((c) => c.id).join() === 'c1')).toBe(true);
    for (const { event, payload } of a.received) {
      // Ids of c2/c3 (c2, s-c2, p-c2-1…) or their names; a random epoch such as 'c25f…' must not match.
      // A snapshot is checked on the wire and expanded (its probe ids travel as suffixes of their parents').
      const seen = event === 'snapshot' ? [payload, expectSnapshot(payload)] : [payload];
      for (const what of seen) expect(JSON.stringify(what), event).not.toMatch(/(^|[^0-9a-z])c[23]([^0-9a-z]|$)|Commune [23]\b/);
    }
    expect(a.count('deltas')).toBeGreaterThan(0);
  });

  test('a référent without a collectivité, or a bad token, is refused at the handshake', async () => {
    await expect(client('t-ref-none')).rejects.toThrow('unauthorized');
    await expect(client('forged')).rejects.toThrow('unauthorized');
    const anonymous = new LiveClient(url, '');
    clients.push(anonymous);
    await expect(anonymous.connected()).rejects.toThrow('unauthorized');
  });

  test('malformed and oversize messages are refused while another client keeps receiving', async () => {
    const bad = await client('t-ref-b', false);
    const good = await client('t-kiosk');
    const send = (event: string, payload: unknown) => (bad.socket as unknown as { emit(e: string, p: unknown): void }).emit(event, payload);
    send('subscribe', { protocol: 99 });
    send('subscribe', 'not an object');
    send('subscribe', { protocol: PROTOCOL_VERSION, resume: { stream: 'all', epoch: 'x', seq: -1 } });
    send('subscribe', { protocol: 1, junk: 'x'.repeat(4_000) });
    send('drop-tables', {});
    await until(() => bad.count('protocol-error') === 5, 5_000, 'five refusals');
    const codes = bad.of('protocol-error').map((e) => protocolErrorSchema.parse(e).code);
    expect(codes).toEqual(['bad-request', 'bad-request', 'bad-request', 'too-large', 'bad-request']);
    expect(bad.of('protocol-error')[0]).toMatchObject({ field: 'protocol' });
    expect(bad.socket.connected).toBe(true);
    expect(bad.count('snapshot')).toBe(0);
    bad.subscribe();
    await until(() => bad.count('snapshot') === 1, 5_000, 'snapshot after refusals');

    // Beyond the transport's hard cap the offender is cut off; nobody else is.
    const disconnected = new Promise<string>((resolve) => bad.socket.once('disconnect', resolve));
    send('subscribe', { protocol: 1, junk: 'y'.repeat(64 * 1_024) });
    expect(await disconnected).toBeTruthy();
    const seen = good.count('deltas');
    source.emit('p-c1-2', 'CRITICAL');
    await until(() => good.count('deltas') > seen, 5_000, 'deltas to the other client');
    await converged(good);
  });

  test('a client flooding messages is rate-limited, not served', async () => {
    const noisy = await client('t-ref-b', false);
    for (let i = 0; i < 60; i++) noisy.subscribe();
    // 50 pass the rate limit: the first joins (a snapshot), the 49 repeats are one coalesced resync.
    await until(() => noisy.count('protocol-error') === 10 && noisy.count('snapshot') === 2, 5_000, 'rate limit');
    expect(noisy.of('protocol-error').every((e) => (e as { code: string }).code === 'rate-limited')).toBe(true);
    await sleep(RESYNC_MS * 2);
    expect(noisy.count('snapshot')).toBe(2);
  });

  test('revoking a session disconnects that login’s sockets at once, and only those', async () => {
    const target = await client('t-ref-a');
    const other = await client('t-ref-a2');
    const gone = new Promise<string>((resolve) => target.socket.once('disconnect', resolve));
    sessions.revoke('ref-a');
    expect(await gone).toBe('io server disconnect');
    expect(target.of('protocol-error').at(-1)).toMatchObject({ code: 'unauthorized' });
    await sleep(50);
    expect(other.socket.connected).toBe(true);
    await expect(client('t-ref-a')).rejects.toThrow('unauthorized');
  });

  test('a session that expires without a revoke is dropped at the next check', async () => {
    const c = await client('t-short');
    const gone = new Promise<string>((resolve) => c.socket.once('disconnect', resolve));
    sessions.expire('t-short');
    expect(await gone).toBe('io server disconnect');
    expect(c.of('protocol-error').at(-1)).toMatchObject({ code: 'unauthorized', message: 'session expired' });
  });
});
