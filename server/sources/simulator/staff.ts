// The support cell, simulated: during covered hours each desk takes the oldest problem waiting,
// acknowledges it (and the other problems of the same site at once, as an operator would in a
// storm), then starts an intervention a little later. Never on a neglected problem.
import type { Instant, ProbeKind } from '../../../src/domain/model.ts';
import { isProblem } from '../../../src/domain/model.ts';
import { repairAfterIntervention } from './faults.ts';
import { emitAction, emitStatus, schedule, STAFF_LOGIN, type ProbeRuntime, type SimState } from './sim-state.ts';

const MINUTE_MS = 60_000;

const INTERVENTION_COMMENTS: Partial<Record<ProbeKind, string>> = {
  camera: 'Technicien envoyé sur site (caméra)',
  disk: 'Purge des anciens fichiers à distance',
  internet: "Ticket ouvert auprès de l'opérateur, technicien en route",
  link: 'Vérification du lien inter-site, technicien en route',
};

/** Still a HARD problem someone should act on? */
function needsAttention(p: ProbeRuntime): boolean {
  return p.status.stateType === 'HARD' && isProblem(p.status.state) && !p.status.inDowntime && !p.neglected;
}

/** The engine's hook: a probe entered a HARD problem state. */
export function notifyStaff(sim: SimState, p: ProbeRuntime): void {
  if (p.queued || !needsAttention(p)) return;
  p.queued = true;
  sim.staff.waiting.push(p);
  while (sim.staff.idleDesks.length > 0 && sim.staff.waiting.length > 0) {
    const desk = sim.staff.idleDesks.shift() as number;
    schedule(sim, coveredFrom(sim, sim.now), () => deskTurn(sim, desk));
  }
}

function coveredFrom(sim: SimState, t: Instant): Instant {
  return sim.hours.nextCoveredInstant(t);
}

/** One desk takes the next problem that still needs attention, or goes idle. */
function deskTurn(sim: SimState, desk: number): void {
  let p: ProbeRuntime | undefined;
  while ((p = sim.staff.waiting.shift())) {
    p.queued = false;
    if (needsAttention(p) && !p.status.acknowledged) break;
  }
  if (!p) {
    sim.staff.idleDesks.push(desk);
    return;
  }
  const target = p;
  const ackAt = coveredFrom(sim, sim.now + Math.round(sim.prng.logNormal(5, 0.6) * MINUTE_MS));
  schedule(sim, ackAt, () => {
    const sameSite = sim.staff.waiting.filter((q) => q.site === target.site);
    sim.staff.waiting = sim.staff.waiting.filter((q) => q.site !== target.site);
    for (const q of [target, ...sameSite]) {
      q.queued = false;
      if (needsAttention(q) && !q.status.acknowledged) acknowledge(sim, q, desk);
    }
    schedule(sim, coveredFrom(sim, sim.now), () => deskTurn(sim, desk));
  });
}

function acknowledge(sim: SimState, p: ProbeRuntime, desk: number): void {
  const by = loginOf(sim, desk);
  emitAction(sim, { type: 'acknowledge', probeId: p.probe.id, at: sim.now, by, comment: "Pris en compte par la cellule d'assistance" });
  p.status = { ...p.status, acknowledged: true };
  emitStatus(sim, p, sim.now);
  const since = p.status.since;
  const at = coveredFrom(sim, sim.now + Math.round(sim.prng.logNormal(20, 0.6) * MINUTE_MS));
  schedule(sim, at, () => {
    // Only for the same, still open problem: a recovery in between makes it moot.
    if (p.status.since !== since || p.intervened || !needsAttention(p)) return;
    p.intervened = true;
    const comment = INTERVENTION_COMMENTS[p.probe.kind] ?? 'Intervention à distance en cours';
    emitAction(sim, { type: 'start-intervention', probeId: p.probe.id, at: sim.now, by, comment });
    repairAfterIntervention(sim, p);
  });
}

function loginOf(sim: SimState, desk: number): string {
  return sim.options.staff?.[desk] ?? STAFF_LOGIN;
}
