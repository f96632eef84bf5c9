// Root causes on the live stream: an area cut spans collectivités, and c2's access fell first, so
// c2's incident is the cause of c1's dependents. Over real sockets: support's stream carries the
// whole link; c1's référent receives its dependents attached to "an area cut", never c2's cause.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readSnapshot } from '../../src/protocol/wire-snapshot.ts';
import { createGateway, type Gateway } from '../app.ts';
import { areaCutEstate } from '../supervision/area-estate.test-kit.ts';
import { FakeSource } from '../supervision/fake-source.test-kit.ts';
import { MemoryStorage } from '../supervision/memory-storage.ts';
import { FakeSessions, LiveClient, until } from './live-clients.test-kit.ts';

let gateway: Gateway;
let url: string;
let source: FakeSource;
const sessions = new FakeSessions().grant('t-support', { login: 'support', role: 'support' }).grant('t-ref-c1', { login: 'ref-c1', role: 'referent', collectiviteId: 'c1' });
const clients: LiveClient[] = [];

beforeAll(async () => {
  source = new FakeSource(areaCutEstate(), Date.UTC(2026, 3, 14, 8));
  gateway = await createGateway({ storage: new MemoryStorage(), sessions, source, staticDir: false, stream: { flushMs: 50, heartbeatMs: 300 } });
  url = await gateway.start(0, '127.0.0.1');
});
afterAll(async () => {
  for (const c of clients) c.close();
  await gateway?.close();
});

async function client(token: string): Promise<LiveClient> {
  const c = new LiveClient(url, token);
  clients.push(c);
  await c.connected();
  c.subscribe();
  await until(() => c.count('snapshot') > 0, 5_000, 'snapshot');
  return c;
}

const C2 = /(^|[^0-9a-z])c2([^0-9a-z]|$)|p-c2-|Commune 2|Mairie 2/;

describe('root causes on the live stream', () => {
  test('c1’s référent receives its dependents of c2’s area cut with the kind of the cause only, in deltas and snapshots', async () => {
    const support = await client('t-support');
    const ref = await client('t-ref-c1');
    source.emit('p-c2-net', 'CRITICAL');
    source.emit('p-c1-net', 'CRITICAL', { afterMs: 120_000 });
    source.emit('p-c3-net', 'CRITICAL', { afterMs: 120_000 });
    source.emit('p-c1-cam', 'CRITICAL', { afterMs: 30_000 });
    const cause = [...gateway.supervision.incidents()].find((i) => i.probeId === 'p-c2-net')!.id;
    const c1 = [...gateway.supervision.incidents()].filter((i) => i.collectiviteId === 'c1');
    expect(c1).toHaveLength(2);
    await until(() => c1.every((i) => support.incidents.get(i.id)?.cause?.incidentId === cause), 5_000, 'support sees the links');
    await until(() => c1.every((i) => ref.incidents.get(i.id)?.version === gateway.supervision.incident(i.id)?.version), 5_000, 'référent has the latest');
    for (const i of c1) expect(ref.incidents.get(i.id)?.cause).toEqual({ kind: 'area-cut', ...(i.cause?.atOpening ? { atOpening: true } : {}) });
    // A fresh snapshot says the same.
    const late = await client('t-ref-c1');
    const snapshot = readSnapshot(late.of('snapshot')[0]);
    if (!snapshot.ok) throw snapshot.error;
    expect(snapshot.value.incidents.map((i) => i.cause?.kind)).toEqual(['area-cut', 'area-cut']);
    for (const c of [ref, late]) for (const { event, payload } of c.received) expect(JSON.stringify(payload), event).not.toMatch(C2);
  });
});
