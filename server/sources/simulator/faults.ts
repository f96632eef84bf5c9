// Background faults: each kind of trouble arrives as a Poisson process over the probes it can hit
// (one draw per arrival, however big the estate), then heals by itself or waits for an intervention.
import type { ProbeKind } from '../../../src/domain/model.ts';
import { failedResult, healthyResult } from './check-result.ts';
import { wake } from './checks.ts';
import { cleanUp, nextDiskStep } from './disk-model.ts';
import { schedule, type ActiveFault, type ProbeRuntime, type SimState, type SiteRuntime } from './sim-state.ts';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export interface FaultType {
  name: string;
  kinds: readonly ProbeKind[];
  /** Expected occurrences per probe per day at activity 1. */
  perProbePerDay: number;
  state: 'WARNING' | 'CRITICAL';
  /** Probability that it lasts until an intervention (else it heals by itself). */
  needsIntervention: number;
  medianMinutes: number;
  /** σ of the log-normal duration. */
  spread: number;
  /** The site's access goes down ('access'), or its inter-site link ('link'): everything behind it becomes unreachable. */
  siteWide?: 'access' | 'link';
  /** Comes and goes every few minutes while it lasts. */
  flapping?: boolean;
}

const ALL_BUT_DISK: readonly ProbeKind[] = ['internet', 'link', 'host', 'http', 'camera', 'service'];

export const FAULT_TYPES: readonly FaultType[] = [
  // Short blips: usually caught by one or two checks, so they stay SOFT and recover.
  { name: 'blip', kinds: ALL_BUT_DISK, perProbePerDay: 1 / 25, state: 'CRITICAL', needsIntervention: 0, medianMinutes: 1, spread: 0.3 },
  { name: 'flapping', kinds: ['host', 'camera', 'link', 'http'], perProbePerDay: 1 / 800, state: 'CRITICAL', needsIntervention: 0, medianMinutes: 30, spread: 0.5, flapping: true },
  { name: 'internet-drop', kinds: ['internet'], perProbePerDay: 1 / 200, state: 'CRITICAL', needsIntervention: 0.25, medianMinutes: 20, spread: 1, siteWide: 'access' },
  { name: 'link-cut', kinds: ['link'], perProbePerDay: 1 / 300, state: 'CRITICAL', needsIntervention: 0.5, medianMinutes: 40, spread: 0.8, siteWide: 'link' },
  { name: 'host-down', kinds: ['host'], perProbePerDay: 1 / 400, state: 'CRITICAL', needsIntervention: 0.4, medianMinutes: 12, spread: 0.8 },
  { name: 'http-slow', kinds: ['http'], perProbePerDay: 1 / 90, state: 'WARNING', needsIntervention: 0, medianMinutes: 10, spread: 0.7 },
  { name: 'http-down', kinds: ['http'], perProbePerDay: 1 / 150, state: 'CRITICAL', needsIntervention: 0.5, medianMinutes: 15, spread: 0.8 },
  { name: 'service-stopped', kinds: ['service'], perProbePerDay: 1 / 120, state: 'CRITICAL', needsIntervention: 0.7, medianMinutes: 20, spread: 0.8 },
  { name: 'camera-offline', kinds: ['camera'], perProbePerDay: 1 / 500, state: 'CRITICAL', needsIntervention: 0.5, medianMinutes: 30, spread: 0.8 },
  { name: 'camera-blurred', kinds: ['camera'], perProbePerDay: 1 / 800, state: 'WARNING', needsIntervention: 1, medianMinutes: 60, spread: 0.5 },
];

export function startBackgroundFaults(sim: SimState): void {
  if (sim.options.activity <= 0) return;
  for (const type of FAULT_TYPES) {
    const candidates = sim.probes.filter((p) => type.kinds.includes(p.probe.kind));
    if (candidates.length > 0) scheduleArrival(sim, type, candidates);
  }
  for (const p of sim.probes) if (p.disk && p.disk.fillPerDay > 0) scheduleDiskStep(sim, p);
}

function scheduleArrival(sim: SimState, type: FaultType, candidates: ProbeRuntime[]): void {
  const meanMs = DAY_MS / (type.perProbePerDay * candidates.length * sim.options.activity);
  schedule(sim, sim.now + Math.max(1, Math.round(sim.prng.exponential(meanMs))), () => {
    const p = sim.prng.pick(candidates);
    const awaitingIntervention = sim.prng.chance(type.needsIntervention);
    const minutes = sim.prng.logNormal(type.medianMinutes, type.spread);
    if (!p.fault && !p.pinned && p.site.downtimes === 0) beginFault(sim, p, type, awaitingIntervention ? null : minutes * MINUTE_MS);
    scheduleArrival(sim, type, candidates);
  });
}

/** Start a fault on `p`; it ends after `durationMs`, or waits for an intervention when null. */
export function beginFault(sim: SimState, p: ProbeRuntime, type: FaultType, durationMs: number | null): void {
  const fault: ActiveFault = { name: type.name, result: failedResult(p.probe, type.state), awaitingIntervention: durationMs === null };
  p.fault = fault;
  if (type.siteWide === 'link') cutLink(sim, p.site, 1);
  else if (type.siteWide) cutSite(sim, p.site, 1);
  else wake(sim, p);
  if (type.flapping) scheduleFlap(sim, p, fault, true);
  if (durationMs !== null) schedule(sim, sim.now + Math.max(20_000, Math.round(durationMs)), () => endFault(sim, p, fault, type));
}

export function endFault(sim: SimState, p: ProbeRuntime, fault: ActiveFault, type: Pick<FaultType, 'siteWide'>): void {
  if (p.fault !== fault) return;
  p.fault = null;
  if (type.siteWide === 'link') cutLink(sim, p.site, -1);
  else if (type.siteWide) cutSite(sim, p.site, -1);
  else wake(sim, p);
}

/** A site loses (+1) or regains (−1) its access: every probe there sees it at its next check. */
export function cutSite(sim: SimState, site: SiteRuntime, delta: 1 | -1): void {
  site.outages = Math.max(0, site.outages + delta);
  for (const q of site.probes) wake(sim, q);
}

/** A site's inter-site link goes down (+1) or comes back (−1): the site behind it goes dark with it. */
export function cutLink(sim: SimState, site: SiteRuntime, delta: 1 | -1): void {
  site.linkCuts = Math.max(0, site.linkCuts + delta);
  for (const q of site.probes) wake(sim, q);
}

function scheduleFlap(sim: SimState, p: ProbeRuntime, fault: ActiveFault, failing: boolean): void {
  schedule(sim, sim.now + Math.round(sim.prng.between(40_000, 240_000)), () => {
    if (p.fault !== fault) return;
    fault.result = failing ? healthyResult(p.probe) : failedResult(p.probe);
    wake(sim, p);
    scheduleFlap(sim, p, fault, !failing);
  });
}

function scheduleDiskStep(sim: SimState, p: ProbeRuntime): void {
  const disk = p.disk;
  const at = disk ? nextDiskStep(disk, sim.now) : null;
  if (!disk || at === null) return;
  const t0 = disk.t0;
  schedule(sim, at, () => {
    if (disk.t0 !== t0) return; // cleaned up since: a new chain runs
    wake(sim, p);
    scheduleDiskStep(sim, p);
  });
}

/** An intervention started on `p`: whatever waited for one gets fixed a little later. */
export function repairAfterIntervention(sim: SimState, p: ProbeRuntime): void {
  const fault = p.fault;
  if (fault?.awaitingIntervention) {
    const siteWide = FAULT_TYPES.find((t) => t.name === fault.name)?.siteWide;
    schedule(sim, sim.now + Math.round(sim.prng.logNormal(40, 0.6) * MINUTE_MS), () => endFault(sim, p, fault, { siteWide }));
  } else if (p.disk && p.status.state !== 'OK') {
    const disk = p.disk;
    schedule(sim, sim.now + Math.round(sim.prng.logNormal(30, 0.5) * MINUTE_MS), () => {
      cleanUp(disk, sim.now, sim.prng);
      wake(sim, p);
      scheduleDiskStep(sim, p);
    });
  }
}
