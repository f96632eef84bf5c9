// Rule 3 in the built-in simulator: its estate declares each site's cameras behind the site's first
// switch (docs/simulator.md), so a switch that goes down takes its cameras with it; the gateway
// attaches the cameras' incidents to the switch's as dependencies, and only the switch alarms.
import { expect, test } from 'vitest';
import { generateEstate } from '../sources/simulator/estate.ts';
import { createSimulator, type SimulatorTimers } from '../sources/simulator/simulator.ts';
import { ManualTimers } from '../stream/manual-timers.test-kit.ts';
import { MemoryStorage } from './memory-storage.ts';
import { createSupervision } from './supervision.ts';

const START = Date.UTC(2026, 2, 10, 8, 0);

test('a switch down in the simulator: its cameras’ incidents are attached to the switch’s, one alarm', async () => {
  const estate = generateEstate({ seed: 3, scale: 'small' });
  const parent = estate.dependencies![0]!.parent;
  const cameras = estate.dependencies!.filter((d) => d.parent === parent).map((d) => d.child);
  expect(cameras.length).toBeGreaterThan(0);
  let wall = 0;
  const ticks: Array<() => void> = [];
  const timers: SimulatorTimers = { setInterval: (run) => ticks.push(run), clearInterval: () => undefined };
  const source = createSimulator({ estate, seed: 3, clock: { start: START }, speed: 600, options: { activity: 0, staff: [] }, wallClock: () => wall, timers, tickMs: 100 });
  const storage = new MemoryStorage();
  const supervision = createSupervision({ source, storage, timers: new ManualTimers() });
  await supervision.start();
  const pass = (simMinutes: number) => {
    for (let i = 0; i < simMinutes; i++) {
      wall += 100; // 100 ms at ×600: one simulated minute per tick
      for (const run of ticks) run();
    }
  };
  pass(10);
  source.inject(parent, 'CRITICAL', 'PING CRITICAL - Packet loss = 100%');
  pass(20);
  const switchIncident = [...supervision.incidents()].find((i) => i.probeId === parent)!;
  expect(switchIncident).toBeDefined();
  for (const id of cameras) {
    expect([...supervision.incidents()].find((i) => i.probeId === id)?.cause, id).toMatchObject({ kind: 'dependency', incidentId: switchIncident.id, atOpening: true });
  }
  await supervision.persist();
  // Other probes of the estate (disks filling up since the start) alarm on their own; of this cut, only the switch.
  const cut = new Set([parent, ...cameras]);
  const opened = (await storage.alarms.unplannedEvents(10_000)).filter((e) => e.kind === 'opened' && cut.has(e.probeId!)).map((e) => e.probeId);
  expect(opened).toEqual([parent]);
  await supervision.stop();
});
