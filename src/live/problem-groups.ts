// The live problems folded by root cause (domain/root-cause.ts), for the desk's list and the wall's
// storm card. Placed through the estate index; probes the index cannot place are left out, as the
// problem list already does for a scope.
import { foldProblems, type PlacedProblem, type ProblemGroup } from '../domain/root-cause.ts';
import type { LiveStore } from './live-store.ts';

export function placedProblems(store: LiveStore, collectiviteId?: string): PlacedProblem[] {
  const { index } = store;
  const placed: PlacedProblem[] = [];
  for (const status of store.troubledStatuses()) {
    const ref = index.probeRef(status.probeId);
    const probe = index.probes.get(status.probeId);
    if (!ref || !probe || (collectiviteId !== undefined && ref.collectiviteId !== collectiviteId)) continue;
    placed.push({ probeId: status.probeId, siteId: ref.siteId, collectiviteId: ref.collectiviteId, kind: probe.kind, state: status.state, since: status.since });
  }
  return placed;
}

/** Live problems folded by cause, worst first. */
export function selectProblemGroups(store: LiveStore, collectiviteId?: string): ProblemGroup[] {
  const { index } = store;
  return foldProblems(placedProblems(store, collectiviteId), (id) => index.collectivites.get(id)?.epci);
}

/** The area cuts going on now (the wall's storm cards). */
export function selectStorms(store: LiveStore): ProblemGroup[] {
  return selectProblemGroups(store).filter((g) => g.kind === 'area-cut');
}

/** Same groups by identity and size: a storm card re-renders when the storm grows or ends. */
export function sameGroups(a: readonly ProblemGroup[], b: readonly ProblemGroup[]): boolean {
  return a.length === b.length && a.every((g, i) => g.id === b[i]?.id && g.siteIds.length === b[i].siteIds.length && g.state === b[i].state);
}
