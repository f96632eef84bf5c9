// What the wall's collectivité card shows: each site in trouble with its lines, the problems folded by
// root cause (domain/root-cause.ts) so a cut site reads as one line ("Coupure d'accès — 12 sondes
// injoignables") instead of its access probe followed by every camera and disk it leaves unmeasured.
// Folded within the collectivité, site by site (no area cut: the storm card above says the area, the
// card names the cut sites). Problems with no cause stay one line each, as before. Pure: the view
// passes the live store, which has these reads.
import type { EstateIndex } from '../../domain/estate-index.ts';
import { handlingOf, isActive, type Handling } from '../../domain/incident-rules.ts';
import { isTroubled, stateSeverity, type Incident, type ProbeState, type ProbeStatus } from '../../domain/model.ts';
import { DEFAULT_FOLDING_RULES, foldProblems, type PlacedProblem, type ProbeParents, type ProblemGroupKind } from '../../domain/root-cause.ts';


/** One probe in trouble, on its own. */
export interface ProbeLine {
  kind: 'probe';
  probeId: string;
  name: string;
  equipment: string;
  state: ProbeState;
  output: string;
  since: number;
  handling?: Handling;
}

/** A cause and the problems it explains, as one line. */
export interface CauseLine {
  kind: 'cause';
  /** The group's id (stable while the cause lasts). */
  id: string;
  cause: Exclude<ProblemGroupKind, 'single'>;
  /** The cause's probe, named as a probe line names it (for a declared dependency's words). */
  causeName: string;
  state: ProbeState;
  since: number;
  /** How many problems the cause explains, and whether every one of them is unmeasured (UNKNOWN). */
  dependents: number;
  allUnreachable: boolean;
  handling?: Handling;
}

export type TroubleLine = ProbeLine | CauseLine;

export interface SiteTrouble {
  siteId: string;
  name: string;
  state: ProbeState;
  /** Worst first, then oldest. */
  lines: TroubleLine[];
}

export interface CollectiviteTrouble {
  sites: SiteTrouble[];
  /** Sites with a probe in trouble (a site whose problems all fold under another site's cause counts). */
  siteCount: number;
  /** Probes in trouble, folded or not: the card's headline count. */
  failing: number;
  /** Probes in declared maintenance: not trouble (model.ts), counted apart. */
  inMaintenance: number;
}

/** The live reads the card needs (the LiveStore has them). */
export interface TroubleSource {
  readonly index: EstateIndex;
  status(probeId: string): ProbeStatus | undefined;
  siteState(siteId: string): ProbeState;
  incidentList(): readonly Incident[];
}

export function collectiviteTrouble(source: TroubleSource, collectiviteId: string, parentsOf?: ProbeParents): CollectiviteTrouble {
  const { index } = source;
  const placed: PlacedProblem[] = [];
  const statuses = new Map<string, ProbeStatus>();
  let inMaintenance = 0;
  for (const site of index.sitesByCollectivite.get(collectiviteId) ?? []) {
    for (const probe of index.probesBySite.get(site.id) ?? []) {
      const status = source.status(probe.id);
      if (!status) continue;
      if (status.inDowntime) inMaintenance += 1;
      if (!isTroubled(status)) continue;
      statuses.set(probe.id, status);
      placed.push({ probeId: probe.id, siteId: site.id, collectiviteId, kind: probe.kind, state: status.state, since: status.since });
    }
  }
  const incidents = activeIncidents(source.incidentList(), collectiviteId);
  const probeLine = (p: PlacedProblem): ProbeLine => {
    const probe = index.probes.get(p.probeId);
    const incident = incidents.get(p.probeId);
    const handling = handlingOf(incident ? [incident] : []);
    return {
      kind: 'probe',
      probeId: p.probeId,
      name: probe?.name ?? p.probeId,
      equipment: (probe && index.equipment.get(probe.equipmentId)?.name) ?? '',
      state: p.state,
      output: statuses.get(p.probeId)?.output ?? '',
      since: p.since,
      ...(handling ? { handling } : {}),
    };
  };

  const linesBySite = new Map<string, TroubleLine[]>();
  const add = (siteId: string, line: TroubleLine) => {
    const list = linesBySite.get(siteId);
    if (list) list.push(line);
    else linesBySite.set(siteId, [line]);
  };
  // No area (epciOf → undefined): a site cut stays a site cut, named by its site's card.
  for (const group of foldProblems(placed, () => undefined, DEFAULT_FOLDING_RULES, parentsOf)) {
    const cause = group.causes[0]!;
    if (group.kind === 'single') {
      add(cause.siteId, probeLine(cause));
      continue;
    }
    const members = [...group.causes, ...group.dependents];
    const handling = handlingOf(members.flatMap((p) => incidents.get(p.probeId) ?? []));
    const named = probeLine(cause);
    add(cause.siteId, {
      kind: 'cause',
      id: group.id,
      cause: group.kind,
      causeName: named.equipment ? `${named.equipment} · ${named.name}` : named.name,
      state: group.state,
      since: group.since,
      dependents: group.dependents.length,
      allUnreachable: group.dependents.every((p) => p.state === 'UNKNOWN'),
      ...(handling ? { handling } : {}),
    });
  }

  const sites: SiteTrouble[] = [];
  for (const [siteId, lines] of linesBySite) {
    lines.sort((a, b) => stateSeverity(b.state) - stateSeverity(a.state) || a.since - b.since);
    sites.push({ siteId, name: index.sites.get(siteId)?.name ?? siteId, state: source.siteState(siteId), lines });
  }
  sites.sort((a, b) => stateSeverity(b.state) - stateSeverity(a.state));
  return { sites, siteCount: new Set(placed.map((p) => p.siteId)).size, failing: placed.length, inMaintenance };
}

function activeIncidents(incidents: readonly Incident[], collectiviteId: string): Map<string, Incident> {
  const byProbe = new Map<string, Incident>();
  for (const i of incidents) if (i.collectiviteId === collectiviteId && isActive(i) && !byProbe.has(i.probeId)) byProbe.set(i.probeId, i);
  return byProbe;
}
