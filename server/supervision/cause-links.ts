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
  /** Each EPCI's access and inter-site link probes, placed: the causes of rules 1, 2 and 4. */
  cutProbesOfEpci: Map<string, readonly CutProbe[]>;
  /** The EPCI of each access and link probe. */
  epciOfCutProbe: Map<string, string>;
  /** Bumped when one of the EPCI's access or link probes changes status (noteStatusChange). */
  versionOfEpci: Map<string, number>;
  /** Each EPCI's troubled access and link probes, placed, read at `version`. */
  troubledCuts: Map<string, { version: number; problems: PlacedProblem[]; critical: boolean }>;
}

interface CutProbe {
  probe: Probe;
  siteId: string;
  collectiviteId: string;
}

const neighbourhoods = new WeakMap<EstateIndex, Neighbourhood>();

function neighbourhood(index: EstateIndex): Neighbourhood {
  let n = neighbourhoods.get(index);
  if (!n) {
    const edges = index.estate.dependencies ?? [];
    const cutProbesOfEpci = new Map<string, CutProbe[]>();
    const epciOfCutProbe = new Map<string, string>();
    for (const c of index.collectivites.values()) {
      if (c.epci === undefined) continue;
      const list = cutProbesOfEpci.get(c.epci) ?? [];
      for (const site of index.sitesByCollectivite.get(c.id) ?? []) {
        for (const probe of index.probesBySite.get(site.id) ?? []) {
          if (!isCutProbe(probe)) continue;
          list.push({ probe, siteId: site.id, collectiviteId: c.id });
          epciOfCutProbe.set(probe.id, c.epci);
        }
      }
      cutProbesOfEpci.set(c.epci, list);
    }
    n = {
      cutProbesOfEpci,
      epciOfCutProbe,
      versionOfEpci: new Map(),
      troubledCuts: new Map(),
      parentsOf: edges.length ? parentsFrom(edges) : undefined,
      childrenOf: edges.length ? parentsFrom(edges.map((e) => ({ parent: e.child, child: e.parent }))) : undefined,
    };
    neighbourhoods.set(index, n);
  }
  return n;
}

const isCutProbe = (probe: Probe) => probe.kind === 'internet' || probe.kind === 'link';

/**
 * Tell the links a probe's status changed: an access or link probe's EPCI is read again at the next
 * opening there. Without it, the EPCI's troubled accesses and links are read once per change of
 * one of them, not once per opening (a storm opens thousands of incidents in a few EPCIs).
 */
export function noteStatusChange(index: EstateIndex, probeId: string): void {
  const n = neighbourhood(index);
  const epci = n.epciOfCutProbe.get(probeId);
  if (epci !== undefined) n.versionOfEpci.set(epci, (n.versionOfEpci.get(epci) ?? 0) + 1);
}

function troubledCutsOf(epci: string, status: CauseLinkState['status'], n: Neighbourhood): { problems: PlacedProblem[]; critical: boolean } {
  const version = n.versionOfEpci.get(epci) ?? 0;
  const known = n.troubledCuts.get(epci);
  if (known && known.version === version) return known;
  const problems: PlacedProblem[] = [];
  let critical = false;
  for (const { probe, siteId, collectiviteId } of n.cutProbesOfEpci.get(epci) ?? []) {
    const st = status(probe.id);
    if (!st || !isTroubled(st)) continue;
    critical ||= st.state === 'CRITICAL';
    problems.push({ probeId: probe.id, siteId, collectiviteId, kind: probe.kind, state: st.state, since: st.since });
  }
  const read = { version, problems, critical };
  n.troubledCuts.set(epci, read);
  return read;
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
  const own = new Set<string>();
  const epcis = new Set<string>();
  for (const id of related) {
    const ref = index.probeRef(id);
    if (!ref) continue;
    own.add(ref.siteId);
    const epci = index.collectivites.get(ref.collectiviteId)?.epci;
    if (epci !== undefined) epcis.add(epci);
  }
  const critical = (id: string) => status(id)?.state === 'CRITICAL';
  const cuts = [...epcis].map((epci) => troubledCutsOf(epci, status, n));
  // A cause is possible for a critical declared relative, a critical access or link on the probe's
  // own sites (rules 1–3), or — for an access or link probe, which may join an area cut — a critical
  // one anywhere in its EPCI (rule 4). Anything else is a group of one: nothing to fold.
  const opened = index.probes.get(probeId);
  const causePossible =
    [...related].some((id) => id !== probeId && critical(id)) ||
    [...own].some((siteId) => index.probesBySite.get(siteId)?.some((p) => isCutProbe(p) && critical(p.id))) ||
    (opened !== undefined && isCutProbe(opened) && cuts.some((c) => c.critical));
  const problems: PlacedProblem[] = [];
  if (!causePossible) return problems;
  for (const siteId of own) {
    const collectiviteId = index.sites.get(siteId)?.collectiviteId;
    if (collectiviteId === undefined) continue;
    for (const probe of index.probesBySite.get(siteId) ?? []) {
      const st = status(probe.id);
      if (st && isTroubled(st)) problems.push({ probeId: probe.id, siteId, collectiviteId, kind: probe.kind, state: st.state, since: st.since });
    }
  }
  // The other sites of the EPCI, by their access and link probes only.
  for (const c of cuts) for (const problem of c.problems) if (!own.has(problem.siteId)) problems.push(problem);
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
