import { describe, expect, it } from 'vitest';
import type { Incident } from '../../../src/domain/model.ts';
import { gtiStatus } from '../../../src/domain/gti.ts';
import { reduceIncident, type ProbeRef } from '../../../src/domain/incidents.ts';
import { availabilityClass } from '../../../src/domain/sla-rules.ts';
import { advance, createSimulation, currentStatuses, type Simulation } from './engine.ts';
import { generateEstate } from './estate.ts';
import type { ScenarioName } from './scenarios.ts';
import type { SimMessage } from './sim-state.ts';
import { defaultStaffHours } from './staff-hours.ts';

const START = Date.UTC(2026, 2, 10, 8, 0); // Tuesday 10 March 2026, 9:00 in Metz
const MIN = 60_000;
const HOUR = 3_600_000;
const hours = defaultStaffHours(START);
const small = generateEstate({ seed: 5, scale: 'small' });

function simulate(scenario: ScenarioName, activity: number, estate = small): Simulation {
  return createSimulation({ estate, seed: 5, start: START, scenario, hours, options: { activity } });
}

const statuses = (messages: SimMessage[]) => messages.flatMap((m) => (m.type === 'status' ? [m] : []));

function probesOnSites(sim: Simulation, siteIds: readonly string[]) {
  const wanted = new Set(siteIds);
  return sim.probes.filter((p) => wanted.has(p.site.site.id));
}

describe('storm', () => {
  const sim = simulate('storm', 0);
  const plan = sim.scenario.storm;
  const messages = statuses(advance(sim, START + 4 * HOUR));

  it('cuts every site of one EPCI within seconds, then restores them', () => {
    if (!plan) throw new Error('no storm planned');
    const epciSites = sim.sites.filter((s) => s.epci === plan.epci).map((s) => s.site.id);
    expect(plan.siteIds.sort()).toEqual(epciSites.sort());
    expect(plan.siteIds.length).toBeGreaterThan(5);
    expect(plan.restoreAt - plan.cutAt).toBeGreaterThanOrEqual(40 * MIN);
  });

  it('takes down every access and inter-site link probe of those sites (HARD), then brings each back', () => {
    if (!plan) throw new Error('no storm planned');
    const access = probesOnSites(sim, plan.siteIds).filter((p) => p.probe.kind === 'internet' || p.probe.kind === 'link');
    expect(access.length).toBeGreaterThan(plan.siteIds.length);
    for (const p of access) {
      const own = messages.filter((m) => m.status.probeId === p.probe.id);
      const down = own.find((m) => m.status.state === 'CRITICAL' && m.status.stateType === 'HARD');
      expect(down?.observedAt).toBeGreaterThanOrEqual(plan.cutAt);
      expect(down?.observedAt).toBeLessThan(plan.cutAt + 5 * MIN);
      const up = own.find((m) => m.status.state === 'OK');
      expect(up?.observedAt).toBeGreaterThanOrEqual(plan.restoreAt);
      expect(own.at(-1)?.status.state).toBe('OK');
    }
  });

  it('leaves every other site alone and everything OK in the end', () => {
    if (!plan) throw new Error('no storm planned');
    const stormProbes = new Set(probesOnSites(sim, plan.siteIds).map((p) => p.probe.id));
    // Elsewhere only the disks already short of space at start change (staff acknowledge and clean them).
    const diskProbes = new Set(sim.probes.filter((p) => p.probe.kind === 'disk').map((p) => p.probe.id));
    expect(messages.every((m) => stormProbes.has(m.status.probeId) || diskProbes.has(m.status.probeId))).toBe(true);
    const stormStatuses = currentStatuses(sim).filter((s) => stormProbes.has(s.probeId));
    expect(stormStatuses.every((s) => s.state === 'OK' || /^DISK/.test(s.output))).toBe(true);
  });

  it('produces thousands of changes within the hour at the moselle scale', () => {
    const moselle = generateEstate({ seed: 5, scale: 'moselle' });
    const t0 = performance.now();
    const big = simulate('storm', 1, moselle);
    const firstHour = advance(big, START + HOUR).length;
    console.log(`moselle storm over ${big.scenario.storm?.epci} (${big.scenario.storm?.siteIds.length} sites): ${firstHour} messages in the first hour, simulated in ${(performance.now() - t0).toFixed(0)} ms`);
    expect(firstHour).toBeGreaterThan(2_000);
  });
});

describe('maintenance', () => {
  const sim = simulate('maintenance', 0);
  const plan = sim.scenario.maintenance;
  const messages = advance(sim, START + 4 * HOUR);

  it('flags the sites in downtime, lets them go CRITICAL inside it — counted as maintenance — and recover before it ends', () => {
    if (!plan) throw new Error('no maintenance planned');
    const probes = probesOnSites(sim, plan.siteIds);
    expect(probes.length).toBeGreaterThan(0);
    const ids = new Set(probes.map((p) => p.probe.id));
    const inside = statuses(messages).filter((m) => ids.has(m.status.probeId) && m.observedAt > plan.from && m.observedAt < plan.to);
    const critical = inside.filter((m) => m.status.state === 'CRITICAL');
    expect(critical.length).toBeGreaterThan(0);
    for (const m of inside) {
      expect(m.status.inDowntime).toBe(true);
      if (m.status.state === 'CRITICAL') expect(availabilityClass(m.status.state, m.status.inDowntime)).toBe('maintenance');
    }
    for (const p of probes) expect(p.status).toMatchObject({ inDowntime: false, state: p.probe.kind === 'disk' ? expect.any(String) : 'OK' });
    const entering = statuses(messages).filter((m) => m.observedAt === plan.from);
    expect(new Set(entering.map((m) => m.status.probeId))).toEqual(new Set(probes.map((p) => p.probe.id)));
  });

  it('has the support staff leave planned work alone', () => {
    if (!plan) throw new Error('no maintenance planned');
    const ids = new Set(probesOnSites(sim, plan.siteIds).map((p) => p.probe.id));
    expect(messages.filter((m) => m.type === 'action' && ids.has(m.action.probeId))).toEqual([]);
    expect(statuses(messages).filter((m) => ids.has(m.status.probeId) && m.status.acknowledged)).toEqual([]);
  });
});

describe('gti-breach', () => {
  it('yields exactly one breached incident — the neglected one — while staff intervene on the others', () => {
    const sim = simulate('gti-breach', 1);
    const plan = sim.scenario.gtiBreach;
    if (!plan) throw new Error('no breach planned');
    const refs = new Map(sim.probes.map((p): [string, ProbeRef] => [p.probe.id, { probeId: p.probe.id, siteId: p.site.site.id, collectiviteId: p.site.site.collectiviteId }]));
    const latest = new Map<string, Incident>();
    const all = new Map<string, Incident>();
    const apply = (probeId: string, event: Parameters<typeof reduceIncident>[2]) => {
      const { incident } = reduceIncident(latest.get(probeId), refs.get(probeId) as ProbeRef, event);
      if (!incident) return;
      latest.set(probeId, incident);
      all.set(incident.id, incident);
    };
    // Opened at the problem's start, as the gateway does: the cell's actions on the older ones are dated back then.
    for (const s of currentStatuses(sim)) apply(s.probeId, { type: 'status', at: START, since: s.since, state: s.state, stateType: s.stateType });
    const horizon = START + 3 * 24 * HOUR;
    for (const m of advance(sim, horizon)) {
      if (m.type === 'status') apply(m.status.probeId, { type: 'status', at: m.observedAt, state: m.status.state, stateType: m.status.stateType });
      else if (m.action.type === 'start-intervention') apply(m.action.probeId, { type: 'start-intervention', at: m.action.at, by: m.action.by });
      else apply(m.action.probeId, { type: m.action.type, at: m.action.at, by: m.action.by, comment: m.action.comment ?? '' });
    }
    const incidents = [...all.values()];
    const breached = incidents.filter((i) => gtiStatus(i, horizon, hours).status === 'breached');
    expect(incidents.filter((i) => i.interventionAt !== undefined).length).toBeGreaterThan(10);
    expect(breached.map((i) => i.probeId)).toEqual([plan.probeId]);
    expect(breached[0]?.interventionAt).toBeUndefined();
  });
});
