// The persist path against real PGlite when text slips past the boundaries (here: supervision.act
// called directly, as a future route or source might): the refused rows go to the dead letters,
// the operator gets a clear refusal at once, and every other collectivité's actions still persist.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { Incident } from '../../src/domain/model.ts';
import { StorageRefusedError, type Storage } from '../ports.ts';
import { openStorage } from '../storage/open-storage.ts';
import { freshDataDir } from '../storage/test-data-dir.ts';
import { fixtureEstate } from './estate-fixture.ts';
import { FakeSource } from './fake-source.ts';
import { createSupervision, type Supervision } from './supervision.ts';

const T0 = Date.UTC(2026, 3, 14, 8, 0);
let dataDir: string;
let storage: Storage;
let source: FakeSource;
let supervision: Supervision;
let logs: string[];

beforeEach(async () => {
  dataDir = await freshDataDir('vigie-dead-letters-');
  storage = await openStorage({ dataDir });
  source = new FakeSource(fixtureEstate(3, 2), T0);
  logs = [];
  supervision = createSupervision({ source, storage, persistMs: 60_000, log: (message) => logs.push(message) });
  await supervision.start();
});
afterEach(async () => {
  await supervision.stop();
  await storage.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const incidentOf = (probeId: string): Incident => [...supervision.incidents()].find((i) => i.probeId === probeId)!;

test('a refused action is answered at once, set aside, undone in memory, and blocks no other action', async () => {
  for (const probeId of ['p-c1-1', 'p-c2-1', 'p-c3-1']) source.emit(probeId, 'CRITICAL');
  await supervision.persist();
  const poisoned = incidentOf('p-c1-1');

  const started = Date.now();
  await expect(supervision.act(poisoned.id, { action: 'comment', comment: 'a\u0000b' }, 'alice')).rejects.toBeInstanceOf(StorageRefusedError);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(supervision.incident(poisoned.id)).toEqual(poisoned); // not shown as done when it is not stored

  const dead = await storage.loadDeadLetters(10);
  expect(dead.map((d) => d.kind).sort()).toEqual(['incident', 'operator-action']);
  expect(dead.find((d) => d.kind === 'operator-action')?.row).toMatchObject({ incidentId: poisoned.id, comment: 'a\u0000b', by: 'alice' });
  expect(dead[0]?.reason).toMatch(/22021|22P05/);
  expect(logs.filter((l) => l.includes('dead letter'))).toHaveLength(2);

  // Other incidents, other collectivités, other action types — and the same incident again.
  await supervision.act(incidentOf('p-c2-1').id, { action: 'acknowledge', comment: 'vu' }, 'bob');
  await supervision.act(incidentOf('p-c3-1').id, { action: 'start-intervention' }, 'carol');
  await supervision.act(poisoned.id, { action: 'comment', comment: 'propre' }, 'alice');
  source.emit('p-c3-2', 'CRITICAL');
  await supervision.persist();

  const stored = new Map((await storage.loadIncidents({})).map((i) => [i.probeId, i]));
  expect(stored.get('p-c2-1')?.status).toBe('acknowledged');
  expect(stored.get('p-c3-1')?.status).toBe('in-progress');
  expect(stored.get('p-c1-1')?.timeline.flatMap((e) => (e.comment === undefined ? [] : [e.comment]))).toEqual(['propre']);
  expect(stored.has('p-c3-2')).toBe(true);
  expect(await storage.countDeadLetters()).toBe(2);
  expect(logs.some((l) => l.includes('storage write failed'))).toBe(false);
});
