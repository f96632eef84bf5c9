// The simulator's whole mutable state and the messages it emits. Everything the engine does is a
// function of this state, the simulated time and its seeded PRNG — no timers, no wall clock.
import type { Instant, Probe, ProbeStatus, Site } from '../../../src/domain/model.ts';
import type { SourceAction } from '../../../src/protocol/source.ts';
import type { Estate } from '../../../src/protocol/schemas.ts';
import type { CheckResult } from './check-result.ts';
import type { DiskModel } from './disk-model.ts';
import type { EventQueue } from './event-queue.ts';
import type { Prng } from './prng.ts';

export type SimMessage = { type: 'status'; status: ProbeStatus; observedAt: Instant } | { type: 'action'; action: SourceAction };

/** The support cell's working hours (the domain's CoveredHours satisfies this). */
export interface StaffHours {
  isCovered(t: Instant): boolean;
  nextCoveredInstant(t: Instant): Instant;
}

export interface ActiveFault {
  name: string;
  result: CheckResult;
  /** Lasts until an intervention starts and the repair that follows is done. */
  awaitingIntervention: boolean;
}

export interface SiteRuntime {
  readonly site: Site;
  /** Name of the collectivité's EPCI ('' when none). */
  readonly epci: string;
  readonly probes: ProbeRuntime[];
  /** Causes currently cutting the site off (an Internet drop, a fibre cut, maintenance work…). */
  outages: number;
  /** Its inter-site link is down: the site is reached through it, so nothing else there answers. */
  linkCuts: number;
  /** Planned downtimes currently covering the site. */
  downtimes: number;
}

export interface ProbeRuntime {
  readonly probe: Probe;
  readonly site: SiteRuntime;
  /** Offset of this probe's check slots, so checks spread over the interval. */
  readonly phaseMs: number;
  status: ProbeStatus;
  /** Consecutive failed checks (Nagios current_attempt). */
  attempt: number;
  fault: ActiveFault | null;
  /** A forced condition (tests, the gti-breach scenario) that beats every other cause. */
  pinned: CheckResult | null;
  disk: DiskModel | null;
  nextCheckAt: Instant | null;
  /** Support staff never act on it (the gti-breach scenario). */
  neglected: boolean;
  /** An intervention has started on the current problem. */
  intervened: boolean;
  /** Waiting in the support staff's queue. */
  queued: boolean;
  /** Declared parents (estate.dependencies): while one is down (HARD CRITICAL), this probe fails too. */
  parents: ProbeRuntime[];
  /** Declared children: checked again whenever this probe's state changes. */
  children: ProbeRuntime[];
}

export interface SimOptions {
  /** Failed checks before a problem becomes HARD (Nagios max_check_attempts). */
  maxAttempts: number;
  /** Seconds between re-checks while SOFT (Nagios retry_interval). */
  retryInterval: number;
  /** Multiplies every background fault rate (0 = no background faults). */
  activity: number;
  /** Logins the simulated support staff act under, one desk each (default: one desk per 8,000 probes, at least two). */
  staff?: readonly string[];
}

export const DEFAULT_SIM_OPTIONS: SimOptions = { maxAttempts: 3, retryInterval: 60, activity: 1 };
export const STAFF_LOGIN = 'cellule.support';
const PROBES_PER_DESK = 8_000;

export function defaultStaff(probeCount: number): string[] {
  return Array.from({ length: Math.max(2, Math.ceil(probeCount / PROBES_PER_DESK)) }, () => STAFF_LOGIN);
}

export interface SimState {
  readonly estate: Estate;
  readonly options: SimOptions;
  readonly prng: Prng;
  readonly queue: EventQueue;
  readonly probes: ProbeRuntime[];
  readonly byId: Map<string, ProbeRuntime>;
  readonly sites: SiteRuntime[];
  readonly hours: StaffHours;
  /** Simulated time reached so far. */
  now: Instant;
  /** Messages produced since the last drain. */
  out: SimMessage[];
  staff: { waiting: ProbeRuntime[]; idleDesks: number[] };
  /** Called when a probe enters a HARD problem state (wired to the support staff). */
  hooks: { hardProblem(sim: SimState, p: ProbeRuntime): void };
}

export function schedule(sim: SimState, at: Instant, run: () => void): void {
  sim.queue.push(Math.max(at, sim.now), run);
}

export function emitStatus(sim: SimState, p: ProbeRuntime, observedAt: Instant): void {
  sim.out.push({ type: 'status', status: { ...p.status }, observedAt });
}

export function emitAction(sim: SimState, action: SourceAction): void {
  sim.out.push({ type: 'action', action });
}
