// The simulated engine honours Vigie's declared maintenance windows as Icinga honours downtimes: a
// probe a running window covers reports `inDowntime`, and stops when the window ends or is ended
// early. Changes are scheduled on the simulation's own clock, at each window's start and end.
import { coversInstant, coversProbe, effectiveEnd, type MaintenanceWindow } from '../../../src/domain/maintenance.ts';
import { emitStatus, schedule, type ProbeRuntime, type SimState } from './sim-state.ts';

export interface WindowCover {
  windows: MaintenanceWindow[];
  /** Probes a running window covers now. */
  covered: Set<string>;
}

export const emptyCover = (): WindowCover => ({ windows: [], covered: new Set() });

/** Take Vigie's current windows; apply them now and again at each start and end. */
export function syncWindows(sim: SimState, cover: WindowCover, windows: MaintenanceWindow[]): void {
  cover.windows = windows;
  applyCover(sim, cover);
  for (const w of windows) {
    schedule(sim, w.start, () => applyCover(sim, cover));
    schedule(sim, effectiveEnd(w), () => applyCover(sim, cover));
  }
}

function coveredNow(sim: SimState, cover: WindowCover, p: ProbeRuntime): boolean {
  const ref = { probeId: p.probe.id, equipmentId: p.probe.equipmentId, siteId: p.site.site.id, collectiviteId: p.site.site.collectiviteId };
  return cover.windows.some((w) => coversInstant(w, sim.now) && coversProbe(w, ref));
}

/** Set each probe's downtime flag from the site's own downtimes and the running windows. */
export function applyCover(sim: SimState, cover: WindowCover): void {
  const next = new Set<string>();
  const running = cover.windows.filter((w) => coversInstant(w, sim.now));
  if (running.length > 0) for (const p of sim.probes) if (coveredNow(sim, cover, p)) next.add(p.probe.id);
  const changed = new Set([...next].filter((id) => !cover.covered.has(id)).concat([...cover.covered].filter((id) => !next.has(id))));
  cover.covered = next;
  for (const id of changed) {
    const p = sim.byId.get(id);
    if (!p) continue;
    const inDowntime = p.site.downtimes > 0 || next.has(id);
    if (p.status.inDowntime === inDowntime) continue;
    p.status = { ...p.status, inDowntime };
    emitStatus(sim, p, sim.now);
  }
}
