import { describe, expect, it } from 'vitest';
import { alarmsFollowCause, attach, causeForReader, causeLink, groupOf, rootCause } from './incident-cause.ts';
import type { Incident, IncidentStatus, ProbeKind, ProbeState } from './model.ts';
import { parentsFrom, type PlacedProblem } from './root-cause.ts';

const MIN = 60_000;
const T = Date.UTC(2026, 11, 2, 9, 12);
// c1, c2, c3 belong to the EPCI "saulnois"; c9 (sites x…) to none.
const epciOf = (c: string) => (c === 'c9' ? undefined : 'saulnois');

/** `site kind state @minutes-from-T`: site s2 belongs to c2, x1 to c9. */
function problem(spec: string): PlacedProblem {
  const [site = '', kind, state, at] = spec.split(' ');
  const collectiviteId = site.startsWith('x') ? 'c9' : `c${site.slice(1, 2)}`;
  return { probeId: `${site}.${kind}`, siteId: site, collectiviteId, kind: kind as ProbeKind, state: state as ProbeState, since: T + Number(at) * MIN };
}

function incident(probeId: string, status: IncidentStatus = 'open'): Incident {
  const [siteId = ''] = probeId.split('.');
  const collectiviteId = siteId.startsWith('x') ? 'c9' : `c${siteId.slice(1, 2)}`;
  return { id: `${probeId}@${T}`, probeId, siteId, collectiviteId, status, severity: 'CRITICAL', openedAt: T, timeline: [{ at: T, kind: 'opened', state: 'CRITICAL' }], version: 1 };
}

describe('the cause a new incident is attached to', () => {
  const deps = parentsFrom([
    { parent: 'x2.service', child: 'x2.camera' },
    { parent: 'x3.host', child: 'x3.camera' },
  ]);
  const table: { name: string; problems: string[]; probe: string; cause?: string; kind?: string }[] = [
    { name: 'a probe alone has no cause', problems: ['x1 disk WARNING 0'], probe: 'x1.disk' },
    { name: 'the cut access is the cause, not a dependent', problems: ['x1 internet CRITICAL 0', 'x1 host UNKNOWN 1'], probe: 'x1.internet' },
    { name: 'a probe unmeasurable behind a cut access: site cut', problems: ['x1 internet CRITICAL 0', 'x1 host UNKNOWN 1'], probe: 'x1.host', cause: 'x1.internet', kind: 'site-cut' },
    { name: 'an older problem at the cut site stays on its own', problems: ['x1 internet CRITICAL 0', 'x1 disk WARNING -600'], probe: 'x1.disk' },
    { name: 'behind a cut inter-site link: link cut', problems: ['x1 link CRITICAL 0', 'x1 camera UNKNOWN 0'], probe: 'x1.camera', cause: 'x1.link', kind: 'link-cut' },
    { name: 'a camera failing with its declared parent: dependency', problems: ['x2 service CRITICAL 0', 'x2 camera CRITICAL 0'], probe: 'x2.camera', cause: 'x2.service', kind: 'dependency' },
    { name: 'a camera whose declared parent is only WARNING stays on its own', problems: ['x2 service WARNING 0', 'x2 camera CRITICAL 0'], probe: 'x2.camera' },
    {
      name: 'a declared parent folded under its site cut: the cut is the cause',
      problems: ['x3 internet CRITICAL 0', 'x3 host CRITICAL 0', 'x3 camera CRITICAL 0'],
      probe: 'x3.camera',
      cause: 'x3.internet',
      kind: 'site-cut',
    },
    {
      name: 'an area cut: a later site cut of the EPCI is attached to the first one',
      problems: ['s1 internet CRITICAL 0', 's2 internet CRITICAL 3', 's3 internet CRITICAL 6'],
      probe: 's3.internet',
      cause: 's1.internet',
      kind: 'area-cut',
    },
    {
      name: 'an area cut: a probe behind another collectivité’s cut site is attached to the first cut',
      problems: ['s1 internet CRITICAL 0', 's2 internet CRITICAL 3', 's2 host UNKNOWN 3', 's3 internet CRITICAL 6'],
      probe: 's2.host',
      cause: 's1.internet',
      kind: 'area-cut',
    },
    { name: 'two site cuts are not yet an area: each is its own cause', problems: ['s1 internet CRITICAL 0', 's2 internet CRITICAL 3'], probe: 's2.internet' },
  ];
  it.each(table)('$name', ({ problems, probe, cause, kind }) => {
    const group = groupOf(probe, problems.map(problem), epciOf, undefined, deps);
    expect(group).toBeDefined();
    const root = group && rootCause(group);
    const link = group && causeLink(group, probe, root ? incident(root.probeId) : undefined);
    expect(link && { cause: link.probeId, kind: link.kind }).toEqual(cause ? { cause, kind } : undefined);
    if (link) expect(link).toMatchObject({ incidentId: `${cause}@${T}`, collectiviteId: incident(cause!).collectiviteId });
  });

  it.each(['resolved', 'closed'] as const)('a cause whose incident is %s attaches nothing', (status) => {
    const group = groupOf('x1.host', ['x1 internet CRITICAL 0', 'x1 host UNKNOWN 1'].map(problem), epciOf)!;
    expect(causeLink(group, 'x1.host', incident('x1.internet', status))).toBeUndefined();
    expect(causeLink(group, 'x1.host', undefined)).toBeUndefined();
    expect(causeLink(group, 'x1.host', incident('x1.other'))).toBeUndefined();
  });
});

describe('attach', () => {
  const link = { kind: 'site-cut', incidentId: `x1.internet@${T}`, probeId: 'x1.internet', collectiviteId: 'c9' } as const;
  it('at opening, the link is part of the first version and the alarms follow the cause', () => {
    const opened = attach(incident('x1.host'), link, true);
    expect(opened.version).toBe(1);
    expect(alarmsFollowCause(opened)).toBe(true);
  });
  it('later, it is one more version, and the incident keeps its own alarms', () => {
    const late = attach(incident('x1.host'), link, false);
    expect(late.version).toBe(2);
    expect(alarmsFollowCause(late)).toBe(false);
  });
  it('the same link again changes nothing; a new cause (site cut → area cut) is a change that keeps atOpening', () => {
    const opened = attach(incident('s2.host'), link, true);
    expect(attach(opened, link, false)).toBe(opened);
    const area = attach(opened, { kind: 'area-cut', incidentId: `s1.internet@${T}`, probeId: 's1.internet', collectiviteId: 'c1' }, false);
    expect(area).toMatchObject({ version: 2, cause: { kind: 'area-cut', atOpening: true } });
  });
});

describe('causeForReader', () => {
  const dependent = attach(incident('s2.host'), { kind: 'area-cut', incidentId: `s1.internet@${T}`, probeId: 's1.internet', collectiviteId: 'c1' }, true);
  const table: { reader: string | undefined; sees: object }[] = [
    { reader: undefined, sees: dependent.cause! },
    { reader: 'c1', sees: dependent.cause! },
    { reader: 'c2', sees: { kind: 'area-cut', atOpening: true } },
  ];
  it.each(table)('reader $reader', ({ reader, sees }) => {
    expect(causeForReader(dependent, reader).cause).toEqual(sees);
  });
  it('an incident without a cause is returned as is', () => {
    const alone = incident('s2.disk');
    expect(causeForReader(alone, 'c2')).toBe(alone);
  });
});
