// The support cell, simulated: during covered hours each desk takes the oldest problem waiting,
// acknowledges it (and the other problems of the same site at once, as an operator would in a
// storm), then starts an intervention a little later. Never on a neglected problem. Problems already
// there when the simulation starts had the cell on them the same way, back then (handledBeforeStart).
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

/**
 * A problem present when the simulation starts, old enough for the cell to have been on it already:
 * acknowledged a few covered minutes after it began and an intervention started about 20 minutes
 * later, as the desks do live — so its GTI is met, as on a real desk, instead of a month-old clock
 * running. The actions are dated then and reach Vigie after the start snapshot, through the same
 * path as the staff's live ones; the problem itself (its state, since when) stays as seeded.
 * False when nobody is at a desk, the problem needs no one, or it began too recently: the desks
 * take it live then.
 */
export function handledBeforeStart(sim: SimState, p: ProbeRuntime): boolean {
  const desks = sim.options.staff?.length ?? 0;
  if (desks === 0 || !needsAttention(p)) return false;
  const ackAt = coveredFrom(sim, p.status.since + Math.round(sim.prng.logNormal(5, 0.6) * MINUTE_MS));
  if (ackAt >= sim.now) return false;
  const desk = sim.prng.int(0, desks - 1);
  // The engine knows it acknowledged: the start snapshot says so; the actions follow it.
  p.status = { ...p.status, acknowledged: true };
  schedule(sim, sim.now, () => acknowledge(sim, p, desk, ackAt));
  return true;
}

/** The desk acknowledges `p` at `at` (now, or back then for a problem older than the start). */
function acknowledge(sim: SimState, p: ProbeRuntime, desk: number, at: Instant = sim.now): void {
  const by = loginOf(sim, desk);
  emitAction(sim, { type: 'acknowledge', probeId: p.probe.id, at, by, comment: "Pris en compte par la cellule d'assistance" });
  if (!p.status.acknowledged) {
    p.status = { ...p.status, acknowledged: true };
    emitStatus(sim, p, sim.now);
  }
  const since = p.status.since;
  const interventionAt = coveredFrom(sim, at + Math.round(sim.prng.logNormal(20, 0.6) * MINUTE_MS));
  schedule(sim, interventionAt, () => {
    // Only for the same, still open problem: a recovery in between makes it moot.
    if (p.status.since !== since || p.intervened || !needsAttention(p)) return;
    p.intervened = true;
    const comment = INTERVENTION_COMMENTS[p.probe.kind] ?? 'Intervention à distance en cours';
    // Run now when it fell before the start: dated when it happened.
    emitAction(sim, { type: 'start-intervention', probeId: p.probe.id, at: Math.min(sim.now, interventionAt), by, comment });
    repairAfterIntervention(sim, p);
  });
}

function loginOf(sim: SimState, desk: number): string {
  return sim.options.staff?.[desk] ?? STAFF_LOGIN;
}
