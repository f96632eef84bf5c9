// Attaching dependent incidents to their root cause (domain/incident-cause.ts) on the gateway's
// current state. The fold runs over the problems near the opened probe only — its site, the sites of
// the probes it is declared to depend on or to carry, and every site of those sites' EPCI — which is
// all its group can hold, so each opening in a storm folds a few hundred problems, not the estate.
import type { EstateIndex } from '../../src/domain/estate-index.ts';
import { attach, causeLink, groupOf, rootCause } from '../../src/domain/incident-cause.ts';
import { isActive } from '../../src/domain/incident-rules.ts';
import { isTroubled, type Incident, type Probe, type ProbeStatus } from '../../src/domain/model.ts';
import { parentsFrom, type PlacedProblem, type ProbeParents } from '../../src/domain/root-cause.ts';

export interface CauseLinkState {
  index(): EstateIndex;
  status(probeId: string): ProbeStatus | undefined;
  /** The probe's latest incident. */
  latest(probeId: string): Incident | undefined;
  /** The incidents in memory attached to this incident (their cause). */
  attachedTo(incidentId: string): Iterable<Incident>;
}

/** Probes followed along declared dependencies from the opened one (a larger web is cut there). */
const MAX_RELATED = 200;

interface Neighbourhood {
  parentsOf: ProbeParents | undefined;
  childrenOf: ProbeParents | undefined;
  sitesOfEpci: Map<string, string[]>;
  /** Each site's access and inter-site link probes: the causes of rules 1, 2 and 4. */
  cutProbesOfSite: Map<string, readonly Probe[]>;
}

const neighbourhoods = new WeakMap<EstateIndex, Neighbourhood>();

function neighbourhood(index: EstateIndex): Neighbourhood {
  let n = neighbourhoods.get(index);
  if (!n) {
    const edges = index.estate.dependencies ?? [];
    const sitesOfEpci = new Map<string, string[]>();
    for (const c of index.collectivites.values()) {
      if (c.epci === undefined) continue;
      const list = sitesOfEpci.get(c.epci) ?? [];
      for (const site of index.sitesByCollectivite.get(c.id) ?? []) list.push(site.id);
      sitesOfEpci.set(c.epci, list);
    }
    const cutProbesOfSite = new Map<string, Probe[]>();
    for (const [siteId, probes] of index.probesBySite) {
      const cuts = probes.filter((p) => p.kind === 'internet' || p.kind === 'link');
      if (cuts.length) cutProbesOfSite.set(siteId, cuts);
    }
    n = {
      cutProbesOfSite,
      parentsOf: edges.length ? parentsFrom(edges) : undefined,
      childrenOf: edges.length ? parentsFrom(edges.map((e) => ({ parent: e.child, child: e.parent }))) : undefined,
      sitesOfEpci,
    };
    neighbourhoods.set(index, n);
  }
  return n;
}

/**
 * The troubled probes whose fold can decide `probeId`'s group, placed; none when no cause is
 * possible there (no CRITICAL access or link on those sites, no CRITICAL declared relative), which
 * keeps the many openings of a storm without a cause (a thousand disks) from folding anything.
 * The other sites of the EPCI count only by their access and link probes, which is all that
 * decides an area cut and its first cause.
 */
function nearbyProblems(index: EstateIndex, probeId: string, status: CauseLinkState['status'], n: Neighbourhood): PlacedProblem[] {
  const related = new Set([probeId]);
  const queue = [probeId];
  while (queue.length > 0 && related.size < MAX_RELATED) {
    const id = queue.shift()!;
    for (const next of [...(n.parentsOf?.(id) ?? []), ...(n.childrenOf?.(id) ?? [])]) {
      if (related.has(next)) continue;
      related.add(next);
      queue.push(next);
    }
  }
  const sites = new Set<string>();
  const own = new Set<string>();
  for (const id of related) {
    const ref = index.probeRef(id);
    if (!ref) continue;
    sites.add(ref.siteId);
    own.add(ref.siteId);
    const epci = index.collectivites.get(ref.collectiviteId)?.epci;
    for (const site of epci === undefined ? [] : (n.sitesOfEpci.get(epci) ?? [])) sites.add(site);
  }
  const critical = (id: string) => status(id)?.state === 'CRITICAL';
  const causePossible = [...related].some((id) => id !== probeId && critical(id)) || [...sites].some((site) => n.cutProbesOfSite.get(site)?.some((p) => critical(p.id)));
  const problems: PlacedProblem[] = [];
  if (!causePossible) return problems;
  for (const siteId of sites) {
    const collectiviteId = index.sites.get(siteId)?.collectiviteId;
    if (collectiviteId === undefined) continue;
    const probes = own.has(siteId) ? (index.probesBySite.get(siteId) ?? []) : (n.cutProbesOfSite.get(siteId) ?? []);
    for (const probe of probes) {
      const st = status(probe.id);
      if (st && isTroubled(st)) problems.push({ probeId: probe.id, siteId, collectiviteId, kind: probe.kind, state: st.state, since: st.since });
    }
  }
  return problems;
}

/**
 * Links to record now that `opened` (a probe's incident that just became active) is known: the
 * incident itself attached to its cause, and the group's other active incidents (re)attached when
 * `opened` is their cause or changed it (a site cut joining an area cut). `opening`: `opened` is a
 * new incident, so its link is part of its first version. Returns `opened` (attached or not) first,
 * then the other incidents that changed.
 *
 * The fold sees the other sites of the EPCI by their access and link probes only; the dependents
 * there are reached through the incidents attached to their own cause (a site cut that joins an
 * area cut hands its dependents over to the area's first cut), which keeps a storm's openings cheap.
 */
export function linkToCause(state: CauseLinkState, opened: Incident, opening: boolean): Incident[] {
  const index = state.index();
  const n = neighbourhood(index);
  const problems = nearbyProblems(index, opened.probeId, state.status, n);
  const group = groupOf(opened.probeId, problems, (id) => index.collectivites.get(id)?.epci, undefined, n.parentsOf);
  const root = group && rootCause(group);
  if (!group || !root) return [opened];
  const causeIncident = root.probeId === opened.probeId ? opened : state.latest(root.probeId);
  let self = opened;
  const others = new Map<string, Incident>();
  const relink = (incident: Incident, memberProbeId: string) => {
    const link = isActive(incident) ? causeLink(group, memberProbeId, causeIncident) : undefined;
    if (!link) return;
    const isSelf = incident.id === opened.id;
    const next = attach(others.get(incident.id) ?? incident, link, isSelf && opening);
    if (isSelf) self = next;
    else if (next !== incident) others.set(incident.id, next);
  };
  for (const member of [...group.causes, ...group.dependents]) {
    const incident = member.probeId === opened.probeId ? opened : state.latest(member.probeId);
    if (!incident) continue;
    relink(incident, member.probeId);
    // What was attached to this member now belongs to the group's root (the member is not it).
    if (member !== root) for (const dependent of state.attachedTo(incident.id)) if (dependent.probeId !== root.probeId) relink(dependent, member.probeId);
  }
  return [self, ...others.values()];
}
