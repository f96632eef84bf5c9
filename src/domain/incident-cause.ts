// One incident per cause with its dependents attached: when a probe's incident opens while the probe
// is a dependent of an active cause (root-cause.ts: access cut, inter-site link cut, declared
// dependency, area cut), the incident records the cause's incident. Incidents stay per probe, each
// with its own GTI clock and availability, as the contract counts them; the link is for people (one
// row per cause) and for the alarms (a dependent attached when it opened sends none of its own).
//
// Decisions:
// - The cause of a group is its first cause probe (an area cut: the earliest site cut); the other
//   cut access probes of an area are its dependents too, so an EPCI-wide cut is one row.
// - A link needs the cause's incident to be active: a cause probe still SOFT, or held back by planned
//   work, has no incident to attach to, and its dependents stay on their own.
// - Links are recomputed for a whole group when one of its members opens: a dependent that opened
//   before its cause (an engine reporting in another order), or a site cut that became part of an
//   area cut, is attached (again) then. Such a late link is a change: one more version.
import { isActive } from './incident-rules.ts';
import type { Incident, IncidentCause } from './model.ts';
import { foldProblems, DEFAULT_FOLDING_RULES, type FoldingRules, type PlacedProblem, type ProbeParents, type ProblemGroup } from './root-cause.ts';

/** The group `probeId` belongs to among folded `problems`; undefined when it is not among them. */
export function groupOf(
  probeId: string,
  problems: Iterable<PlacedProblem>,
  epciOf: (collectiviteId: string) => string | undefined,
  rules: FoldingRules = DEFAULT_FOLDING_RULES,
  parentsOf?: ProbeParents,
): ProblemGroup | undefined {
  for (const group of foldProblems(problems, epciOf, rules, parentsOf)) {
    if (group.causes.some((p) => p.probeId === probeId) || group.dependents.some((p) => p.probeId === probeId)) return group;
  }
  return undefined;
}

/** The probe a group's dependents are attached to; undefined for a problem alone. */
export function rootCause(group: ProblemGroup): PlacedProblem | undefined {
  return group.kind === 'single' ? undefined : group.causes[0];
}

/**
 * The link a member of `group` records, given the root cause's latest incident: undefined for the
 * root itself, a problem alone, or a cause without an active incident.
 */
export function causeLink(group: ProblemGroup, memberProbeId: string, causeIncident: Incident | undefined): IncidentCause | undefined {
  const root = rootCause(group);
  if (!root || group.kind === 'single' || root.probeId === memberProbeId) return undefined;
  if (!causeIncident || causeIncident.probeId !== root.probeId || !isActive(causeIncident)) return undefined;
  return { kind: group.kind, incidentId: causeIncident.id, probeId: root.probeId, collectiviteId: root.collectiviteId };
}

export function sameCause(a: IncidentCause | undefined, b: IncidentCause | undefined): boolean {
  return a?.kind === b?.kind && a?.incidentId === b?.incidentId;
}

/**
 * `incident` attached to `cause`. `opening`: the incident is being opened by this very change, so the
 * link is part of its first version and its alarms are the cause's (`atOpening`); otherwise a late
 * link is one more version. The same object when the link is already that one.
 */
export function attach(incident: Incident, cause: IncidentCause, opening: boolean): Incident {
  if (sameCause(incident.cause, cause)) return incident;
  if (opening) return { ...incident, cause: { ...cause, atOpening: true } };
  const atOpening = incident.cause?.atOpening;
  return { ...incident, cause: { ...cause, ...(atOpening ? { atOpening } : {}) }, version: incident.version + 1 };
}

/** A dependent attached when it opened: the cause's alarm speaks for it (docs/alarms.md). */
export function alarmsFollowCause(incident: Incident): boolean {
  return incident.cause?.atOpening === true;
}

/**
 * What a reader limited to one collectivité may see of an incident's cause: all of it when the cause
 * is theirs, only its kind otherwise (an area cut spans collectivités; the cause names another's
 * probe). `collectiviteId` undefined: the reader sees everything (support, kiosk).
 */
export function causeForReader(incident: Incident, collectiviteId: string | undefined): Incident {
  const cause = incident.cause;
  if (!cause || collectiviteId === undefined || cause.collectiviteId === collectiviteId) return incident;
  return { ...incident, cause: { kind: cause.kind, ...(cause.atOpening ? { atOpening: true } : {}) } };
}

/**
 * Whether an incident gets its own row in a list of one collectivité (or of all, `undefined`): yes
 * unless it is attached to a cause in the same list (the cause's row holds it).
 */
export function ownsRow(incident: Incident, collectiviteId: string | undefined): boolean {
  const cause = incident.cause;
  if (!cause?.incidentId) return true;
  return collectiviteId !== undefined && cause.collectiviteId !== incident.collectiviteId;
}
