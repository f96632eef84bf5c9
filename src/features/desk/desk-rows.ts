// The support desk's rows: live problems folded by cause (domain/root-cause.ts), each named the way
// the cell talks ("Metz · École Jules Ferry · Accès Internet"), with the incidents behind it, who is
// on it, and ranked by GTI urgency then severity then age. Pure: the view feeds it the estate
// index, the active incidents and a GTI ranking (the GTI feature's, composed by the app).
import type { EstateIndex } from '../../domain/estate-index.ts';
import { handlingOf, isActive, type Handling } from '../../domain/incident-rules.ts';
import { stateSeverity, type Incident, type ProbeState } from '../../domain/model.ts';
import { groupProbes, type PlacedProblem, type ProblemGroup, type ProblemGroupKind } from '../../domain/root-cause.ts';
import { searchFold } from '../../domain/search-fold.ts';
import { complete, ITEMS_PER_STEP, sortInSteps, type Steps } from '../../domain/steps.ts';

export interface DeskProblem {
  probeId: string;
  siteId: string;
  commune: string;
  site: string;
  probe: string;
  state: ProbeState;
  since: number;
  /** The probe's active incident, if its problem opened one (UNKNOWN does not). */
  incident?: Incident;
}


export interface DeskRow {
  /** The group's id: stable while its cause lasts, so selection and focus survive updates. */
  id: string;
  kind: ProblemGroupKind;
  /** Causes first, then dependents. */
  problems: DeskProblem[];
  /** The active incidents of the row's probes: what a row action acts on. */
  incidents: Incident[];
  state: ProbeState;
  since: number;
  epci?: string;
  siteCount: number;
  /** Everyone behind the row is acknowledged / has someone on it; undefined if any is still open. */
  handling?: Handling;
}

/** Lower is more urgent (the GTI feature's ranking: breached, at risk, covered time left). */
export type GtiUrgency = (incident: Incident) => number;

export function activeIncidentByProbe(incidents: Iterable<Incident>): Map<string, Incident> {
  return complete(activeIncidentByProbeInSteps(incidents));
}

export function* activeIncidentByProbeInSteps(incidents: Iterable<Incident>): Steps<Map<string, Incident>> {
  const byProbe = new Map<string, Incident>();
  let n = 0;
  for (const i of incidents) {
    if (isActive(i)) byProbe.set(i.probeId, i);
    if (++n % ITEMS_PER_STEP === 0) yield;
  }
  return byProbe;
}

export function deskRows(groups: readonly ProblemGroup[], index: EstateIndex, incidents: ReadonlyMap<string, Incident>, urgency?: GtiUrgency): DeskRow[] {
  return complete(deskRowsInSteps(groups, index, incidents, urgency));
}

/** deskRows in steps (domain/steps.ts): a storm's rows are built in slices between frames. */
export function* deskRowsInSteps(groups: readonly ProblemGroup[], index: EstateIndex, incidents: ReadonlyMap<string, Incident>, urgency?: GtiUrgency): Steps<DeskRow[]> {
  const ranked: Array<{ row: DeskRow; rank: number; severity: number }> = [];
  for (const group of groups) {
    const row = cachedRow(group, index, incidents);
    ranked.push({ row, rank: urgency && row.incidents.length > 0 ? rankOf(row.incidents, urgency) : Infinity, severity: stateSeverity(row.state) });
    if (ranked.length % ITEMS_PER_STEP === 0) yield;
  }
  const sorted = yield* sortInSteps(ranked, (a, b) => a.rank - b.rank || b.severity - a.severity || a.row.since - b.row.since || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  return sorted.map((r) => r.row);
}

// A storm has ~10,000 rows and the desk refolds every few hundred ms: a row is rebuilt only when its
// group (kept by identity while unchanged, domain/root-cause.ts), the estate or one of its incidents
// changed, and an incident's urgency is computed once per ranking function (it changes every 30 s).
interface CachedRow {
  index: EstateIndex;
  incidents: Array<Incident | undefined>;
  row: DeskRow;
}
const rows = new WeakMap<ProblemGroup, CachedRow>();
const urgencies = new WeakMap<Incident, { urgency: GtiUrgency; value: number }>();

function cachedRow(group: ProblemGroup, index: EstateIndex, incidents: ReadonlyMap<string, Incident>): DeskRow {
  const probes = groupProbes(group);
  const hit = rows.get(group);
  if (hit && hit.index === index && probes.every((p, i) => incidents.get(p.probeId) === hit.incidents[i])) return hit.row;
  const held = probes.map((p) => incidents.get(p.probeId));
  const row = deskRow(group, probes, held, index);
  rows.set(group, { index, incidents: held, row });
  return row;
}

function rankOf(incidents: readonly Incident[], urgency: GtiUrgency): number {
  let best = Infinity;
  for (const incident of incidents) {
    let hit = urgencies.get(incident);
    if (hit?.urgency !== urgency) urgencies.set(incident, (hit = { urgency, value: urgency(incident) }));
    best = Math.min(best, hit.value);
  }
  return best;
}

function deskRow(group: ProblemGroup, probes: readonly PlacedProblem[], held: ReadonlyArray<Incident | undefined>, index: EstateIndex): DeskRow {
  const problems = probes.map((p, i): DeskProblem => {
    const site = index.sites.get(p.siteId);
    const incident = held[i];
    return {
      probeId: p.probeId,
      siteId: p.siteId,
      commune: index.collectivites.get(p.collectiviteId)?.name ?? p.collectiviteId,
      site: site?.name ?? p.siteId,
      probe: index.probes.get(p.probeId)?.name ?? p.probeId,
      state: p.state,
      since: p.since,
      ...(incident ? { incident } : {}),
    };
  });
  const rowIncidents = problems.flatMap((p) => (p.incident ? [p.incident] : []));
  return {
    id: group.id,
    kind: group.kind,
    problems,
    incidents: rowIncidents,
    state: group.state,
    since: group.since,
    ...(group.epci ? { epci: group.epci } : {}),
    siteCount: group.siteIds.length,
    handling: handlingOf(rowIncidents),
  };
}

const searchWords = (query: string) => searchFold(query).split(/\s+/).filter(Boolean);

/** The rows matching the desk's search (matchesSearch); the same array when the search is blank. */
export function searchRows(rows: readonly DeskRow[], query: string): readonly DeskRow[] {
  const words = searchWords(query);
  return words.length === 0 ? rows : rows.filter((r) => matchesWords(r, words));
}

/** Whether a row matches the desk's search: every word in a commune, site, probe, area or incident id. */
export function matchesSearch(row: DeskRow, query: string): boolean {
  return matchesWords(row, searchWords(query));
}

function matchesWords(row: DeskRow, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = searchFold(
    [row.epci ?? '', ...row.problems.flatMap((p) => [p.commune, p.site, p.probe, p.incident?.id ?? ''])].join('\n'),
  );
  return words.every((w) => haystack.includes(w));
}
