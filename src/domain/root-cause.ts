// Root-cause folding: which problems are consequences of another one, so people see one row per
// cause instead of hundreds (a cut access router makes every probe behind it UNKNOWN). Grouping is
// for people only: GTI clocks and availability stay per probe, as the contract counts them.
//
// Rules, in order:
// 1. Site access. A site whose Internet access probe is CRITICAL has an access cut; the site's other
//    troubled probes that cannot be measured (UNKNOWN) or that went wrong with the cut (their problem
//    started no earlier than `withCutMs` before it) are its dependents. An older problem at that site
//    (a disk full for days) is not caused by the cut and stays on its own. A cut that explains no
//    other problem is shown as that single problem.
// 2. Inter-site link. A site reaching the town hall over an inter-site link (a `link` probe) whose
//    link is CRITICAL, its access being up, is cut off the same way: its unmeasured probes and those
//    that failed with the link fold under the link ("link-cut").
// 3. Declared dependencies (Icinga 2 `Dependency` objects: parent host/service → child): a problem
//    whose parent is CRITICAL folds under that parent — or under the cut holding it — when it is
//    UNKNOWN or started with the parent's (same `withCutMs` rule), following parents up the chain.
// 4. Area cut. When at least `areaMinSites` sites of one EPCI lose their access within `areaWindowMs`
//    of the first one, their site cuts fold into one area cut (an EPCI-wide fibre cut).
// 5. Everything else is its own group of one.
import type { Instant, ProbeKind, ProbeState } from './model.ts';
import { stateSeverity } from './model.ts';
import { complete, ITEMS_PER_STEP, sortInSteps, type Steps } from './steps.ts';

/** A troubled probe, placed: what folding needs to know about it. */
export interface PlacedProblem {
  probeId: string;
  siteId: string;
  collectiviteId: string;
  kind: ProbeKind;
  state: ProbeState;
  /** When the current state started. */
  since: Instant;
}

export interface FoldingRules {
  /** A problem that started this long before its site's cut, or later, came with the cut. */
  withCutMs: number;
  /** Site cuts of one area starting within this window of the first one fold into an area cut. */
  areaWindowMs: number;
  /** Fewest site cuts that make an area cut. */
  areaMinSites: number;
}

export const DEFAULT_FOLDING_RULES: FoldingRules = { withCutMs: 2 * 60_000, areaWindowMs: 10 * 60_000, areaMinSites: 3 };

export type ProblemGroupKind = 'area-cut' | 'site-cut' | 'link-cut' | 'dependency' | 'single';

/** The parents a probe depends on (declared dependencies, rule 3); undefined or empty: none. */
export type ProbeParents = (probeId: string) => readonly string[] | undefined;

export interface ProblemGroup {
  /**
   * Stable while the cause lasts: `area:<epci>:<first cut start>`, `site:<site>`, `link:<site>`,
   * `dep:<parent probe>`, `probe:<probe>`.
   */
  id: string;
  kind: ProblemGroupKind;
  /** The probes whose failure explains the group (the access probes of the cut sites). */
  causes: PlacedProblem[];
  /** The problems explained by the causes (empty for a single problem). */
  dependents: PlacedProblem[];
  /** Distinct sites and collectivités touched, in first-seen order. */
  siteIds: string[];
  collectiviteIds: string[];
  /** The area of an area cut. */
  epci?: string;
  /** Worst state among causes and dependents. */
  state: ProbeState;
  /** When the group's earliest cause started. */
  since: Instant;
}

interface SiteCut {
  siteId: string;
  /** Rule 1 (the access) or rule 2 (the inter-site link). */
  by: 'access' | 'link';
  cause: PlacedProblem;
  members: PlacedProblem[];
}

/** Parents followed at most this deep (a declared chain longer than this is a configuration loop). */
const MAX_CHAIN = 16;

/**
 * Fold `problems` into groups, worst first (state, then size, then oldest). `epciOf` names a
 * collectivité's area (undefined: it has none, so its sites never form an area cut); `parentsOf`
 * gives the declared dependencies (rule 3), when the source has any.
 */
export function foldProblems(
  problems: Iterable<PlacedProblem>,
  epciOf: (collectiviteId: string) => string | undefined,
  rules: FoldingRules = DEFAULT_FOLDING_RULES,
  parentsOf?: ProbeParents,
): ProblemGroup[] {
  return complete(foldProblemsInSteps(problems, epciOf, rules, parentsOf));
}

/** foldProblems in steps (domain/steps.ts): the desk folds a storm in slices between frames. */
export function* foldProblemsInSteps(
  problems: Iterable<PlacedProblem>,
  epciOf: (collectiviteId: string) => string | undefined,
  rules: FoldingRules = DEFAULT_FOLDING_RULES,
  parentsOf?: ProbeParents,
): Steps<ProblemGroup[]> {
  let n = 0;
  const bySite = new Map<string, PlacedProblem[]>();
  for (const p of problems) {
    const list = bySite.get(p.siteId);
    if (list) list.push(p);
    else bySite.set(p.siteId, [p]);
    if (++n % ITEMS_PER_STEP === 0) yield;
  }
  const cuts: SiteCut[] = [];
  const loose: PlacedProblem[] = [];
  for (const [siteId, list] of bySite) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    if (list.length === 1 && !isCut(list[0]!) && !isLinkCut(list[0]!)) {
      loose.push(list[0]!);
      continue;
    }
    const cut = siteCut(siteId, list, rules);
    if (cut) cuts.push(cut);
    for (const p of list) if (!cut?.members.includes(p)) loose.push(p);
  }

  const groups: ProblemGroup[] = [];
  const byParent = parentsOf ? yield* dependentsByCause(loose, cuts, parentsOf, rules) : new Map<PlacedProblem, PlacedProblem[]>();
  const cutOf = new Map(cuts.map((c) => [c.cause, c]));
  for (const [cause, dependents] of byParent) {
    const cut = cutOf.get(cause) ?? cuts.find((c) => c.members.includes(cause));
    if (cut) cut.members.push(...dependents);
    else groups.push(withFigures({ id: `dep:${cause.probeId}`, kind: 'dependency', causes: [cause], dependents }));
  }
  const folded = new Set([...byParent.keys(), ...[...byParent.values()].flat()]);
  for (const p of loose) {
    if (!folded.has(p)) groups.push(single(p));
    if (++n % ITEMS_PER_STEP === 0) yield;
  }

  const cutsByArea = new Map<string, SiteCut[]>();
  for (const cut of cuts) {
    const epci = cut.by === 'access' ? epciOf(cut.cause.collectiviteId) : undefined;
    if (epci === undefined) groups.push(siteGroup(cut));
    else {
      const list = cutsByArea.get(epci);
      if (list) list.push(cut);
      else cutsByArea.set(epci, [cut]);
    }
    if (++n % ITEMS_PER_STEP === 0) yield;
  }
  for (const [epci, list] of cutsByArea) {
    groups.push(...areaGroups(epci, list, rules));
    yield;
  }
  return yield* worstFirst(groups);
}

/**
 * Rule 3: each loose problem whose declared parent chain reaches a CRITICAL problem, and that is
 * unmeasured or started with it, keyed by its cause (the topmost CRITICAL parent on the chain).
 */
function* dependentsByCause(loose: readonly PlacedProblem[], cuts: readonly SiteCut[], parentsOf: ProbeParents, rules: FoldingRules): Steps<Map<PlacedProblem, PlacedProblem[]>> {
  const known = new Map<string, PlacedProblem>();
  for (const p of loose) known.set(p.probeId, p);
  for (const c of cuts) for (const p of c.members) known.set(p.probeId, p);
  const down = (id: string) => {
    const p = known.get(id);
    return p && p.state === 'CRITICAL' ? p : undefined;
  };
  const byCause = new Map<PlacedProblem, PlacedProblem[]>();
  let n = 0;
  for (const p of loose) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    let cause: PlacedProblem | undefined;
    let at = p;
    const seen = new Set([p]);
    for (let depth = 0; depth < MAX_CHAIN; depth++) {
      const parent = parentsOf(at.probeId)?.map(down).find((q) => q !== undefined);
      if (!parent || !cameWith(at, parent, rules)) break;
      if (seen.has(parent)) {
        cause = undefined; // a declared loop has no root cause: nothing folds
        break;
      }
      seen.add(parent);
      cause = parent;
      at = parent;
    }
    if (!cause) continue;
    const list = byCause.get(cause);
    if (list) list.push(p);
    else byCause.set(cause, [p]);
  }
  // A cause that is itself a dependent elsewhere stays its own cause: only roots are keys.
  for (const dependents of byCause.values()) for (const d of dependents) byCause.delete(d);
  return byCause;
}

/** A problem is a consequence of `cause` when it cannot be measured or began with it. */
function cameWith(p: PlacedProblem, cause: PlacedProblem, rules: FoldingRules): boolean {
  return p.state === 'UNKNOWN' || p.since >= cause.since - rules.withCutMs;
}

/** The parents of each child, from declared parent → child edges (rule 3's input). */
export function parentsFrom(edges: Iterable<{ parent: string; child: string }>): ProbeParents {
  const parents = new Map<string, string[]>();
  for (const { parent, child } of edges) {
    const list = parents.get(child);
    if (list) list.push(parent);
    else parents.set(child, [parent]);
  }
  return (probeId) => parents.get(probeId);
}

/** Every probe of a group: causes first, then dependents. */
export function groupProbes(group: ProblemGroup): readonly PlacedProblem[] {
  return group.dependents.length === 0 ? group.causes : [...group.causes, ...group.dependents];
}

/** A site's Internet access down: the cause rule 1 folds under. */
const isCut = (p: PlacedProblem) => p.kind === 'internet' && p.state === 'CRITICAL';
/** A site's inter-site link down: the cause rule 2 folds under. */
const isLinkCut = (p: PlacedProblem) => p.kind === 'link' && p.state === 'CRITICAL';

function siteCut(siteId: string, list: PlacedProblem[], rules: FoldingRules): SiteCut | undefined {
  const earliest = (test: (p: PlacedProblem) => boolean) => {
    let found: PlacedProblem | undefined;
    // The earliest; ids break ties, so the cause does not depend on the order problems come in.
    for (const p of list) if (test(p) && (!found || p.since < found.since || (p.since === found.since && p.probeId < found.probeId))) found = p;
    return found;
  };
  const access = earliest(isCut);
  const cause = access ?? earliest(isLinkCut);
  if (!cause) return undefined;
  const members = list.filter((p) => p === cause || cameWith(p, cause, rules));
  return { siteId, by: access ? 'access' : 'link', cause, members };
}

function areaGroups(epci: string, cuts: SiteCut[], rules: FoldingRules): ProblemGroup[] {
  cuts.sort((a, b) => a.cause.since - b.cause.since || (a.siteId < b.siteId ? -1 : 1));
  const groups: ProblemGroup[] = [];
  let run: SiteCut[] = [];
  const flush = () => {
    if (run.length >= rules.areaMinSites) groups.push(areaGroup(epci, run));
    else for (const cut of run) groups.push(siteGroup(cut));
  };
  for (const cut of cuts) {
    const first = run[0];
    if (first && cut.cause.since - first.cause.since > rules.areaWindowMs) {
      flush();
      run = [];
    }
    run.push(cut);
  }
  flush();
  return groups;
}

// A problem alone is the same group as long as it is the same (immutable) problem: refolding a storm
// every few hundred ms then allocates only for what changed, and the desk can keep its rows by group
// identity (features/desk/desk-rows.ts).
const singles = new WeakMap<PlacedProblem, ProblemGroup>();

function single(p: PlacedProblem): ProblemGroup {
  let group = singles.get(p);
  if (!group) {
    group = { id: `probe:${p.probeId}`, kind: 'single', causes: [p], dependents: [], siteIds: [p.siteId], collectiviteIds: [p.collectiviteId], state: p.state, since: p.since };
    singles.set(p, group);
  }
  return group;
}

function siteGroup(cut: SiteCut): ProblemGroup {
  // A cut access that explains nothing else is just that problem: shown as itself.
  if (cut.members.length === 1) return single(cut.cause);
  const dependents = cut.members.filter((p) => p !== cut.cause);
  if (cut.by === 'link') return withFigures({ id: `link:${cut.siteId}`, kind: 'link-cut', causes: [cut.cause], dependents });
  return withFigures({ id: `site:${cut.siteId}`, kind: 'site-cut', causes: [cut.cause], dependents });
}

function areaGroup(epci: string, cuts: SiteCut[]): ProblemGroup {
  const causes = cuts.map((c) => c.cause);
  const dependents = cuts.flatMap((c) => c.members.filter((p) => p !== c.cause));
  const first = Math.min(...causes.map((p) => p.since));
  return withFigures({ id: `area:${epci}:${first}`, kind: 'area-cut', epci, causes, dependents });
}

function withFigures(g: Pick<ProblemGroup, 'id' | 'kind' | 'causes' | 'dependents' | 'epci'>): ProblemGroup {
  const all = [...g.causes, ...g.dependents];
  const siteIds = [...new Set(all.map((p) => p.siteId))];
  const collectiviteIds = [...new Set(all.map((p) => p.collectiviteId))];
  let state: ProbeState = 'OK';
  for (const p of all) if (stateSeverity(p.state) > stateSeverity(state)) state = p.state;
  const since = Math.min(...g.causes.map((p) => p.since));
  return { ...g, siteIds, collectiviteIds, state, since };
}

/** Worst state first, then the biggest, then the oldest; ids break ties. Keys read once per group. */
function* worstFirst(groups: ProblemGroup[]): Steps<ProblemGroup[]> {
  const keyed = groups.map((g) => ({ g, severity: stateSeverity(g.state), size: g.causes.length + g.dependents.length }));
  const sorted = yield* sortInSteps(keyed, (a, b) => b.severity - a.severity || b.size - a.size || a.g.since - b.g.since || (a.g.id < b.g.id ? -1 : a.g.id > b.g.id ? 1 : 0));
  return sorted.map((k) => k.g);
}
