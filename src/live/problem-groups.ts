// The live problems folded by root cause (domain/root-cause.ts), for the desk's list and the wall's
// storm card. Placed through the estate index; probes the index cannot place are left out, as the
// problem list already does for a scope. The estate's declared dependencies (Icinga 2 `Dependency`
// objects) fold a child failing with its parent under that parent.
import type { EstateIndex } from '../domain/estate-index.ts';
import type { ProbeStatus } from '../domain/model.ts';
import { complete, ITEMS_PER_STEP, type Steps } from '../domain/steps.ts';
import { foldProblemsInSteps, parentsFrom, type PlacedProblem, type ProbeParents, type ProblemGroup } from '../domain/root-cause.ts';
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

function* placedInSteps(index: EstateIndex, statuses: readonly ProbeStatus[], collectiviteId?: string): Steps<PlacedProblem[]> {
  const placed: PlacedProblem[] = [];
  for (let i = 0; i < statuses.length; i++) {
    const p = placedOf(index, statuses[i]!);
    if (p && (collectiviteId === undefined || p.collectiviteId === collectiviteId)) placed.push(p);
    if ((i + 1) % ITEMS_PER_STEP === 0) yield;
  }
  return placed;
}

const parentsCache = new WeakMap<EstateIndex, ProbeParents | undefined>();

/** The declared parents of each probe, read once per estate; undefined when the estate declares none. */
export function declaredParents(index: EstateIndex): ProbeParents | undefined {
  if (!parentsCache.has(index)) {
    const edges = index.estate.dependencies;
    parentsCache.set(index, edges?.length ? parentsFrom(edges) : undefined);
  }
  return parentsCache.get(index);
}

/** Live problems folded by cause, worst first. */
export function selectProblemGroups(store: LiveStore, collectiviteId?: string): ProblemGroup[] {
  return complete(problemGroupsInSteps(store, collectiviteId));
}

/**
 * selectProblemGroups in steps (domain/steps.ts). The store's problems and estate are read when it
 * starts: the steps fold that moment's problems even if batches apply between two slices.
 */
export function* problemGroupsInSteps(store: LiveStore, collectiviteId?: string): Steps<ProblemGroup[]> {
  const { index } = store;
  const placed = yield* placedInSteps(index, store.troubledStatuses(), collectiviteId);
  return yield* foldProblemsInSteps(placed, (id) => index.collectivites.get(id)?.epci, undefined, declaredParents(index));
}

/** The area cuts going on now (the wall's storm cards), in steps. */
export function* stormsInSteps(store: LiveStore): Steps<ProblemGroup[]> {
  return (yield* problemGroupsInSteps(store)).filter((g) => g.kind === 'area-cut');
}

/** Same groups by identity and size: a storm card re-renders when the storm grows or ends. */
export function sameGroups(a: readonly ProblemGroup[], b: readonly ProblemGroup[]): boolean {
  return a.length === b.length && a.every((g, i) => g.id === b[i]?.id && g.siteIds.length === b[i].siteIds.length && g.state === b[i].state);
}
