// The live problems folded by root cause (domain/root-cause.ts), for the desk's list and the wall's
// storm card. Placed through the estate index; probes the index cannot place are left out, as the
// problem list already does for a scope. The estate's declared dependencies (Icinga 2 `Dependency`
// objects) fold a child failing with its parent under that parent.
import type { EstateIndex } from '../domain/estate-index.ts';
import type { ProbeStatus } from '../domain/model.ts';
import { foldProblems, parentsFrom, type PlacedProblem, type ProbeParents, type ProblemGroup } from '../domain/root-cause.ts';
import type { LiveStore } from './live-store.ts';

// A status is immutable (a change arrives as a new object): its placed problem is built once per
// estate index and reused by every refold, so the fold's own caches (single groups) hold.
const placedCache = new WeakMap<EstateIndex, WeakMap<ProbeStatus, PlacedProblem | null>>();

function placedOf(index: EstateIndex, status: ProbeStatus): PlacedProblem | null {
  let perIndex = placedCache.get(index);
  if (!perIndex) placedCache.set(index, (perIndex = new WeakMap()));
  let placed = perIndex.get(status);
  if (placed === undefined) {
    const ref = index.probeRef(status.probeId);
    const probe = index.probes.get(status.probeId);
    placed = ref && probe ? { probeId: status.probeId, siteId: ref.siteId, collectiviteId: ref.collectiviteId, kind: probe.kind, state: status.state, since: status.since } : null;
    perIndex.set(status, placed);
  }
  return placed;
}

export function placedProblems(store: LiveStore, collectiviteId?: string): PlacedProblem[] {
  const placed: PlacedProblem[] = [];
  for (const status of store.troubledStatuses()) {
    const p = placedOf(store.index, status);
    if (p && (collectiviteId === undefined || p.collectiviteId === collectiviteId)) placed.push(p);
  }
  return placed;
}

const parentsCache = new WeakMap<EstateIndex, ProbeParents | undefined>();

/** The declared parents of each probe, read once per estate; undefined when the estate declares none. */
function declaredParents(index: EstateIndex): ProbeParents | undefined {
  if (!parentsCache.has(index)) {
    const edges = index.estate.dependencies;
    parentsCache.set(index, edges?.length ? parentsFrom(edges) : undefined);
  }
  return parentsCache.get(index);
}

/** Live problems folded by cause, worst first. */
export function selectProblemGroups(store: LiveStore, collectiviteId?: string): ProblemGroup[] {
  const { index } = store;
  return foldProblems(placedProblems(store, collectiviteId), (id) => index.collectivites.get(id)?.epci, undefined, declaredParents(index));
}

/** The area cuts going on now (the wall's storm cards). */
export function selectStorms(store: LiveStore): ProblemGroup[] {
  return selectProblemGroups(store).filter((g) => g.kind === 'area-cut');
}

/** Same groups by identity and size: a storm card re-renders when the storm grows or ends. */
export function sameGroups(a: readonly ProblemGroup[], b: readonly ProblemGroup[]): boolean {
  return a.length === b.length && a.every((g, i) => g.id === b[i]?.id && g.siteIds.length === b[i].siteIds.length && g.state === b[i].state);
}
