import { describe, expect, it } from 'vitest';
import type { ProbeKind, ProbeState } from './model.ts';
import { DEFAULT_FOLDING_RULES, foldProblems, groupProbes, type PlacedProblem } from './root-cause.ts';

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
  return foldProblems(specs.map(problem), epciOf).map((g) => {
    const ids = (ps: PlacedProblem[]) => ps.map((p) => p.probeId).sort().join(',');
    return g.dependents.length === 0 && g.kind === 'single' ? `single[${ids(g.causes)}]` : `${g.kind}[${ids(g.causes)} | ${ids(g.dependents)}]`;
  });
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

  it('names the area, its sites and collectivités, its worst state and first cut', () => {
    const [area, ...rest] = foldProblems(['s1 internet CRITICAL 2', 's2 internet CRITICAL 0', 's2 host UNKNOWN 0', 's3 internet CRITICAL 1'].map(problem), epciOf);
    expect(rest).toEqual([]);
    if (!area) throw new Error('no group');
    expect(area).toMatchObject({ kind: 'area-cut', epci: 'saulnois', state: 'CRITICAL', since: T, id: `area:saulnois:${T}` });
    expect(area.siteIds.sort()).toEqual(['s1', 's2', 's3']);
    expect(area.collectiviteIds.sort()).toEqual(['c1', 'c2', 'c3']);
    expect(groupProbes(area)).toHaveLength(4);
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
