// Attaching dependent incidents to their root cause (domain/incident-cause.ts) on the gateway's
// current state. The fold runs over the problems near the opened probe only — its site, the sites of
// the probes it is declared to depend on or to carry, and every site of those sites' EPCI — which is
// all its group can hold, so each opening in a storm folds a few hundred problems, not the estate.
import type { EstateIndex } from '../../src/domain/estate-index.ts';
import { attach, causeLink, groupOf, rootCause, sameCause } from '../../src/domain/incident-cause.ts';
import { isActive } from '../../src/domain/incident-rules.ts';
import { isTroubled, type Incident, type Probe, type ProbeStatus } from '../../src/domain/model.ts';
import { foldProblems, parentsFrom, type PlacedProblem, type ProbeParents, type ProblemGroup } from '../../src/domain/root-cause.ts';

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
  /** Each access and link probe in an EPCI, placed. */
  cutProbes: Map<string, CutProbe>;
  /**
   * Each EPCI's troubled access and link probes, placed: read from the statuses at first need, then
   * kept up to date by noteStatusChange (a storm changes a few hundred of an EPCI's thousand).
   */
  troubledOfEpci: Map<string, Map<string, PlacedProblem>>;
  /** The same as a list, with what is folded from it; dropped when one of them changes (noteStatusChange). */
  troubledCuts: Map<string, TroubledCuts>;
}

interface TroubledCuts {
  problems: PlacedProblem[];
  critical: boolean;
  /** The area cut of each cut access among them in one, folded on first need (areaCutsOf). */
  areas?: Map<string, ProblemGroup>;
}

interface CutProbe {
  probe: Probe;
  siteId: string;
  collectiviteId: string;
  epci: string;
}

const neighbourhoods = new WeakMap<EstateIndex, Neighbourhood>();

function neighbourhood(index: EstateIndex): Neighbourhood {
  let n = neighbourhoods.get(index);
  if (!n) {
    const edges = index.estate.dependencies ?? [];
    const cutProbesOfEpci = new Map<string, CutProbe[]>();
    const cutProbes = new Map<string, CutProbe>();
    for (const c of index.collectivites.values()) {
      if (c.epci === undefined) continue;
      const list = cutProbesOfEpci.get(c.epci) ?? [];
      for (const site of index.sitesByCollectivite.get(c.id) ?? []) {
        for (const probe of index.probesBySite.get(site.id) ?? []) {
          if (!isCutProbe(probe)) continue;
          const cut = { probe, siteId: site.id, collectiviteId: c.id, epci: c.epci };
          list.push(cut);
          cutProbes.set(probe.id, cut);
        }
      }
      cutProbesOfEpci.set(c.epci, list);
    }
    n = {
      cutProbesOfEpci,
      cutProbes,
      troubledOfEpci: new Map(),
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
 * Tell the links a probe's status changed (`previous` → `next`): an access or link probe's EPCI is
 * read again at the next opening there when what the fold reads of it changed (state, start,
 * planned work) — not for a mere new check result. Without it, the EPCI's troubled accesses and
 * links are read once per such change, not once per opening (a storm opens thousands of incidents
 * in a few EPCIs).
 */
export function noteStatusChange(index: EstateIndex, previous: ProbeStatus | undefined, next: ProbeStatus): void {
  if (previous && previous.state === next.state && previous.since === next.since && previous.inDowntime === next.inDowntime) return;
  const n = neighbourhood(index);
  const cut = n.cutProbes.get(next.probeId);
  if (cut === undefined) return;
  n.troubledCuts.delete(cut.epci);
  const troubled = n.troubledOfEpci.get(cut.epci);
  if (!troubled) return; // not read yet: read from the statuses at first need
  if (isTroubled(next)) troubled.set(next.probeId, placed(cut, next));
  else troubled.delete(next.probeId);
}

const placed = ({ probe, siteId, collectiviteId }: CutProbe, st: ProbeStatus): PlacedProblem => ({ probeId: probe.id, siteId, collectiviteId, kind: probe.kind, state: st.state, since: st.since });

function troubledCutsOf(epci: string, status: CauseLinkState['status'], n: Neighbourhood): TroubledCuts {
  const known = n.troubledCuts.get(epci);
  if (known) return known;
  let troubled = n.troubledOfEpci.get(epci);
  if (!troubled) {
    troubled = new Map();
    for (const cut of n.cutProbesOfEpci.get(epci) ?? []) {
      const st = status(cut.probe.id);
      if (st && isTroubled(st)) troubled.set(cut.probe.id, placed(cut, st));
    }
    n.troubledOfEpci.set(epci, troubled);
  }
  const problems = [...troubled.values()];
  const read: TroubledCuts = { problems, critical: problems.some((p) => p.state === 'CRITICAL') };
  n.troubledCuts.set(epci, read);
  return read;
}

/**
 * The area cut (rule 4) each of the EPCI's cut accesses belongs to, folded from its troubled accesses
 * and links alone — all an area cut and its first cause depend on — once per change of one of them.
 */
function areaCutsOf(epci: string, status: CauseLinkState['status'], index: EstateIndex, n: Neighbourhood): Map<string, ProblemGroup> {
  const cuts = troubledCutsOf(epci, status, n);
  if (cuts.areas) return cuts.areas;
  const areaOfCause = new Map<string, ProblemGroup>();
  if (cuts.critical) {
    for (const group of foldProblems(cuts.problems, epciOfCollectivite(index), undefined, n.parentsOf)) {
      if (group.kind === 'area-cut') for (const cause of group.causes) areaOfCause.set(cause.probeId, group);
    }
  }
  cuts.areas = areaOfCause;
  return areaOfCause;
}

const epciOfCollectivite = (index: EstateIndex) => (id: string) => index.collectivites.get(id)?.epci;

/** The opened probe's surroundings: the probes related by declared dependencies, their sites and EPCIs. */
interface Surroundings {
  related: Set<string>;
  sites: Set<string>;
  epcis: Set<string>;
}

function surroundings(index: EstateIndex, probeId: string, n: Neighbourhood): Surroundings {
  const related = new Set([probeId]);
  const queue = [probeId];
  const follow = (next: string) => {
    if (related.has(next) || related.size >= MAX_RELATED) return;
    related.add(next);
    queue.push(next);
  };
  for (let at = 0; at < queue.length && related.size < MAX_RELATED; at++) {
    for (const next of n.parentsOf?.(queue[at]!) ?? []) follow(next);
    for (const next of n.childrenOf?.(queue[at]!) ?? []) follow(next);
  }
  const sites = new Set<string>();
  const epcis = new Set<string>();
  for (const id of related) {
    const ref = index.probeRef(id);
    if (!ref) continue;
    sites.add(ref.siteId);
    const epci = index.collectivites.get(ref.collectiviteId)?.epci;
    if (epci !== undefined) epcis.add(epci);
  }
  return { related, sites, epcis };
}

/**
 * Whether the opened probe can have a cause, or be one: a critical declared relative, a critical
 * access or link on its own sites (rules 1–3), or — for an access or link probe, which may join an
 * area cut — a critical one anywhere in its EPCI (rule 4). Anything else is a group of one: nothing
 * to fold, which keeps the many openings of a storm without a cause (a thousand disks) cheap.
 */
function causePossible(index: EstateIndex, probeId: string, around: Surroundings, status: CauseLinkState['status'], n: Neighbourhood): boolean {
  const critical = (id: string) => status(id)?.state === 'CRITICAL';
  for (const id of around.related) if (id !== probeId && critical(id)) return true;
  for (const siteId of around.sites) for (const p of index.probesBySite.get(siteId) ?? []) if (isCutProbe(p) && critical(p.id)) return true;
  const opened = index.probes.get(probeId);
  if (!opened || !isCutProbe(opened)) return false;
  for (const epci of around.epcis) if (troubledCutsOf(epci, status, n).critical) return true;
  return false;
}

/** The troubled probes of the opened probe's own sites, placed. */
function problemsOnSites(index: EstateIndex, sites: Iterable<string>, status: CauseLinkState['status']): PlacedProblem[] {
  const problems: PlacedProblem[] = [];
  for (const siteId of sites) {
    const collectiviteId = index.sites.get(siteId)?.collectiviteId;
    if (collectiviteId === undefined) continue;
    for (const probe of index.probesBySite.get(siteId) ?? []) {
      const st = status(probe.id);
      if (st && isTroubled(st)) problems.push({ probeId: probe.id, siteId, collectiviteId, kind: probe.kind, state: st.state, since: st.since });
    }
  }
  return problems;
}

/**
 * The troubled probes whose fold can decide the opened probe's group: those of its own sites, and
 * the other sites of its EPCIs by their access and link probes only, which is all that decides an
 * area cut and its first cause.
 */
function nearbyProblems(index: EstateIndex, around: Surroundings, status: CauseLinkState['status'], n: Neighbourhood): PlacedProblem[] {
  const problems = problemsOnSites(index, around.sites, status);
  for (const epci of around.epcis) for (const problem of troubledCutsOf(epci, status, n).problems) if (!around.sites.has(problem.siteId)) problems.push(problem);
  return problems;
}

export interface LinkOptions {
  /** Always fold the whole neighbourhood (the reference the quick way is tested against). */
  fullFold?: boolean;
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
 * Most openings of a storm are read from their own sites only (linkQuickly).
 */
export function linkToCause(state: CauseLinkState, opened: Incident, opening: boolean, options: LinkOptions = {}): Incident[] {
  const index = state.index();
  const n = neighbourhood(index);
  const around = surroundings(index, opened.probeId, n);
  if (!causePossible(index, opened.probeId, around, state.status, n)) return [opened];
  if (!options.fullFold) {
    const quick = linkQuickly(state, opened, opening, around, n);
    if (quick) return quick;
  }
  const problems = nearbyProblems(index, around, state.status, n);
  const group = groupOf(opened.probeId, problems, epciOfCollectivite(index), undefined, n.parentsOf);
  return group ? relinkGroup(state, opened, opening, group, group) : [opened];
}

/**
 * `opened` and `members` of `group` (and what is attached to those) linked to the group's root:
 * `opened` first, then the other incidents whose link changed.
 */
function relinkGroup(state: CauseLinkState, opened: Incident, opening: boolean, group: ProblemGroup, members: Pick<ProblemGroup, 'causes' | 'dependents'>): Incident[] {
  const root = rootCause(group);
  if (!root) return [opened];
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
  for (const member of [...members.causes, ...members.dependents]) {
    const incident = member.probeId === opened.probeId ? opened : state.latest(member.probeId);
    if (!incident) continue;
    relink(incident, member.probeId);
    // What was attached to this member now belongs to the group's root (the member is not it).
    if (member.probeId !== root.probeId) for (const dependent of state.attachedTo(incident.id)) if (dependent.probeId !== root.probeId) relink(dependent, member.probeId);
  }
  return [self, ...others.values()];
}

/**
 * Linked the quick way: the group the opened probe's own sites make, lifted to the area cut their
 * cut access belongs to (folded once per change of the EPCI's accesses and links). That is the
 * group the whole fold gives, and its members on those sites (and what is attached to them) are
 * relinked as the whole fold would; the other sites' links are left as they are, which is what the
 * whole fold would do too as long as every cut access of the area is attached to the area's root.
 * Undefined — fold the whole neighbourhood — when the opened probe is that root, when one of the
 * area's cuts is not attached to it (the area grew, or its first cut ended), or when the own sites
 * make an area cut of their own.
 */
function linkQuickly(state: CauseLinkState, opened: Incident, opening: boolean, around: Surroundings, n: Neighbourhood): Incident[] | undefined {
  const index = state.index();
  const local = groupOf(opened.probeId, problemsOnSites(index, around.sites, state.status), epciOfCollectivite(index), undefined, n.parentsOf);
  if (!local) return [opened];
  if (local.kind === 'area-cut') return undefined;
  const cut = local.causes[0]!;
  const epci = cut.kind === 'internet' && cut.state === 'CRITICAL' ? index.collectivites.get(cut.collectiviteId)?.epci : undefined;
  const area = epci === undefined ? undefined : areaCutsOf(epci, state.status, index, n).get(cut.probeId);
  if (!area) return local.kind === 'single' ? [opened] : relinkGroup(state, opened, opening, local, local);
  if (area.causes[0]!.probeId === opened.probeId || !causesLinked(state, area, opened)) return undefined;
  return relinkGroup(state, opened, opening, area, local);
}

/** Every active incident of the area's other cut accesses is attached to the area's root (when it has one). */
function causesLinked(state: CauseLinkState, area: ProblemGroup, opened: Incident): boolean {
  const rootIncident = state.latest(area.causes[0]!.probeId);
  for (const cause of area.causes) {
    if (cause.probeId === opened.probeId) continue;
    const link = causeLink(area, cause.probeId, rootIncident);
    const incident = link && state.latest(cause.probeId);
    if (incident && isActive(incident) && !sameCause(incident.cause, link)) return false;
  }
  return true;
}
