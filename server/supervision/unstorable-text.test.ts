// The supervision over real PGlite with text PostgreSQL cannot store (NUL, lone surrogates,
// over-long plugin output, control characters). From the engine, through any source, it is repaired
// at the source boundary, stored, counted and logged. When it slips past the boundaries (here:
// supervision.act called directly, as a future route or source might), the refused rows go to the
// dead letters, the operator gets a clear refusal at once, and every other action still persists.
import { rmSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import type { Incident } from '../../src/domain/model.ts';
import { estateSchema, probeStatusSchema, type Estate } from '../../src/protocol/schemas.ts';
import { cleanEngineText } from '../../src/protocol/text.ts';
import { StorageRefusedError, type Storage } from '../ports.ts';
import { openStorage } from '../storage/open-storage.ts';
import { freshDataDir } from '../storage/data-dir.test-kit.ts';
import { fixtureEstate, fixtureStatus } from './estate-fixture.test-kit.ts';
import { FakeSource } from './fake-source.test-kit.ts';
import { createSupervision, type Supervision } from './supervision.ts';

const T0 = Date.UTC(2026, 3, 14, 8, 0);
const HOSTILE_NAME = 'Disque \u0000C: \ud800 \u202Eevil\u0007';
const HOSTILE_OUTPUT = `CRITICAL - \u0000 ${'😀'.repeat(3000)} \udfff`;

let dataDir: string | undefined;
let storage: Storage;
let source: FakeSource;
let supervision: Supervision | undefined;
let logs: string[];

async function boot(estate: Estate): Promise<void> {
  dataDir = await freshDataDir('vigie-unstorable-');
  storage = await openStorage({ dataDir });
  source = new FakeSource(estate, T0);
  logs = [];
  supervision = createSupervision({ source, storage, persistMs: 60_000, log: (message) => logs.push(message) });
  await supervision.start();
}
afterEach(async () => {
  await supervision?.stop();
  await storage?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('engine names and outputs the database refuses are repaired, stored and counted, not dropped', async () => {
  const estate = fixtureEstate(2, 2);
  estate.probes[0]!.name = HOSTILE_NAME;
  estate.sites[1]!.name = `Mairie\u0000${'x'.repeat(500)}`;
  await boot(estate);
  const live = supervision!;
  const bad = fixtureStatus('p-c1-1', T0 + 60_000, 'CRITICAL', { output: HOSTILE_OUTPUT });
  source.events!.status(bad, T0 + 60_000);
  source.events!.action({ type: 'comment', probeId: 'p-c1-1', at: T0 + 61_000, by: 'icinga\u0000bob', comment: 'vu \ud83d' });
  source.emit('p-c2-1', 'CRITICAL'); // a clean change after the hostile ones
  await live.persist();

  const saved = (await storage.loadEstate())!;
  expect(estateSchema.safeParse(saved).success).toBe(true);
  expect(saved.probes[0]!.name).toBe(cleanEngineText(HOSTILE_NAME, 300));
  expect(saved.probes[0]!.name).toContain('\uFFFD');
  expect(saved.sites[1]!.name.endsWith('…')).toBe(true);

  const statuses = new Map((await storage.loadStatuses()).map((s) => [s.probeId, s]));
  const stored = statuses.get('p-c1-1')!;
  expect(probeStatusSchema.safeParse(stored).success).toBe(true);
  expect(stored.output.startsWith('CRITICAL - \uFFFD 😀')).toBe(true);
  expect(stored.output.length).toBeLessThanOrEqual(4096);
  expect(statuses.get('p-c2-1')?.state).toBe('CRITICAL');

  const incidents = await storage.loadIncidents({});
  const c1 = incidents.find((i) => i.probeId === 'p-c1-1')!;
  expect(c1.timeline.at(-1)).toMatchObject({ kind: 'commented', by: 'icinga\uFFFDbob', comment: 'vu \uFFFD' });
  expect(incidents.some((i) => i.probeId === 'p-c2-1')).toBe(true);

  // 2 estate names + 1 output + the action's author and comment.
  expect(live.engineTextRepairs()).toBe(5);
  expect(logs.some((l) => l.includes('engine text repaired'))).toBe(true);
  expect(logs.some((l) => l.includes('storage write failed'))).toBe(false);
});

const incidentOf = (probeId: string): Incident => [...supervision!.incidents()].find((i) => i.probeId === probeId)!;

test('a refused action is answered at once, set aside, undone in memory, and blocks no other action', async () => {
  await boot(fixtureEstate(3, 2));
  const live = supervision!;
  for (const probeId of ['p-c1-1', 'p-c2-1', 'p-c3-1']) source.emit(probeId, 'CRITICAL');
  await live.persist();
  const poisoned = incidentOf('p-c1-1');

  const started = Date.now();
  await expect(live.act(poisoned.id, { action: 'comment', comment: 'a\u0000b' }, 'alice')).rejects.toBeInstanceOf(StorageRefusedError);
  expect(Date.now() - started).toBeLessThan(5_000);
  expect(live.incident(poisoned.id)).toEqual(poisoned); // not shown as done when it is not stored

  const dead = await storage.loadDeadLetters(10);
  expect(dead.map((d) => d.kind).sort()).toEqual(['incident', 'operator-action']);
  expect(dead.find((d) => d.kind === 'operator-action')?.row).toMatchObject({ incidentId: poisoned.id, comment: 'a\u0000b', by: 'alice' });
  expect(dead[0]?.reason).toMatch(/22021|22P05/);
  expect(logs.filter((l) => l.includes('dead letter'))).toHaveLength(2);

  // Other incidents, other collectivités, other action types — and the same incident again.
  await live.act(incidentOf('p-c2-1').id, { action: 'acknowledge', comment: 'vu' }, 'bob');
  await live.act(incidentOf('p-c3-1').id, { action: 'start-intervention' }, 'carol');
  await live.act(poisoned.id, { action: 'comment', comment: 'propre' }, 'alice');
  source.emit('p-c3-2', 'CRITICAL');
  await live.persist();

  const stored = new Map((await storage.loadIncidents({})).map((i) => [i.probeId, i]));
  expect(stored.get('p-c2-1')?.status).toBe('acknowledged');
  expect(stored.get('p-c3-1')?.status).toBe('in-progress');
  expect(stored.get('p-c1-1')?.timeline.flatMap((e) => (e.comment === undefined ? [] : [e.comment]))).toEqual(['propre']);
  expect(stored.has('p-c3-2')).toBe(true);
  expect(await storage.countDeadLetters()).toBe(2);
  expect(logs.some((l) => l.includes('storage write failed'))).toBe(false);
});
