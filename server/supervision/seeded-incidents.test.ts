// The simulator's start as the gateway sees it: the problems it seeds as already there (disks nearly
// full for days) had the support cell on them back then — acknowledged and an intervention started
// within the GTI, recorded in their timelines as the staff's actions are — so a quiet day does not
// open on month-old breached GTIs. A problem that starts during the run opens a fresh GTI clock.
import { expect, test } from 'vitest';
import { gtiStatus } from '../../src/domain/gti.ts';
import { isProblem, type Incident } from '../../src/domain/model.ts';
import { generateEstate } from '../sources/simulator/estate.ts';
import { createSimulator, type SimulatorTimers } from '../sources/simulator/simulator.ts';
import { defaultStaffHours } from '../sources/simulator/staff-hours.ts';
import { STAFF_LOGIN } from '../sources/simulator/sim-state.ts';
import { ManualTimers } from '../stream/manual-timers.test-kit.ts';
import { MemoryStorage } from './memory-storage.ts';
import { createSupervision } from './supervision.ts';

const MIN = 60_000;

async function started(start: number, options: { staff?: string[] } = {}) {
  const estate = generateEstate({ seed: 11, scale: 'small' });
  let wall = 0;
  const ticks: Array<() => void> = [];
  const timers: SimulatorTimers = { setInterval: (run) => ticks.push(run), clearInterval: () => undefined };
  const source = createSimulator({ estate, seed: 11, clock: { start }, speed: 600, options: { activity: 0, ...options }, wallClock: () => wall, timers, tickMs: 100 });
  const storage = new MemoryStorage();
  const supervision = createSupervision({ source, storage, timers: new ManualTimers() });
  await supervision.start();
  /** Simulated minutes (100 ms at ×600 each). */
  const pass = (minutes: number) => {
    for (let i = 0; i < minutes; i++) {
      wall += 100;
      for (const run of ticks) run();
    }
  };
  pass(1);
  return { estate, source, storage, supervision, pass, hours: defaultStaffHours(start) };
}

const seededOf = (incidents: Iterable<Incident>, start: number) => [...incidents].filter((i) => i.openedAt < start);

test.each([
  ['a Tuesday morning', Date.UTC(2026, 2, 10, 9, 0)],
  ['a Saturday night', Date.UTC(2026, 2, 14, 22, 0)],
])('on %s, no incident seeded before the start has a breached GTI: acknowledged and intervened on back then', async (_, start) => {
  const { supervision, storage, hours } = await started(start);
  const now = start + MIN;
  const seeded = seededOf(supervision.incidents(), start);
  expect(seeded.length).toBeGreaterThanOrEqual(3);
  for (const incident of seeded) {
    expect(gtiStatus(incident, now, hours).status, incident.id).toBe('met');
    expect(incident).toMatchObject({ status: 'in-progress' });
    expect(incident.acknowledgedAt!).toBeGreaterThanOrEqual(incident.openedAt);
    expect(incident.interventionAt!).toBeGreaterThan(incident.acknowledgedAt!);
    expect(incident.interventionAt!).toBeLessThan(start);
    expect(hours.isCovered(incident.acknowledgedAt!) && hours.isCovered(incident.interventionAt!)).toBe(true);
    // In the timeline as the staff's actions are recorded: who, when, what they wrote.
    expect(incident.timeline.filter((e) => e.kind !== 'opened' && e.kind !== 'state-changed')).toEqual([
      { at: incident.acknowledgedAt, kind: 'acknowledged', by: STAFF_LOGIN, comment: "Pris en compte par la cellule d'assistance" },
      { at: incident.interventionAt, kind: 'intervention-started', by: STAFF_LOGIN, comment: expect.any(String) },
    ]);
    // The problem itself stays as seeded: still there, since when it began.
    const status = supervision.status(incident.probeId)!;
    expect(isProblem(status.state)).toBe(true);
    expect(status.since).toBe(incident.openedAt);
  }
  expect([...supervision.incidents()].filter((i) => gtiStatus(i, now, hours).status === 'breached')).toEqual([]);
  // Stored as operator actions too (the audit), one acknowledgement and one intervention each.
  await supervision.persist();
  const stored = storage.actions.filter((a) => seeded.some((i) => i.id === a.incidentId));
  expect(stored.map((a) => a.action).sort()).toEqual(seeded.flatMap(() => ['acknowledge', 'start-intervention']).sort());
  await supervision.stop();
});

test('a problem that starts during the run opens a fresh GTI clock, and the staff act on it live', async () => {
  const start = Date.UTC(2026, 2, 10, 9, 0);
  const { estate, source, supervision, pass, hours } = await started(start);
  const camera = estate.probes.find((p) => p.kind === 'camera' && !isProblem(supervision.status(p.id)?.state ?? 'OK'))!;
  pass(10);
  source.inject(camera.id, 'CRITICAL', 'CAMERA CRITICAL - offline');
  const fresh = () => [...supervision.incidents()].find((i) => i.probeId === camera.id)!;
  expect(fresh().openedAt).toBeGreaterThan(start);
  const running = gtiStatus(fresh(), fresh().openedAt + MIN, hours);
  expect(running.status).toBe('on-track');
  expect(running.stoppedAt).toBeUndefined();
  expect(running.coveredMsLeft).toBe(8 * 60 * MIN - MIN);
  pass(180);
  // Acknowledged after it opened, not back-dated.
  expect(fresh().acknowledgedAt!).toBeGreaterThan(fresh().openedAt);
  await supervision.stop();
});

test('with nobody at a desk (a still estate for tests), the seeded problems stay untouched', async () => {
  const start = Date.UTC(2026, 2, 10, 9, 0);
  const { supervision, hours } = await started(start, { staff: [] });
  const seeded = seededOf(supervision.incidents(), start);
  expect(seeded.length).toBeGreaterThanOrEqual(3);
  for (const incident of seeded) expect(incident).toMatchObject({ status: 'open', timeline: [{ kind: 'opened' }] });
  expect(seeded.some((i) => gtiStatus(i, start + MIN, hours).status === 'breached')).toBe(true);
  await supervision.stop();
});
