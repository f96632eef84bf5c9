// Engine text that PostgreSQL cannot store (NUL, lone surrogates, over-long plugin output, control
// characters) reaches the gateway from any source. Against real PGlite: it is repaired at the
// source boundary, stored, counted and logged, and it blocks nothing.
import { rmSync } from 'node:fs';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cleanEngineText } from '../../src/protocol/text.ts';
import { estateSchema, probeStatusSchema } from '../../src/protocol/schemas.ts';
import type { Storage } from '../ports.ts';
import { openStorage } from '../storage/open-storage.ts';
import { freshDataDir } from '../storage/test-data-dir.ts';
import { fixtureEstate, fixtureStatus } from './estate-fixture.ts';
import { FakeSource } from './fake-source.ts';
import { createSupervision, type Supervision } from './supervision.ts';

const T0 = Date.UTC(2026, 3, 14, 8, 0);
const HOSTILE_NAME = 'Disque \u0000C: \ud800 \u202Eevil\u0007';
const HOSTILE_OUTPUT = `CRITICAL - \u0000 ${'😀'.repeat(3000)} \udfff`;

let dataDir: string;
let storage: Storage;
let supervision: Supervision;
let source: FakeSource;
let logs: string[];

beforeEach(async () => {
  dataDir = await freshDataDir('vigie-engine-text-');
  storage = await openStorage({ dataDir });
  const estate = fixtureEstate(2, 2);
  estate.probes[0]!.name = HOSTILE_NAME;
  estate.sites[1]!.name = `Mairie\u0000${'x'.repeat(500)}`;
  source = new FakeSource(estate, T0);
  logs = [];
  supervision = createSupervision({ source, storage, persistMs: 60_000, log: (message) => logs.push(message) });
  await supervision.start();
});
afterEach(async () => {
  await supervision.stop();
  await storage.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('names and outputs the database refuses are repaired, stored and counted, not dropped', async () => {
  const bad = fixtureStatus('p-c1-1', T0 + 60_000, 'CRITICAL', { output: HOSTILE_OUTPUT });
  source.events!.status(bad, T0 + 60_000);
  source.events!.action({ type: 'comment', probeId: 'p-c1-1', at: T0 + 61_000, by: 'icinga\u0000bob', comment: 'vu \ud83d' });
  source.emit('p-c2-1', 'CRITICAL'); // a clean change after the hostile ones
  await supervision.persist();

  const estate = (await storage.loadEstate())!;
  expect(estateSchema.safeParse(estate).success).toBe(true);
  expect(estate.probes[0]!.name).toBe(cleanEngineText(HOSTILE_NAME, 300));
  expect(estate.probes[0]!.name).toContain('\uFFFD');
  expect(estate.sites[1]!.name.endsWith('…')).toBe(true);

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
  expect(supervision.engineTextRepairs()).toBe(5);
  expect(logs.some((l) => l.includes('engine text repaired'))).toBe(true);
  expect(logs.some((l) => l.includes('storage write failed'))).toBe(false);
});
