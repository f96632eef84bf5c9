import { expect, test } from 'vitest';
import { fixtureStatus } from './estate-fixture.test-kit.ts';
import { MemoryStorage } from './memory-storage.ts';
import { PersistQueue } from './persist-queue.ts';
import type { Incident } from '../../src/domain/model.ts';
import { StorageRefusedError, StorageUnavailableError, type DeadLetterRow } from '../ports.ts';

const incident = (id: string, status: Incident['status']): Incident =>
  ({ id, probeId: 'p', siteId: 's', collectiviteId: 'c', status, severity: 'CRITICAL', openedAt: 1, timeline: [], version: 1 }) as Incident;

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

const change = (probeId: string, at: number) => ({ probeId, at, state: 'CRITICAL' as const, inDowntime: false });
const withComment = (id: string, comment: string): Incident => ({ ...incident(id, 'acknowledged'), timeline: [{ at: 2, kind: 'acknowledged', by: 'alice', comment }] });

test('a row the database refuses goes to the dead letters with its reason; every other row is written', async () => {
  const storage = new MemoryStorage();
  const letters: DeadLetterRow[] = [];
  const queue = new PersistQueue(storage, { now: () => 42, onDeadLetter: (letter) => letters.push(letter) });
  queue.stateChange(change('p1', 1));
  queue.stateChange(change('p\u0000', 2));
  queue.stateChange(change('p3', 3));
  queue.incident(withComment('good', 'vu'));
  queue.incident(withComment('bad', 'a\u0000b'));
  queue.action({ incidentId: 'bad', at: 2, by: 'alice', action: 'comment', comment: 'a\u0000b' });
  queue.action({ incidentId: 'good', at: 2, by: 'alice', action: 'comment', comment: 'vu' });
  queue.status(fixtureStatus('p1', 1));
  queue.status(fixtureStatus('p2', 1, 'CRITICAL', { output: '\ud800' }));
  await queue.flush();

  expect(storage.stateChanges.map((r) => r.probeId)).toEqual(['p1', 'p3']);
  expect([...storage.incidents.keys()]).toEqual(['good']);
  expect(storage.actions.map((a) => a.incidentId)).toEqual(['good']);
  expect([...storage.statuses.keys()]).toEqual(['p1']);
  expect(storage.deadLetters.map((l) => [l.kind, l.key])).toEqual([
    ['state-change', 'p\uFFFD@2'], // the key is stored repaired: it quotes the refused text
    ['incident', 'bad'],
    ['operator-action', 'bad@2'],
    ['probe-status', 'p2'],
  ]);
  expect(storage.deadLetters[1]).toMatchObject({ at: 42, reason: expect.stringContaining('NUL'), row: { id: 'bad' } });
  expect(letters).toHaveLength(4);
  expect(queue.pending).toBe(0);

  queue.incident(withComment('later', 'ok'));
  await queue.flush();
  expect(storage.incidents.has('later')).toBe(true);
});

test('a refused row in a large batch is found by halving, not by writing every row alone', async () => {
  const storage = new MemoryStorage();
  const queue = new PersistQueue(storage);
  for (let i = 0; i < 1_000; i++) queue.stateChange(change(i === 617 ? 'p\u0000' : `p${i}`, i));
  await queue.flush();
  expect(storage.stateChanges).toHaveLength(999);
  expect(storage.stateChanges.map((r) => r.at)).toEqual([...Array(1_000).keys()].filter((i) => i !== 617));
  expect(storage.calls.filter((c) => c === 'appendStateChanges').length).toBeLessThanOrEqual(2 * Math.ceil(Math.log2(1_000)) + 1);
});

test('an action is confirmed once its rows are on disk, refused with the reason, or reported unconfirmed when storage is away', async () => {
  const storage = new MemoryStorage();
  const queue = new PersistQueue(storage);
  await expect(queue.confirm(withComment('i1', 'vu'), { incidentId: 'i1', at: 2, by: 'alice', action: 'comment', comment: 'vu' })).resolves.toBeUndefined();
  expect(storage.actions).toHaveLength(1);

  const refused = queue.confirm(withComment('i2', 'a\u0000'), { incidentId: 'i2', at: 2, by: 'alice', action: 'comment', comment: 'a\u0000' });
  await expect(refused).rejects.toBeInstanceOf(StorageRefusedError);
  expect(storage.deadLetters.map((l) => l.key)).toEqual(['i2', 'i2@2']);

  const original = storage.saveIncidents.bind(storage);
  let away = true;
  storage.saveIncidents = async (rows) => {
    if (away) throw new Error('connection terminated');
    return original(rows);
  };
  await expect(queue.confirm(withComment('i3', 'vu'), { incidentId: 'i3', at: 3, by: 'alice', action: 'comment', comment: 'vu' })).rejects.toBeInstanceOf(StorageUnavailableError);
  expect(queue.pending).toBe(2); // still queued: written when the database answers again
  away = false;
  await queue.flush();
  expect(storage.incidents.has('i3')).toBe(true);
  expect(storage.actions.map((a) => a.incidentId)).toEqual(['i1', 'i3']);
});

test('a transient error while setting a row aside keeps the row queued', async () => {
  const storage = new MemoryStorage();
  storage.saveDeadLetter = async () => {
    throw new Error('connection terminated');
  };
  const queue = new PersistQueue(storage, { onError: () => undefined });
  queue.incident(withComment('bad', 'a\u0000b'));
  await expect(queue.flush()).rejects.toThrow('connection terminated');
  expect(queue.pending).toBe(1);
});
