// Probe checks and the Nagios soft/hard state machine. A probe is only checked while something
// about it may change (a fault started or ended, a soft state awaits confirmation, a disk is
// filling), at its own phase-aligned slots: 50,000 healthy probes cost nothing.
import type { Instant, ProbeStatus } from '../../../src/domain/model.ts';
import { isProblem } from '../../../src/domain/model.ts';
import { failedResult, healthyResult, unreachableResult, type CheckResult } from './check-result.ts';
import { diskResult } from './disk-model.ts';
import { emitStatus, schedule, type ProbeRuntime, type SimState } from './sim-state.ts';

/** What a check of `p` would find at `t`, from the strongest cause to the weakest. */
export function observe(p: ProbeRuntime, t: Instant): CheckResult {
  if (p.pinned) return p.pinned;
  if (p.site.outages > 0) return unreachableResult(p.probe);
  if (p.site.linkCuts > 0) return unreachableResult(p.probe, 'link');
  // A declared parent down (a camera's switch): the child does not answer either.
  if (p.parents.some((q) => isDown(q.status))) return failedResult(p.probe);
  if (p.fault) return p.fault.result;
  if (p.disk) return diskResult(p.disk, t);
  return healthyResult(p.probe);
}

/** The first check slot of `p` strictly after `t`. */
export function nextSlot(p: ProbeRuntime, t: Instant): Instant {
  const interval = p.probe.interval * 1000;
  return p.phaseMs + (Math.floor((t - p.phaseMs) / interval) + 1) * interval;
}

/** The last check slot of `p` at or before `t`. */
export function lastSlot(p: ProbeRuntime, t: Instant): Instant {
  const interval = p.probe.interval * 1000;
  return p.phaseMs + Math.floor((t - p.phaseMs) / interval) * interval;
}

/** Something about `p` changed: make sure a check runs at its next slot (or sooner if one is due). */
export function wake(sim: SimState, p: ProbeRuntime): void {
  scheduleCheck(sim, p, nextSlot(p, sim.now));
}

function scheduleCheck(sim: SimState, p: ProbeRuntime, at: Instant): void {
  if (p.nextCheckAt !== null && p.nextCheckAt <= at) return;
  p.nextCheckAt = at;
  schedule(sim, at, () => {
    if (p.nextCheckAt !== at) return; // superseded by an earlier check
    p.nextCheckAt = null;
    runCheck(sim, p, at);
  });
}

/** Apply one check result with soft/hard semantics; emit the status if anything visible changed. */
export function runCheck(sim: SimState, p: ProbeRuntime, t: Instant): void {
  const result = observe(p, t);
  const before = p.status;
  const wasHardProblem = before.stateType === 'HARD' && before.state !== 'OK';
  let stateType: ProbeStatus['stateType'] = 'HARD';
  if (result.state === 'OK') {
    p.attempt = 0;
    if (before.state !== 'OK') p.intervened = false;
  } else {
    p.attempt = before.state === 'OK' ? 1 : p.attempt + 1;
    stateType = wasHardProblem || p.attempt >= sim.options.maxAttempts ? 'HARD' : 'SOFT';
    if (stateType === 'SOFT') scheduleCheck(sim, p, t + sim.options.retryInterval * 1000);
  }
  const stateChanged = result.state !== before.state;
  const next: ProbeStatus = {
    probeId: before.probeId,
    state: result.state,
    stateType,
    output: result.output,
    lastCheck: t,
    since: stateChanged ? t : before.since,
    // A non-sticky acknowledgement ends with the state it acknowledged (Nagios' default).
    acknowledged: stateChanged ? false : before.acknowledged,
    inDowntime: before.inDowntime,
  };
  if (result.camera) next.camera = result.camera;
  p.status = next;
  if (!visiblyDifferent(before, next)) return;
  emitStatus(sim, p, t);
  if (isDown(before) !== isDown(next)) for (const child of p.children) wake(sim, child);
  const becameHardProblem = stateType === 'HARD' && isProblem(next.state) && (stateChanged || before.stateType === 'SOFT');
  if (becameHardProblem) sim.hooks.hardProblem(sim, p);
}

/** A parent its children cannot work through: confirmed (HARD) CRITICAL. */
export function isDown(status: ProbeStatus): boolean {
  return status.state === 'CRITICAL' && status.stateType === 'HARD';
}

function visiblyDifferent(a: ProbeStatus, b: ProbeStatus): boolean {
  return a.state !== b.state || a.stateType !== b.stateType || a.output !== b.output || a.camera !== b.camera || a.acknowledged !== b.acknowledged;
}

/** Enter or leave a planned downtime on a site: every probe there reports the flag. */
export function setSiteDowntime(sim: SimState, siteIndex: number, delta: 1 | -1): void {
  const site = sim.sites[siteIndex];
  if (!site) return;
  site.downtimes += delta;
  const inDowntime = site.downtimes > 0;
  for (const p of site.probes) {
    if (p.status.inDowntime === inDowntime) continue;
    p.status = { ...p.status, inDowntime };
    emitStatus(sim, p, sim.now);
  }
}
