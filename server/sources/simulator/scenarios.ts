// Named scenarios layered on the calm background: a fibre cut over one EPCI, a planned maintenance,
// and an incident nobody acts on. Each picks its targets with the seeded PRNG and schedules events.
import type { Instant } from '../../../src/domain/model.ts';
import { failedResult } from './check-result.ts';
import { setSiteDowntime, wake } from './checks.ts';
import { cutSite } from './faults.ts';
import { schedule, type SimState, type SiteRuntime } from './sim-state.ts';

export const SCENARIOS = ['calm', 'storm', 'maintenance', 'gti-breach'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

const MINUTE_MS = 60_000;

export interface ScenarioPlan {
  name: ScenarioName;
  /** storm: every site of one EPCI loses its access within seconds, then comes back. */
  storm?: { epci: string; siteIds: string[]; cutAt: Instant; restoreAt: Instant; restoredBy: Instant };
  /** maintenance: planned downtime on a few sites, with the sites cut off during the work. */
  maintenance?: { collectiviteId: string; siteIds: string[]; from: Instant; to: Instant; workFrom: Instant; workTo: Instant };
  /** gti-breach: a camera goes offline and nobody ever intervenes. */
  gtiBreach?: { probeId: string; at: Instant };
}

export function planScenario(sim: SimState, name: ScenarioName, start: Instant): ScenarioPlan {
  switch (name) {
    case 'calm':
      return { name };
    case 'storm':
      return { name, storm: planStorm(sim, start) };
    case 'maintenance':
      return { name, maintenance: planMaintenance(sim, start) };
    case 'gti-breach':
      return { name, gtiBreach: planGtiBreach(sim, start) };
  }
}

function planStorm(sim: SimState, start: Instant): NonNullable<ScenarioPlan['storm']> {
  const byEpci = new Map<string, SiteRuntime[]>();
  for (const s of sim.sites) if (s.epci) byEpci.set(s.epci, [...(byEpci.get(s.epci) ?? []), s]);
  const largest = [...byEpci].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).slice(0, 3);
  const [epci, sites] = sim.prng.pick(largest);
  const cutAt = start + 5 * MINUTE_MS;
  const restoreAt = cutAt + Math.round(sim.prng.between(40, 75) * MINUTE_MS);
  let restoredBy = restoreAt;
  for (const site of sites) {
    schedule(sim, cutAt + Math.round(sim.prng.between(0, 20_000)), () => cutSite(sim, site, 1));
    const back = restoreAt + Math.round(sim.prng.between(0, 4 * MINUTE_MS));
    restoredBy = Math.max(restoredBy, back);
    schedule(sim, back, () => cutSite(sim, site, -1));
  }
  return { epci, siteIds: sites.map((s) => s.site.id), cutAt, restoreAt, restoredBy };
}

function planMaintenance(sim: SimState, start: Instant): NonNullable<ScenarioPlan['maintenance']> {
  const byCollectivite = new Map<string, number[]>();
  sim.sites.forEach((s, i) => byCollectivite.set(s.site.collectiviteId, [...(byCollectivite.get(s.site.collectiviteId) ?? []), i]));
  const candidates = [...byCollectivite].filter(([, sites]) => sites.length >= 2);
  const [collectiviteId, siteIndexes] = sim.prng.pick(candidates.length > 0 ? candidates : [...byCollectivite]);
  const chosen = siteIndexes.slice(0, 4);
  const from = start + 10 * MINUTE_MS;
  const to = from + 120 * MINUTE_MS;
  const workFrom = from + 15 * MINUTE_MS;
  const workTo = workFrom + 60 * MINUTE_MS;
  for (const i of chosen) {
    const site = sim.sites[i] as SiteRuntime;
    schedule(sim, from, () => setSiteDowntime(sim, i, 1));
    schedule(sim, workFrom, () => cutSite(sim, site, 1));
    schedule(sim, workTo, () => cutSite(sim, site, -1));
    schedule(sim, to, () => setSiteDowntime(sim, i, -1));
  }
  return { collectiviteId, siteIds: chosen.map((i) => (sim.sites[i] as SiteRuntime).site.id), from, to, workFrom, workTo };
}

function planGtiBreach(sim: SimState, start: Instant): NonNullable<ScenarioPlan['gtiBreach']> {
  const cameras = sim.probes.filter((p) => p.probe.kind === 'camera');
  const atTownHall = cameras.filter((p) => p.site.site.kind === 'mairie');
  const p = sim.prng.pick(atTownHall.length > 0 ? atTownHall : cameras.length > 0 ? cameras : sim.probes);
  const at = start + 2 * MINUTE_MS;
  p.neglected = true;
  schedule(sim, at, () => {
    p.fault = { name: 'camera-offline', result: failedResult(p.probe, 'CRITICAL'), awaitingIntervention: true };
    wake(sim, p);
  });
  return { probeId: p.probe.id, at };
}
