import { expect, test } from 'vitest';
import { fixtureStatus } from './estate-fixture.ts';
import { MemoryStorage } from './memory-storage.ts';
import { PersistQueue } from './persist-queue.ts';
import type { Incident } from '../../src/domain/model.ts';

const incident = (id: string, status: Incident['status']): Incident =>
  ({ id, probeId: 'p', siteId: 's', collectiviteId: 'c', status, severity: 'CRITICAL', openedAt: 1, timeline: [] }) as Incident;

test('keeps only the latest status and incident version per key, in one write per kind', async () => {
  const storage = new MemoryStorage();
  const queue = new PersistQueue(storage);
  for (let i = 0; i < 100; i++) queue.status(fixtureStatus('p1', i, i % 2 ? 'OK' : 'CRITICAL'));
  queue.incident(incident('i1', 'open'));
  queue.incident(incident('i1', 'resolved'));
  await queue.flush();
  expect(storage.calls).toEqual(['saveIncidents', 'saveStatuses']);
  expect(storage.statuses.get('p1')?.lastCheck).toBe(99);
  expect(storage.incidents.get('i1')?.status).toBe('resolved');
  expect(queue.pending).toBe(0);
});

test('a failed write keeps its rows for the next flush, under anything newer', async () => {
  const storage = new MemoryStorage();
  let failures = 1;
  const original = storage.saveIncidents.bind(storage);
  storage.saveIncidents = async (rows) => {
    if (failures-- > 0) throw new Error('database away');
    return original(rows);
  };
  const errors: unknown[] = [];
  const queue = new PersistQueue(storage, { onError: (e) => errors.push(e) });
  queue.stateChange({ probeId: 'p1', at: 1, state: 'CRITICAL', inDowntime: false });
  queue.incident(incident('i1', 'open'));
  queue.action({ incidentId: 'i1', at: 2, by: 'alice', action: 'acknowledge', comment: 'vu' });
  await expect(queue.flush()).rejects.toThrow('database away');
  expect(errors).toHaveLength(1);
  queue.incident(incident('i1', 'acknowledged'));
  await queue.flush();
  expect(storage.stateChanges).toHaveLength(1); // written before the failure, not written twice
  expect(storage.incidents.get('i1')?.status).toBe('acknowledged');
  expect(storage.actions).toHaveLength(1);
});
