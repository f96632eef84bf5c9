import { describe, expect, it } from 'vitest';
import { probeStatusSchema } from '../../../src/protocol/schemas.ts';
import { advance, applyOperatorAction, createSimulation, currentStatuses, injectChange } from './engine.ts';
import { generateEstate } from './estate.ts';
import { beginFault } from './faults.ts';
import type { SimMessage } from './sim-state.ts';
import { defaultStaffHours } from './staff-hours.ts';
import { ALWAYS_COVERED, NEVER_COVERED, tinyEstate } from './tiny-estate.test-kit.ts';

const START = Date.UTC(2026, 2, 10, 8, 0); // Tuesday 10 March 2026, 9:00 in Metz
const MIN = 60_000;
const DAY = 86_400_000;
const estate = generateEstate({ seed: 3, scale: 'small' });
const hours = defaultStaffHours(START);

function run(seed: number, until: number, step = until - START): SimMessage[] {
  const sim = createSimulation({ estate, seed, start: START, hours });
  const out: SimMessage[] = [];
  for (let t = START; t < until; ) {
    t = Math.min(until, t + step);
    out.push(...advance(sim, t));
  }
  return out;
}

describe('determinism', () => {
  const twoDays = run(3, START + 2 * DAY);

  it('replays the same messages for the same seed, others for another seed', () => {
    expect(twoDays.length).toBeGreaterThan(300);
    expect(run(3, START + 2 * DAY).slice(0, 300)).toEqual(twoDays.slice(0, 300));
    expect(run(4, START + 2 * DAY).slice(0, 300)).not.toEqual(twoDays.slice(0, 300));
  });

  it('does not depend on how time is stepped', () => {
    expect(run(3, START + 2 * DAY, 7 * MIN)).toEqual(twoDays);
  });

  it('emits only contract-valid statuses, in time order, about known probes', () => {
    const probeIds = new Set(estate.probes.map((p) => p.id));
    let last = START;
    for (const m of twoDays) {
      const at = m.type === 'status' ? m.observedAt : m.action.at;
      if (at < START) {
        // The cell's actions on problems older than the start (staff.ts handledBeforeStart): dated
        // back then, sent first, before anything that happens after the start.
        expect(m.type).toBe('action');
        expect(last).toBe(START);
        continue;
      }
      expect(at).toBeGreaterThanOrEqual(last);
      last = at;
      if (m.type === 'status') {
        expect(probeStatusSchema.safeParse(m.status).success).toBe(true);
        expect(m.status.lastCheck).toBeLessThanOrEqual(m.observedAt);
        expect(m.status.since).toBeLessThanOrEqual(m.observedAt);
      }
      expect(probeIds.has(m.type === 'status' ? m.status.probeId : m.action.probeId)).toBe(true);
    }
  });

  it('shows the behaviours the contract names: soft/hard, flapping, disks, cameras, access drops', () => {
    const statuses = twoDays.flatMap((m) => (m.type === 'status' ? [m.status] : []));
    const kindOf = new Map(estate.probes.map((p) => [p.id, p.kind]));
    const seen = (pred: (s: (typeof statuses)[number]) => boolean) => statuses.some(pred);
    expect(seen((s) => s.stateType === 'SOFT')).toBe(true);
    expect(seen((s) => s.stateType === 'HARD' && s.state === 'CRITICAL' && kindOf.get(s.probeId) === 'internet')).toBe(true);
    expect(seen((s) => s.camera === 'offline')).toBe(true);
    expect(seen((s) => /^DISK (OK|WARNING|CRITICAL) - free space: \/\S* \d+% .*\|/.test(s.output))).toBe(true);
    expect(seen((s) => s.state === 'UNKNOWN')).toBe(true);
    // Flapping: some probe changes state at least four times within two hours.
    const changes = new Map<string, number[]>();
    for (const m of twoDays) if (m.type === 'status') changes.set(m.status.probeId, [...(changes.get(m.status.probeId) ?? []), m.observedAt]);
    const flapping = [...changes.values()].some((times) => times.some((t, i) => (times[i + 3] ?? Infinity) - t <= 2 * 3_600_000));
    expect(flapping).toBe(true);
  });

  it('has support staff act only in covered hours, acknowledging before intervening', () => {
    const actions = twoDays.flatMap((m) => (m.type === 'action' ? [m.action] : []));
    expect(actions.filter((a) => a.type === 'acknowledge').length).toBeGreaterThan(5);
    expect(actions.filter((a) => a.type === 'start-intervention').length).toBeGreaterThan(5);
    for (const a of actions) {
      expect(hours.isCovered(a.at)).toBe(true);
      expect(a.by).toBe('cellule.support');
    }
    const acked = new Set<string>();
    for (const a of actions) {
      if (a.type === 'acknowledge') acked.add(a.probeId);
      else expect(acked.has(a.probeId)).toBe(true);
    }
  });
});

describe('initial state', () => {
  it('reports every probe checked, none pending, lastCheck no later than now', () => {
    const sim = createSimulation({ estate, seed: 3, start: START, hours });
    const statuses = currentStatuses(sim);
    expect(statuses).toHaveLength(estate.probes.length);
    for (const s of statuses) {
      expect(s.state).not.toBe('PENDING');
      expect(s.lastCheck).toBeLessThanOrEqual(START);
      expect(s.since).toBeLessThanOrEqual(s.lastCheck ?? 0);
    }
  });
});

describe('injectChange', () => {
  it('forces a HARD state now that holds against later checks, until OK hands it back', () => {
    const sim = createSimulation({ estate: tinyEstate(), seed: 1, start: START, hours: NEVER_COVERED, options: { activity: 0 } });
    advance(sim, START + 5 * MIN);
    const [forced] = injectChange(sim, 'host', 'CRITICAL', 'PING CRITICAL - Packet loss = 100%');
    expect(forced).toEqual({
      type: 'status',
      observedAt: START + 5 * MIN,
      status: expect.objectContaining({ probeId: 'host', state: 'CRITICAL', stateType: 'HARD', since: START + 5 * MIN, lastCheck: START + 5 * MIN }),
    });
    expect(advance(sim, START + DAY)).toEqual([]);
    const [released] = injectChange(sim, 'host', 'OK', 'PING OK');
    expect(released?.type === 'status' && released.status.state).toBe('OK');
  });

  it('refuses an unknown probe', () => {
    const sim = createSimulation({ estate: tinyEstate(), seed: 1, start: START, hours: NEVER_COVERED });
    expect(() => injectChange(sim, 'nope', 'OK', '')).toThrow(RangeError);
  });
});

describe('operator actions from Vigie', () => {
  it('records an acknowledgement and repairs a fault once an intervention starts', () => {
    const sim = createSimulation({ estate: tinyEstate(), seed: 1, start: START, hours: NEVER_COVERED, options: { activity: 0 } });
    const camera = sim.byId.get('camera');
    if (!camera) throw new Error('camera');
    const blurred = { name: 'camera-blurred', kinds: ['camera'], perProbePerDay: 0, state: 'WARNING', needsIntervention: 1, medianMinutes: 1, spread: 0 } as const;
    beginFault(sim, camera, blurred, null);
    advance(sim, START + 30 * MIN);
    expect(camera.status).toMatchObject({ state: 'WARNING', stateType: 'HARD', camera: 'blurred' });
    expect(advance(sim, START + DAY)).toEqual([]); // waits for an intervention
    const [ack] = applyOperatorAction(sim, { type: 'acknowledge', probeId: 'camera', at: sim.now, by: 'operateur' });
    expect(ack?.type === 'status' && ack.status.acknowledged).toBe(true);
    applyOperatorAction(sim, { type: 'start-intervention', probeId: 'camera', at: sim.now, by: 'operateur' });
    const after = advance(sim, START + 2 * DAY);
    expect(after.map((m) => m.type === 'status' && `${m.status.state} ${m.status.camera} ack:${m.status.acknowledged}`)).toEqual(['OK online ack:false']);
  });

  it('has simulated staff handle a problem at once when they are always at their desk', () => {
    const sim = createSimulation({ estate: tinyEstate(), seed: 1, start: START, hours: ALWAYS_COVERED, options: { activity: 0 } });
    injectChange(sim, 'host', 'CRITICAL', 'PING CRITICAL - Packet loss = 100%');
    const actions = advance(sim, START + DAY).flatMap((m) => (m.type === 'action' ? [m.action.type] : []));
    expect(actions).toEqual(['acknowledge', 'start-intervention']);
  });
});

describe('declared dependencies (Icinga 2 Dependency objects)', () => {
  const edges = estate.dependencies ?? [];
  const byId = new Map(estate.probes.map((p) => [p.id, p]));

  it('the estate declares each site’s cameras behind its first switch, without changing anything else', () => {
    expect(edges.length).toBeGreaterThan(10);
    for (const { parent, child } of edges) {
      expect(byId.get(parent)).toMatchObject({ kind: 'host', name: 'Ping commutateur' });
      expect(byId.get(child)?.kind).toBe('camera');
    }
    const { dependencies: _edges, ...rest } = generateEstate({ seed: 3, scale: 'small' });
    expect(rest.probes).toEqual(estate.probes);
  });

  it('a switch confirmed down takes its cameras down with it, and they come back with it', () => {
    const sim = createSimulation({ estate, seed: 3, start: START, hours, options: { activity: 0 } });
    advance(sim, START + 10 * MIN);
    const parent = edges[0]!.parent;
    const cameras = edges.filter((e) => e.parent === parent).map((e) => e.child);
    const stateOf = (id: string) => currentStatuses(sim).find((s) => s.probeId === id);
    expect(cameras.map((id) => stateOf(id)?.state)).toEqual(cameras.map(() => 'OK'));
    injectChange(sim, parent, 'CRITICAL', 'PING CRITICAL - Packet loss = 100%');
    advance(sim, START + 30 * MIN);
    for (const id of cameras) expect(stateOf(id)).toMatchObject({ state: 'CRITICAL', stateType: 'HARD', output: 'CAMERA CRITICAL - offline, no answer to ONVIF GetStatus' });
    // A camera of another site is untouched.
    const other = edges.find((e) => e.parent !== parent)!.child;
    expect(stateOf(other)?.state).toBe('OK');
    injectChange(sim, parent, 'OK', 'PING OK');
    advance(sim, START + 50 * MIN);
    for (const id of cameras) expect(stateOf(id)?.state).toBe('OK');
  });
});
