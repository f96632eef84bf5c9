// The simulator honours Vigie's windows like an engine honours downtimes, end to end through the
// supervision: no incident for work inside a window, the downtime flag on and off at its edges.
import { expect, test } from 'vitest';
import { ManualTimers } from '../../stream/manual-timers.test-kit.ts';
import { MemoryStorage } from '../../supervision/memory-storage.ts';
import { createSupervision } from '../../supervision/supervision.ts';
import { createSimulator } from './simulator.ts';

const START = Date.UTC(2026, 11, 14, 9, 0);
const MIN = 60_000;

test('a window scheduled in Vigie puts the covered probes in downtime in the simulator, then lets them go', async () => {
  const timers = new ManualTimers();
  let wall = 0;
  const source = createSimulator({ seed: 7, scale: 'small', clock: { start: START }, timers, wallClock: () => wall, options: { activity: 0, staff: [] } });
  const supervision = createSupervision({ source, storage: new MemoryStorage(), timers, persistMs: 1_000 });
  await supervision.start();
  const site = supervision.estate().sites[0]!;
  const probes = supervision.estate().probes.filter((p) => supervision.estate().equipment.find((e) => e.id === p.equipmentId)?.siteId === site.id);
  await supervision.maintenance.schedule({ collectiviteId: site.collectiviteId, siteIds: [site.id], equipmentIds: [], probeIds: [], start: source.now() + 10 * MIN, end: source.now() + 70 * MIN, nature: 'travaux' }, 'support');
  const advance = (ms: number) => {
    wall += ms;
    timers.advance(ms);
  };
  advance(5 * MIN);
  expect(probes.map((p) => supervision.status(p.id)?.inDowntime)).not.toContain(true);
  advance(10 * MIN);
  expect(probes.map((p) => supervision.status(p.id)?.inDowntime)).toEqual(probes.map(() => true));
  // Work inside the window: the probe fails, no incident opens.
  source.inject(probes[0]!.id, 'CRITICAL', 'PING CRITICAL - travaux');
  advance(1_000);
  expect([...supervision.incidents()].filter((i) => i.probeId === probes[0]!.id)).toEqual([]);
  advance(60 * MIN);
  expect(probes.slice(1).map((p) => supervision.status(p.id)?.inDowntime)).toEqual(probes.slice(1).map(() => false));
  // Still failing after the window: the incident opens, dated at the window's end.
  expect([...supervision.incidents()].filter((i) => i.probeId === probes[0]!.id).map((i) => i.openedAt)).toEqual([START + 70 * MIN]);
  await supervision.stop();
});
