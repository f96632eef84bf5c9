import { describe, expect, it } from 'vitest';
import type { Incident, IncidentStatus } from '../domain/model.ts';
import { LiveIncidents } from './live-incidents.ts';

const DAY = 24 * 3_600_000;

function incident(id: string, status: IncidentStatus, openedAt: number, finishedAt?: number): Incident {
  const finished = status === 'resolved' ? { resolvedAt: finishedAt } : status === 'closed' ? { closedAt: finishedAt } : {};
  return {
    id, probeId: 'p', siteId: 's', collectiviteId: 'c', status, severity: 'CRITICAL', openedAt,
    timeline: [{ at: openedAt, kind: 'opened' }], version: 1, ...finished,
  };
}

const ids = (list: readonly Incident[]) => list.map((i) => i.id);

describe('LiveIncidents', () => {
  it('keeps a snapshot without its closed incidents, newest first', () => {
    const live = new LiveIncidents();
    live.replace([incident('old', 'open', 1), incident('closed', 'closed', 3, 4), incident('new', 'acknowledged', 2)]);
    expect(ids(live.newestFirst())).toEqual(['new', 'old']);
    expect([...live.byId.keys()].sort()).toEqual(['new', 'old']);
  });

  it('adds, replaces and drops closed incidents from an update; the list is the same array until then', () => {
    const live = new LiveIncidents();
    live.replace([incident('a', 'open', 1)]);
    const before = live.newestFirst();
    expect(live.newestFirst()).toBe(before);
    live.apply([incident('b', 'open', 2), incident('a', 'closed', 1, 5)]);
    expect(ids(live.newestFirst())).toEqual(['b']);
    live.apply([{ ...incident('b', 'in-progress', 2) }]);
    expect(live.byId.get('b')?.status).toBe('in-progress');
  });

  it('ignores an update older than the copy it holds (by version), even one that would close it', () => {
    const live = new LiveIncidents();
    live.replace([{ ...incident('a', 'acknowledged', 1), version: 3 }]);
    const before = live.newestFirst();
    live.apply([{ ...incident('a', 'open', 1), version: 2 }, { ...incident('a', 'closed', 1, 5), version: 1 }]);
    expect(live.byId.get('a')).toMatchObject({ status: 'acknowledged', version: 3 });
    live.apply([{ ...incident('a', 'in-progress', 1), version: 4 }]);
    expect(live.byId.get('a')).toMatchObject({ status: 'in-progress', version: 4 });
    expect(live.newestFirst()).not.toBe(before);
  });

  it('forgets finished incidents a day after they finished, by the server clock', () => {
    const live = new LiveIncidents();
    live.replace([incident('open', 'open', 1), incident('early', 'resolved', 1, DAY), incident('late', 'resolved', 1, 2 * DAY)]);
    const list = live.newestFirst();
    expect(live.forgetOld(2 * DAY)).toBe(false);
    expect(live.newestFirst()).toBe(list);
    expect(live.forgetOld(2 * DAY + 1)).toBe(true);
    expect(ids(live.newestFirst()).sort()).toEqual(['late', 'open']);
  });
});
