// The simulator's pure core: build the runtime from an estate, then `advance` it to any simulated
// instant and collect the contract messages produced on the way. Steppable and deterministic:
// advancing in one step or in many yields the same messages, with no timers involved.
import type { Instant, ProbeState, ProbeStatus } from '../../../src/domain/model.ts';
import { isProblem } from '../../../src/domain/model.ts';
import type { SourceAction } from '../../../src/protocol/source.ts';
import type { Estate } from '../../../src/protocol/schemas.ts';
import { probeFigure, type CheckResult } from './check-result.ts';
import { isDown, lastSlot, observe, wake } from './checks.ts';
import { createDiskModel } from './disk-model.ts';
import { EventQueue } from './event-queue.ts';
import { repairAfterIntervention, startBackgroundFaults } from './faults.ts';
import { createPrng, deriveSeed } from './prng.ts';
import { planScenario, type ScenarioName, type ScenarioPlan } from './scenarios.ts';
import { DEFAULT_SIM_OPTIONS, defaultStaff, emitStatus, type ProbeRuntime, type SimMessage, type SimOptions, type SimState, type SiteRuntime, type StaffHours } from './sim-state.ts';
import { handledBeforeStart, notifyStaff } from './staff.ts';

export interface SimulationConfig {
  estate: Estate;
  seed: number;
  start: Instant;
  scenario?: ScenarioName;
  hours: StaffHours;
  options?: Partial<SimOptions>;
}

export type Simulation = SimState & { readonly scenario: ScenarioPlan };

const DAY_MS = 86_400_000;

export function createSimulation(config: SimulationConfig): Simulation {
  const { estate, seed, start } = config;
  const options: SimOptions = { ...DEFAULT_SIM_OPTIONS, ...config.options };
  options.staff ??= defaultStaff(estate.probes.length);
  const prng = createPrng(deriveSeed(seed, 'simulation'));
  const diskPrng = createPrng(deriveSeed(seed, 'disks'));
  const epciOf = new Map(estate.collectivites.map((c) => [c.id, c.epci ?? '']));
  const sites: SiteRuntime[] = estate.sites.map((site) => ({ site, epci: epciOf.get(site.collectiviteId) ?? '', probes: [], outages: 0, linkCuts: 0, downtimes: 0 }));
  const siteById = new Map(sites.map((s) => [s.site.id, s]));
  const siteOfEquipment = new Map(estate.equipment.map((e) => [e.id, siteById.get(e.siteId)]));
  const probes: ProbeRuntime[] = estate.probes.map((probe) => {
    const site = siteOfEquipment.get(probe.equipmentId);
    if (!site) throw new Error(`probe ${probe.id}: equipment ${probe.equipmentId} is not on a known site`);
    const p: ProbeRuntime = {
      probe,
      site,
      phaseMs: Math.floor(probeFigure(probe.id, 'phase') * probe.interval * 1000),
      status: { probeId: probe.id, state: 'PENDING', stateType: 'HARD', output: '', lastCheck: null, since: start, acknowledged: false, inDowntime: false },
      attempt: 0,
      fault: null,
      pinned: null,
      disk: probe.kind === 'disk' ? createDiskModel(probe, diskPrng, start) : null,
      nextCheckAt: null,
      neglected: false,
      intervened: false,
      queued: false,
      parents: [],
      children: [],
    };
    site.probes.push(p);
    return p;
  });
  const runtimeOf = new Map(probes.map((p) => [p.probe.id, p]));
  for (const { parent, child } of estate.dependencies ?? []) {
    const [up, down] = [runtimeOf.get(parent), runtimeOf.get(child)];
    if (up && down && up !== down) {
      down.parents.push(up);
      up.children.push(down);
    }
  }
  const staffDesks = options.staff.map((_, i) => i);
  const state: SimState = {
    estate,
    options,
    prng,
    queue: new EventQueue(),
    probes,
    byId: runtimeOf,
    sites,
    hours: config.hours,
    now: start,
    out: [],
    staff: { waiting: [], idleDesks: staffDesks },
    hooks: { hardProblem: notifyStaff },
  };
  for (const p of probes) initialStatus(state, p);
  const scenario = planScenario(state, config.scenario ?? 'calm', start);
  startBackgroundFaults(state);
  // Problems already present at start (a nearly full disk) had the support staff on them already;
  // one too recent for that waits for them like any new problem.
  for (const p of probes) if (isProblem(p.status.state) && !handledBeforeStart(state, p)) notifyStaff(state, p);
  state.out = [];
  return Object.assign(state, { scenario });
}

/** Each probe starts in the state its condition gives, as if it had been running for a while. */
function initialStatus(sim: SimState, p: ProbeRuntime): void {
  const result = observe(p, sim.now);
  const checked = lastSlot(p, sim.now);
  const since = checked - Math.floor(sim.prng.between(1 / 24, 30) * DAY_MS);
  p.status = toStatus(p.probe.id, result, 'HARD', checked, since, false);
}

function toStatus(probeId: string, r: CheckResult, stateType: ProbeStatus['stateType'], lastCheck: Instant, since: Instant, inDowntime: boolean): ProbeStatus {
  const status: ProbeStatus = { probeId, state: r.state, stateType, output: r.output, lastCheck, since, acknowledged: false, inDowntime };
  if (r.camera) status.camera = r.camera;
  return status;
}

/** Run every event up to and including `to`; returns the messages produced, in order. */
export function advance(sim: SimState, to: Instant): SimMessage[] {
  for (let at = sim.queue.peekTime(); at !== undefined && at <= to; at = sim.queue.peekTime()) {
    const entry = sim.queue.pop();
    if (!entry) break;
    sim.now = Math.max(sim.now, entry.at);
    entry.run();
  }
  sim.now = Math.max(sim.now, to);
  return drain(sim);
}

export function drain(sim: SimState): SimMessage[] {
  const out = sim.out;
  sim.out = [];
  return out;
}

/** Every probe's current status, with lastCheck brought up to its latest check slot. */
export function currentStatuses(sim: SimState): ProbeStatus[] {
  return sim.probes.map((p) => ({ ...p.status, lastCheck: Math.max(p.status.lastCheck ?? 0, lastSlot(p, sim.now)) }));
}

export interface InjectOptions {
  /** Report the state as HARD right away (default) instead of going through soft checks. */
  immediate?: boolean;
}

/**
 * Force a probe into a state now (tests, benchmarks, demos). The condition sticks until another
 * injection; injecting 'OK' hands the probe back to the simulation. Returns the messages produced.
 */
export function injectChange(sim: SimState, probeId: string, state: ProbeState, output: string, options: InjectOptions = {}): SimMessage[] {
  const p = sim.byId.get(probeId);
  if (!p) throw new RangeError(`unknown probe ${probeId}`);
  p.pinned = state === 'OK' ? null : { state, output };
  const result = p.pinned ?? { state, output };
  if (options.immediate === false) {
    wake(sim, p);
    return drain(sim);
  }
  const changed = result.state !== p.status.state;
  const before = p.status;
  p.attempt = state === 'OK' ? 0 : sim.options.maxAttempts;
  p.status = toStatus(probeId, result, 'HARD', sim.now, changed ? sim.now : p.status.since, p.status.inDowntime);
  emitStatus(sim, p, sim.now);
  if (isDown(before) !== isDown(p.status)) for (const child of p.children) wake(sim, child);
  if (isProblem(state) && changed) notifyStaff(sim, p);
  return drain(sim);
}

/** An operator acted in Vigie: the engine records the acknowledgement, or gets the repair going. */
export function applyOperatorAction(sim: SimState, action: SourceAction): SimMessage[] {
  const p = sim.byId.get(action.probeId);
  if (!p) throw new RangeError(`unknown probe ${action.probeId}`);
  if (action.type === 'acknowledge' && isProblem(p.status.state) && !p.status.acknowledged) {
    p.status = { ...p.status, acknowledged: true };
    emitStatus(sim, p, sim.now);
  } else if (action.type === 'start-intervention' && !p.intervened && p.status.state !== 'OK') {
    p.intervened = true;
    repairAfterIntervention(sim, p);
  }
  return drain(sim);
}
