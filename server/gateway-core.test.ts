// The first half of the live path, as both runtimes build it: source → supervision → hub.
import { expect, test } from 'vitest';
import { createGatewayCore } from './gateway-core.ts';
import type { StreamMessage } from './stream/stream-hub.ts';
import { ManualTimers } from './stream/manual-timers.test-kit.ts';
import { fixtureEstate } from './supervision/estate-fixture.test-kit.ts';
import { FakeSource } from './supervision/fake-source.test-kit.ts';
import { MemoryStorage } from './supervision/memory-storage.ts';

function core() {
  const source = new FakeSource(fixtureEstate(2, 2), Date.UTC(2026, 3, 14, 8));
  const timers = new ManualTimers();
  const storage = new MemoryStorage();
  return { source, timers, storage, core: createGatewayCore({ source, storage, timers, persistMs: 1_000, stream: { flushMs: 100 } }) };
}

test('a source’s change reaches the hub’s subscribers and storage', async () => {
  const { source, timers, storage, core: gateway } = core();
  await gateway.start();
  const seen: StreamMessage[] = [];
  gateway.hub.subscribe('c:c2', (message) => seen.push(message));
  source.emit('p-c2-1', 'CRITICAL');
  source.emit('p-c1-1', 'CRITICAL');
  timers.advance(1_000);
  expect(seen.map((m) => m.event)).toEqual(['snapshot', 'deltas', 'incidents']);
  expect(gateway.supervision.status('p-c2-1')?.state).toBe('CRITICAL');
  await gateway.supervision.persist();
  expect(storage.stateChanges.map((row) => row.probeId)).toEqual(expect.arrayContaining(['p-c2-1', 'p-c1-1']));
  await gateway.stop();
  expect(source.stopped).toBe(1);
  expect(timers.scheduled).toBe(0);
});

test('stopping a core that never started stops the hub and leaves the source alone', async () => {
  const { source, timers, core: gateway } = core();
  await gateway.stop();
  expect(source.stopped).toBe(0);
  expect(timers.scheduled).toBe(0);
});
