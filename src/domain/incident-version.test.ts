import { describe, expect, test } from 'vitest';
import { reconcileIncident, reconcileIncidents, withVersion } from './incident-version.ts';
import type { Incident } from './model.ts';

const T0 = Date.UTC(2026, 3, 14, 8, 0);
const incident = (id: string, version: number, status: Incident['status'] = 'open'): Incident => ({
  id,
  probeId: `p-${id}`,
  siteId: 's',
  collectiviteId: 'c',
  status,
  severity: 'CRITICAL',
  openedAt: T0,
  timeline: [
    { at: T0, kind: 'opened', state: 'CRITICAL' },
    { at: T0, kind: 'notified' },
  ],
  version,
});

describe('reconcileIncident', () => {
  test.each([
    ['nothing held: the incoming copy', undefined, incident('a', 1), 'incoming'],
    ['a newer copy arrives', incident('a', 2), incident('a', 3, 'acknowledged'), 'incoming'],
    ['an older copy arrives (a late page, a replay)', incident('a', 4, 'resolved'), incident('a', 3, 'acknowledged'), 'held'],
    // The gateway may say the same thing twice, or redo a version storage refused: the last word wins.
    ['the same version', incident('a', 3), incident('a', 3, 'acknowledged'), 'incoming'],
  ] as const)('%s → %s', (_what, held, incoming, kept) => {
    expect(reconcileIncident(held, incoming)).toBe(kept === 'held' ? held : incoming);
  });
});

describe('reconcileIncidents', () => {
  test("keeps the page's order and members, each with the newer of the two copies", () => {
    const page = [incident('a', 2), incident('b', 5, 'resolved'), incident('c', 1)];
    const live = new Map([
      ['a', incident('a', 3, 'acknowledged')],
      ['b', incident('b', 4)],
      ['z', incident('z', 9)], // not on this page: a refetch decides whether it belongs
    ]);
    const merged = reconcileIncidents(page, live);
    expect(merged.map((i) => `${i.id}@${i.version}:${i.status}`)).toEqual(['a@3:acknowledged', 'b@5:resolved', 'c@1:open']);
    expect(merged[2]).toBe(page[2]);
  });
});

describe('withVersion (incidents stored before versions existed)', () => {
  test.each([
    ['opened only', 2, 1],
    ['opened, then acknowledged', 3, 2],
    ['a long history', 12, 11],
    ['a timeline shorter than the reducer writes', 1, 1],
    ['an empty timeline', 0, 1],
  ])('%s (%i entries) → version %i', (_what, entries, version) => {
    const { version: _none, ...old } = incident('a', 1);
    const stored = { ...old, timeline: Array.from({ length: entries }, (_, i) => ({ at: T0 + i, kind: 'commented' as const })) };
    expect(withVersion(stored).version).toBe(version);
  });

  test('a stored version is kept as is; a broken one is recomputed', () => {
    const kept = incident('a', 7);
    expect(withVersion(kept)).toBe(kept);
    expect(withVersion({ ...kept, version: 0 }).version).toBe(1);
    expect(withVersion({ ...kept, version: 'x' as unknown as number }).version).toBe(1);
  });
});
