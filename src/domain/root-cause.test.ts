import { describe, expect, it } from 'vitest';
import type { ProbeKind, ProbeState } from './model.ts';
import { ITEMS_PER_STEP } from './steps.ts';
import { DEFAULT_FOLDING_RULES, foldProblems, foldProblemsInSteps, groupProbes, type PlacedProblem, type ProblemGroup } from './root-cause.ts';

const MIN = 60_000;
const T = Date.UTC(2026, 11, 2, 9, 12);

// Collectivités c1, c2, c3 belong to the EPCI "saulnois"; c9 to no EPCI.
const epciOf = (c: string) => (c === 'c9' ? undefined : 'saulnois');

/** `site/probe kind state @minutes-from-T`, e.g. 's1 internet CRITICAL 0'. */
function problem(spec: string): PlacedProblem {
  const [site = '', kind, state, at] = spec.split(' ');
  const collectiviteId = site.startsWith('x') ? 'c9' : `c${site.slice(1, 2)}`;
  return { probeId: `${site}.${kind}`, siteId: site, collectiviteId, kind: kind as ProbeKind, state: state as ProbeState, since: T + Number(at) * MIN };
}

/** Each group as `kind[causes | dependents]`, probe ids sorted within each part. */
function shape(specs: string[]): string[] {
  return foldProblems(specs.map(problem), epciOf).map(shapeOf);
}

function shapeOf(g: ProblemGroup): string {
  const ids = (ps: PlacedProblem[]) => ps.map((p) => p.probeId).sort().join(',');
  return g.dependents.length === 0 && g.kind === 'single' ? `single[${ids(g.causes)}]` : `${g.kind}[${ids(g.causes)} | ${ids(g.dependents)}]`;
}

describe('foldProblems', () => {
  const table: { name: string; problems: string[]; groups: string[] }[] = [
    { name: 'nothing wrong', problems: [], groups: [] },
    { name: 'unrelated problems stay single, worst first', problems: ['s1 disk WARNING -600', 's2 camera CRITICAL 0'], groups: ['single[s2.camera]', 'single[s1.disk]'] },
    {
      name: 'a cut access: the unmeasurable probes and the link that fell with it fold under it',
      problems: ['x1 internet CRITICAL 0', 'x1 host UNKNOWN 1', 'x1 camera UNKNOWN 1', 'x1 link CRITICAL 0'],
      groups: ['site-cut[x1.internet | x1.camera,x1.host,x1.link]'],
    },
    {
      name: 'an older problem at the cut site is not caused by the cut',
      problems: ['x1 internet CRITICAL 0', 'x1 disk WARNING -4320', 'x1 host UNKNOWN 1'],
      groups: ['site-cut[x1.internet | x1.host]', 'single[x1.disk]'],
    },
    {
      name: 'a problem that began within 2 minutes before the cut came with it',
      problems: ['x1 internet CRITICAL 0', 'x1 http CRITICAL -2', 'x1 service CRITICAL -3'],
      groups: ['site-cut[x1.internet | x1.http]', 'single[x1.service]'],
    },
    {
      name: 'a WARNING on the access is not a cut (slow, not down)',
      problems: ['x1 internet WARNING 0', 'x1 host UNKNOWN 1'],
      groups: ['single[x1.internet]', 'single[x1.host]'],
    },
    {
      name: 'UNKNOWN probes without a cut access stay single',
      problems: ['x1 host UNKNOWN 0', 'x1 camera UNKNOWN 0'],
      groups: ['single[x1.camera]', 'single[x1.host]'],
    },
    {
      name: 'three sites of one EPCI cut within 10 minutes: one area cut',
      problems: ['s1 internet CRITICAL 0', 's1 host UNKNOWN 0', 's2 internet CRITICAL 4', 's3 internet CRITICAL 10', 's3 camera UNKNOWN 10'],
      groups: ['area-cut[s1.internet,s2.internet,s3.internet | s1.host,s3.camera]'],
    },
    {
      name: 'two sites are not an area cut',
      problems: ['s1 internet CRITICAL 0', 's2 internet CRITICAL 1'],
      groups: ['single[s1.internet]', 'single[s2.internet]'],
    },
    {
      name: 'a cut 11 minutes after the first is a new event, not the same area cut',
      problems: ['s1 internet CRITICAL 0', 's2 internet CRITICAL 3', 's3 internet CRITICAL 5', 's4 internet CRITICAL 16'],
      groups: ['area-cut[s1.internet,s2.internet,s3.internet | ]', 'single[s4.internet]'],
    },
    {
      name: 'sites without an EPCI never form an area cut',
      problems: ['x1 internet CRITICAL 0', 'x2 internet CRITICAL 0', 'x3 internet CRITICAL 0'],
      groups: ['single[x1.internet]', 'single[x2.internet]', 'single[x3.internet]'],
    },
  ];
  it.each(table)('$name', ({ problems, groups }) => {
    expect(shape(problems)).toEqual(groups);
  });

  // Rule 2: a site behind an inter-site link.
  const links: { name: string; problems: string[]; groups: string[] }[] = [
    {
      name: 'a cut inter-site link folds the site behind it',
      problems: ['x1 link CRITICAL 0', 'x1 host UNKNOWN 1', 'x1 camera CRITICAL 1', 'x1 disk WARNING -600'],
      groups: ['link-cut[x1.link | x1.camera,x1.host]', 'single[x1.disk]'],
    },
    {
      name: 'with the access cut too, the access is the cause (the link fell with it)',
      problems: ['x1 internet CRITICAL 0', 'x1 link CRITICAL 0', 'x1 host UNKNOWN 1'],
      groups: ['site-cut[x1.internet | x1.host,x1.link]'],
    },
    {
      name: 'link cuts never make an area cut (they are local)',
      problems: ['s1 link CRITICAL 0', 's1 host UNKNOWN 0', 's2 link CRITICAL 1', 's2 host UNKNOWN 1', 's3 link CRITICAL 2', 's3 host UNKNOWN 2'],
      groups: ['link-cut[s1.link | s1.host]', 'link-cut[s2.link | s2.host]', 'link-cut[s3.link | s3.host]'],
    },
    { name: 'a cut link explaining nothing else is that single problem', problems: ['x1 link CRITICAL 0'], groups: ['single[x1.link]'] },
  ];
  it.each(links)('$name', ({ problems, groups }) => {
    expect(shape(problems)).toEqual(groups);
  });

  // Rule 3: declared dependencies (Icinga 2), as `child → parent` pairs of probe ids.
  const declared: { name: string; parents: Record<string, string[]>; problems: string[]; groups: string[] }[] = [
    {
      name: 'a child of a CRITICAL parent on another site folds under the parent',
      parents: { 'x2.camera': ['x1.host'], 'x3.http': ['x1.host'] },
      problems: ['x1 host CRITICAL 0', 'x2 camera UNKNOWN 1', 'x3 http CRITICAL 0'],
      groups: ['dependency[x1.host | x2.camera,x3.http]'],
    },
    {
      name: 'a child whose problem is older than its parent’s stays on its own',
      parents: { 'x2.camera': ['x1.host'] },
      problems: ['x1 host CRITICAL 0', 'x2 camera CRITICAL -30'],
      groups: ['single[x2.camera]', 'single[x1.host]'],
    },
    {
      name: 'a parent in WARNING does not take its children down',
      parents: { 'x2.camera': ['x1.host'] },
      problems: ['x1 host WARNING 0', 'x2 camera UNKNOWN 1'],
      groups: ['single[x1.host]', 'single[x2.camera]'],
    },
    {
      name: 'a chain folds under its topmost CRITICAL parent',
      parents: { 'x3.camera': ['x2.host'], 'x2.host': ['x1.host'] },
      problems: ['x1 host CRITICAL 0', 'x2 host CRITICAL 0', 'x3 camera UNKNOWN 1'],
      groups: ['dependency[x1.host | x2.host,x3.camera]'],
    },
    {
      name: 'a child of a probe of a cut site joins that cut',
      parents: { 'x2.camera': ['x1.service'] },
      problems: ['x1 internet CRITICAL 0', 'x1 service CRITICAL 0', 'x2 camera UNKNOWN 1'],
      groups: ['site-cut[x1.internet | x1.service,x2.camera]'],
    },
    {
      name: 'a declared loop folds nothing twice',
      parents: { 'x1.host': ['x2.host'], 'x2.host': ['x1.host'] },
      problems: ['x1 host CRITICAL 0', 'x2 host CRITICAL 0'],
      groups: ['single[x1.host]', 'single[x2.host]'],
    },
  ];
  it.each(declared)('$name', ({ parents, problems, groups }) => {
    const folded = foldProblems(problems.map(problem), epciOf, DEFAULT_FOLDING_RULES, (id) => parents[id]);
    expect(folded.map(shapeOf)).toEqual(groups);
    expect(folded.flatMap(groupProbes).map((p) => p.probeId).sort()).toEqual(problems.map((s) => problem(s).probeId).sort());
  });

  it('names the area, its sites and collectivités, its worst state and first cut', () => {
    const [area, ...rest] = foldProblems(['s1 internet CRITICAL 2', 's2 internet CRITICAL 0', 's2 host UNKNOWN 0', 's3 internet CRITICAL 1'].map(problem), epciOf);
    expect(rest).toEqual([]);
    if (!area) throw new Error('no group');
    expect(area).toMatchObject({ kind: 'area-cut', epci: 'saulnois', state: 'CRITICAL', since: T, id: `area:saulnois:${T}` });
    expect(area.siteIds.sort()).toEqual(['s1', 's2', 's3']);
    expect(area.collectiviteIds.sort()).toEqual(['c1', 'c2', 'c3']);
    expect(groupProbes(area)).toHaveLength(4);
  });

  it('picks the same cause whatever order the problems come in (two accesses cut at the same minute)', () => {
    const specs = ['x1 internet CRITICAL 0', 'x1 host UNKNOWN 1'];
    const second = { ...problem('x1 internet CRITICAL 0'), probeId: 'x1.internet-2' };
    const forward = foldProblems([...specs.map(problem), second], epciOf);
    const backward = foldProblems([second, ...specs.map(problem)], epciOf);
    expect(forward.map(shapeOf)).toEqual(['site-cut[x1.internet | x1.host,x1.internet-2]']);
    expect(backward.map(shapeOf)).toEqual(forward.map(shapeOf));
  });

  it('keeps every problem exactly once, whatever the mix (no problem lost or doubled)', () => {
    const specs = ['s1 internet CRITICAL 0', 's1 disk WARNING -900', 's1 host UNKNOWN 0', 's2 internet CRITICAL 1', 's3 internet CRITICAL 2', 's3 link CRITICAL 2', 'x1 camera CRITICAL 5', 'x2 internet CRITICAL 0'];
    const folded = foldProblems(specs.map(problem), epciOf).flatMap(groupProbes).map((p) => p.probeId);
    expect(folded.sort()).toEqual(specs.map((s) => problem(s).probeId).sort());
  });

  it('folds a storm of 1,600 problems over 370 sites into one row per area', () => {
    const specs: string[] = [];
    for (let s = 0; s < 370; s++) {
      const site = `s${(s % 3) + 1}-${s}`;
      specs.push(`${site} internet CRITICAL ${(s % 20) / 10}`, `${site} host UNKNOWN 1`, `${site} camera UNKNOWN 1`, `${site} disk UNKNOWN 1`);
    }
    const [storm, ...rest] = foldProblems(specs.map(problem), epciOf, DEFAULT_FOLDING_RULES);
    expect(rest).toEqual([]);
    expect(storm?.siteIds).toHaveLength(370);
    expect(storm && groupProbes(storm)).toHaveLength(1_480);
  });
});

describe('foldProblemsInSteps', () => {
  it('folds as foldProblems does, a few hundred problems per step', () => {
    // 40 cut sites of one area with 10 probes each, and 1,000 lone disk warnings elsewhere.
    const specs = [
      ...Array.from({ length: 40 }, (_, s) => [`s1${s} internet CRITICAL 0`, ...Array.from({ length: 9 }, (_, k) => `s1${s} disk${k} UNKNOWN 1`)]).flat(),
      ...Array.from({ length: 1000 }, (_, n) => `x${n} disk WARNING -${n}`),
    ];
    const problems = specs.map(problem);
    const steps = foldProblemsInSteps(problems, epciOf);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields += 1;
    expect(next.value).toEqual(foldProblems(problems, epciOf));
    expect(next.value.map(shapeOf).filter((g) => g.startsWith('area-cut'))).toHaveLength(1);
    expect(yields).toBeGreaterThanOrEqual(Math.floor(problems.length / ITEMS_PER_STEP));
  });
});
