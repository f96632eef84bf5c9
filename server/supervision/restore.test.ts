import { expect, test } from 'vitest';
import type { Incident } from '../../src/domain/model.ts';
import { fixtureEstate, fixtureStatus } from './estate-fixture.test-kit.ts';
import { MemoryStorage } from './memory-storage.ts';
import { lastKnownInstant, restoreState } from './restore.ts';

const HOUR = 3_600_000;
const finished = (id: string, resolvedAt: number): Incident =>
  ({ id, probeId: 'p-c1-1', siteId: 's-c1', collectiviteId: 'c1', status: 'resolved', severity: 'WARNING', openedAt: resolvedAt - HOUR, resolvedAt, timeline: [{ at: resolvedAt, kind: 'resolved', state: 'OK' }] }) as Incident;

test('reloads the estate, every status, and only the incidents still relevant live', async () => {
  const storage = new MemoryStorage();
  const now = 100 * HOUR;
  await storage.saveEstate(fixtureEstate(1, 1));
  await storage.saveStatuses([fixtureStatus('p-c1-1', now - HOUR)]);
  await storage.saveIncidents([finished('old', now - 48 * HOUR), finished('recent', now - 2 * HOUR)]);
  const restored = await restoreState(storage, { now, recentMs: 24 * HOUR });
  expect(restored.estate?.probes).toHaveLength(1);
  expect(restored.statuses).toHaveLength(1);
  expect(restored.incidents.map((i) => i.id)).toEqual(['recent']);
});

test('a clock restarting behind storage still sees what was recent at the last stored instant', async () => {
  const storage = new MemoryStorage();
  const last = 500 * HOUR;
  await storage.saveStatuses([fixtureStatus('p-c1-1', last)]);
  await storage.saveIncidents([finished('recent', last - HOUR)]);
  const behind = await restoreState(storage, { now: 10 * HOUR, recentMs: 24 * HOUR });
  expect(behind.incidents.map((i) => i.id)).toEqual(['recent']);
  expect(lastKnownInstant(behind)).toBe(last);
  expect(lastKnownInstant({ statuses: [], incidents: [] })).toBeUndefined();
});
