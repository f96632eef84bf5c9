import { describe, expect, it } from 'vitest';
import type { Instant, ProbeStatus } from '../../../src/domain/model.ts';
import { estateSchema, probeStatusSchema, sourceHealthSchema, type Estate, type SourceHealth } from '../../../src/protocol/schemas.ts';
import type { SourceAction, SourceEvents } from '../../../src/protocol/source.ts';
import { createSimulator, type SimulatorTimers } from './simulator.ts';
import { ALWAYS_COVERED, tinyEstate } from './tiny-estate.test-kit.ts';

const START = Date.UTC(2026, 2, 10, 8, 0);

type Event =
  | { kind: 'snapshot'; estate: Estate; statuses: ProbeStatus[]; at: Instant }
  | { kind: 'status'; status: ProbeStatus; observedAt: Instant }
  | { kind: 'action'; action: SourceAction }
  | { kind: 'health'; health: SourceHealth };

function recorder() {
  const events: Event[] = [];
  const listener: SourceEvents = {
    snapshot: (estate, statuses, at) => events.push({ kind: 'snapshot', estate, statuses, at }),
    status: (status, observedAt) => events.push({ kind: 'status', status, observedAt }),
    action: (action) => events.push({ kind: 'action', action }),
    health: (health) => events.push({ kind: 'health', health }),
  };
  return { events, listener };
}

function fakeTime() {
  let wall = 1_000_000;
  const running = new Map<number, { run: () => void; ms: number }>();
  let next = 1;
  const timers: SimulatorTimers = {
    setInterval: (run, ms) => {
      running.set(next, { run, ms });
      return next++;
    },
    clearInterval: (handle) => running.delete(handle as number),
  };
  return {
    timers,
    running,
    wallClock: () => wall,
    /** Let `ms` of real time pass, firing the interval timers on the way. */
    pass(ms: number) {
      wall += ms;
      for (const t of running.values()) t.run();
    },
  };
}

function build(speed: number, scenario: 'calm' | 'gti-breach' = 'calm') {
  const time = fakeTime();
  const sim = createSimulator({ estate: tinyEstate(), seed: 1, clock: { start: START }, speed, scenario, hours: ALWAYS_COVERED, wallClock: time.wallClock, timers: time.timers, tickMs: 100 });
  return { sim, time };
}

describe('createSimulator', () => {
  it('starts with a valid snapshot and a connected health report, then one timer', async () => {
    const { sim, time } = build(60);
    const { events, listener } = recorder();
    await sim.start(listener);
    expect(events.map((e) => e.kind)).toEqual(['snapshot', 'health']);
    const [snapshot, health] = events;
    if (snapshot?.kind !== 'snapshot' || health?.kind !== 'health') throw new Error('unexpected order');
    expect(estateSchema.safeParse(snapshot.estate).success).toBe(true);
    expect(snapshot.statuses).toHaveLength(tinyEstate().probes.length);
    expect(snapshot.at).toBe(START);
    expect(sourceHealthSchema.parse(health.health)).toMatchObject({ state: 'connected', source: 'simulator', since: START });
    expect(time.running.size).toBe(1);
    expect(sim.name).toBe('simulator');
  });

  it.each([1, 60, 3600])('runs simulated time %i× faster than the wall clock', async (speed) => {
    const { sim, time } = build(speed);
    expect(sim.now()).toBe(START);
    await sim.start(recorder().listener);
    time.pass(2_000);
    expect(sim.now()).toBe(START + 2_000 * speed);
  });

  it.each([0, 0.5, 3601, Number.NaN])('refuses speed %f', (speed) => {
    expect(() => build(speed)).toThrow(RangeError);
  });

  it('emits the changes found as time passes, every one valid, and stops cleanly', async () => {
    const { sim, time } = build(3600, 'gti-breach');
    const { events, listener } = recorder();
    await sim.start(listener);
    for (let i = 0; i < 20; i++) time.pass(100);
    const statuses = events.flatMap((e) => (e.kind === 'status' ? [e] : []));
    expect(statuses.some((e) => e.status.probeId === sim.scenario.gtiBreach?.probeId && e.status.stateType === 'HARD')).toBe(true);
    for (const e of statuses) {
      expect(probeStatusSchema.safeParse(e.status).success).toBe(true);
      expect(e.observedAt).toBeLessThanOrEqual(sim.now());
    }
    await sim.stop();
    expect(time.running.size).toBe(0);
    const count = events.length;
    const paused = sim.now();
    time.pass(10_000);
    expect(events.length).toBe(count);
    expect(sim.now()).toBe(paused);
  });

  it('emits an injected change at once', async () => {
    const { sim } = build(1);
    const { events, listener } = recorder();
    await sim.start(listener);
    sim.inject('host', 'CRITICAL', 'PING CRITICAL - Packet loss = 100%');
    expect(events.at(-1)).toMatchObject({ kind: 'status', observedAt: START, status: { probeId: 'host', state: 'CRITICAL', stateType: 'HARD' } });
  });

  it('takes acknowledgements pushed from Vigie', async () => {
    const { sim } = build(1);
    const { events, listener } = recorder();
    await sim.start(listener);
    sim.inject('camera', 'CRITICAL', 'CAMERA CRITICAL - offline');
    await sim.pushAction({ type: 'acknowledge', probeId: 'camera', at: START, by: 'operateur' });
    expect(events.at(-1)).toMatchObject({ kind: 'status', status: { probeId: 'camera', acknowledged: true } });
  });

  it('hands hostile engine text on as an engine would (the gateway repairs it), still checking the rest', async () => {
    const estate = tinyEstate();
    estate.probes[0]!.name = `\u0000${'é'.repeat(400)}\ud800`;
    const time = fakeTime();
    const sim = createSimulator({ estate, seed: 1, clock: { start: START }, speed: 1, hours: ALWAYS_COVERED, wallClock: time.wallClock, timers: time.timers });
    const { events, listener } = recorder();
    await sim.start(listener);
    expect(events[0]).toMatchObject({ kind: 'snapshot', estate: { probes: expect.arrayContaining([expect.objectContaining({ name: estate.probes[0]!.name })]) } });
    const output = `CRITICAL \u0000 ${'x'.repeat(10_000)} \udc00`;
    sim.inject('host', 'CRITICAL', output);
    expect(events.at(-1)).toMatchObject({ kind: 'status', status: { probeId: 'host', output } });
    // What is not text is still the simulator's own bug to catch.
    expect(() => sim.inject('host', 'BROKEN' as 'OK', 'x')).toThrow();
  });

  it('renames a probe or a site and shows it as an engine resync would: a new snapshot', async () => {
    const { sim } = build(1);
    const { events, listener } = recorder();
    await sim.start(listener);
    const [probe] = tinyEstate().probes;
    const [site] = tinyEstate().sites;
    sim.rename('probe', probe!.id, 'Disque \u0000 renommé');
    sim.rename('site', site!.id, '');
    const snapshots = events.flatMap((e) => (e.kind === 'snapshot' ? [e] : []));
    expect(snapshots).toHaveLength(3);
    expect(snapshots[2]!.estate.probes.find((p) => p.id === probe!.id)?.name).toBe('Disque \u0000 renommé');
    expect(snapshots[2]!.estate.sites.find((s) => s.id === site!.id)?.name).toBe('');
    expect(snapshots[2]!.statuses).toHaveLength(tinyEstate().probes.length);
    expect(() => sim.rename('probe', 'nope', 'x')).toThrow('unknown probe nope');
  });
});
