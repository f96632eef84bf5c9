import { describe, expect, it } from 'vitest';
import type { Incident, TimelineEntry } from '../../domain/model.ts';
import { incidentPhases } from './incident-phases.ts';

const H = 3_600_000;

function incident(timeline: TimelineEntry[], over: Partial<Incident> = {}): Incident {
  return {
    id: 'i1',
    probeId: 'p1',
    siteId: 's1',
    collectiviteId: 'c1',
    status: 'open',
    severity: 'CRITICAL',
    openedAt: timeline[0]?.at ?? 0,
    timeline,
    version: 1,
    ...over,
  };
}

const strip = (spans: ReturnType<typeof incidentPhases>) => spans.map((s) => [s.phase, s.from / H, s.to / H, s.running]);

describe('incidentPhases', () => {
  it.each<[string, TimelineEntry[], number, unknown[]]>([
    ['still open', [{ at: 0, kind: 'opened' }], 2 * H, [['open', 0, 2, true]]],
    [
      'opened → acknowledged → intervention → resolved',
      [
        { at: 0, kind: 'opened' },
        { at: 0.5 * H, kind: 'notified' },
        { at: 1 * H, kind: 'acknowledged', by: 'alice', comment: 'vu' },
        { at: 2 * H, kind: 'intervention-started', by: 'alice' },
        { at: 4 * H, kind: 'resolved' },
      ],
      5 * H,
      [
        ['open', 0, 1, false],
        ['acknowledged', 1, 2, false],
        ['intervention', 2, 4, false],
        ['resolved', 4, 5, true],
      ],
    ],
    [
      'intervention without acknowledgement, acknowledged afterwards (no step back)',
      [
        { at: 0, kind: 'opened' },
        { at: 1 * H, kind: 'intervention-started' },
        { at: 2 * H, kind: 'acknowledged' },
      ],
      3 * H,
      [
        ['open', 0, 1, false],
        ['intervention', 1, 3, true],
      ],
    ],
    [
      'resolved then reopened within the window',
      [
        { at: 0, kind: 'opened' },
        { at: 1 * H, kind: 'resolved' },
        { at: 1.2 * H, kind: 'reopened' },
        { at: 2 * H, kind: 'resolved' },
        { at: 3 * H, kind: 'closed' },
      ],
      4 * H,
      [
        ['open', 0, 1, false],
        ['resolved', 1, 1.2, false],
        ['open', 1.2, 2, false],
        ['resolved', 2, 3, false],
      ],
    ],
    ['events after now are not drawn yet', [{ at: 0, kind: 'opened' }, { at: 5 * H, kind: 'resolved' }], 1 * H, [['open', 0, 1, true]]],
  ])('%s', (_, timeline, now, expected) => {
    expect(strip(incidentPhases(incident(timeline), now))).toEqual(expected);
  });

  it('falls back on the milestone fields when the timeline is empty', () => {
    const spans = incidentPhases(incident([], { openedAt: 0, acknowledgedAt: H, resolvedAt: 2 * H, closedAt: 2 * H }), 3 * H);
    expect(strip(spans)).toEqual([
      ['open', 0, 1, false],
      ['acknowledged', 1, 2, false],
      ['resolved', 2, 2, false],
    ]);
  });
});
