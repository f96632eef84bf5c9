import { describe, expect, test } from 'vitest';
import type { DeliveryNote, Incident, ProbeState, StateType } from './model.ts';
import { incidentId, isActive, reduceIncident, type IncidentEvent, type ProbeRef } from './incidents.ts';

const probe: ProbeRef = { probeId: 'p-disk-1', siteId: 's-mairie', collectiviteId: 'c-57463' };
const MIN = 60_000;
/** Tuesday 14 April 2026, 10:00 Europe/Paris (08:00 UTC). */
const T0 = Date.UTC(2026, 3, 14, 8, 0);

const status = (at: number, state: ProbeState, stateType: StateType = 'HARD'): IncidentEvent => ({ type: 'status', at, state, stateType });

/** Apply events in order from `start`, freezing every input so a mutation would throw. */
function fold(events: IncidentEvent[], start?: Incident) {
  let incident = start;
  const outcomes = events.map((event) => {
    const outcome = reduceIncident(incident === undefined ? undefined : deepFreeze(incident), probe, event);
    incident = outcome.incident;
    return outcome;
  });
  return { incident, outcomes };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const kinds = (incident: Incident | undefined) => incident?.timeline.map((e) => e.kind);

describe('opening', () => {
  test.each<[ProbeState, StateType, boolean]>([
    ['CRITICAL', 'HARD', true],
    ['WARNING', 'HARD', true],
    ['CRITICAL', 'SOFT', false],
    ['WARNING', 'SOFT', false],
    ['UNKNOWN', 'HARD', false],
    ['PENDING', 'HARD', false],
    ['OK', 'HARD', false],
  ])('%s %s opens an incident: %s', (state, stateType, opens) => {
    const { incident, outcomes } = fold([status(T0, state, stateType)]);
    expect(outcomes[0]?.changed).toBe(opens);
    expect(incident !== undefined).toBe(opens);
    if (!incident) return;
    expect(incident).toMatchObject({ id: incidentId(probe.probeId, T0), ...probe, status: 'open', severity: state, openedAt: T0 });
    // Nothing was sent: opening records the opening only (alarm deliveries are recorded when made).
    expect(incident.timeline).toEqual([{ at: T0, kind: 'opened', state }]);
  });

  test('soft failures confirmed by a hard one open the incident at the hard instant', () => {
    const { incident } = fold([status(T0, 'CRITICAL', 'SOFT'), status(T0 + MIN, 'CRITICAL', 'SOFT'), status(T0 + 2 * MIN, 'CRITICAL')]);
    expect(incident?.openedAt).toBe(T0 + 2 * MIN);
  });

  test('ids are deterministic per probe and opening instant', () => {
    expect(incidentId('p1', 5)).toBe('p1@5');
    expect(incidentId('p1', 5)).not.toBe(incidentId('p1', 6));
  });
});

describe('severity follows the worst state reached', () => {
  test.each<[string, IncidentEvent[], Incident['severity'], string[]]>([
    ['warning then critical', [status(T0, 'WARNING'), status(T0 + MIN, 'CRITICAL')], 'CRITICAL', ['state-changed']],
    ['critical then warning keeps critical', [status(T0, 'CRITICAL'), status(T0 + MIN, 'WARNING')], 'CRITICAL', ['state-changed']],
    [
      'warning, critical, warning',
      [status(T0, 'WARNING'), status(T0 + MIN, 'CRITICAL'), status(T0 + 2 * MIN, 'WARNING')],
      'CRITICAL',
      ['state-changed', 'state-changed'],
    ],
    ['unknown is recorded without raising severity', [status(T0, 'WARNING'), status(T0 + MIN, 'UNKNOWN')], 'WARNING', ['state-changed']],
    ['a soft critical is not yet a change', [status(T0, 'WARNING'), status(T0 + MIN, 'CRITICAL', 'SOFT')], 'WARNING', []],
    ['a repeated state is not a change', [status(T0, 'WARNING'), status(T0 + MIN, 'WARNING')], 'WARNING', []],
  ])('%s', (_name, events, severity, extraKinds) => {
    const { incident } = fold(events);
    expect(incident?.severity).toBe(severity);
    expect(incident?.status).toBe('open');
    expect(kinds(incident)).toEqual(['opened', ...extraKinds]);
  });
});

describe('resolution', () => {
  test.each<[StateType]>([['HARD'], ['SOFT']])('back to OK (%s) resolves', (stateType) => {
    const { incident } = fold([status(T0, 'CRITICAL'), status(T0 + 20 * MIN, 'OK', stateType)]);
    expect(incident).toMatchObject({ status: 'resolved', resolvedAt: T0 + 20 * MIN });
    expect(incident?.timeline.at(-1)).toEqual({ at: T0 + 20 * MIN, kind: 'resolved', state: 'OK' });
    expect(incident && isActive(incident)).toBe(false);
  });

  test('an OK on a resolved incident changes nothing', () => {
    const { outcomes } = fold([status(T0, 'CRITICAL'), status(T0 + MIN, 'OK'), status(T0 + 2 * MIN, 'OK')]);
    expect(outcomes.map((o) => o.changed)).toEqual([true, true, false]);
  });
});

describe('reopen within 15 minutes of resolution', () => {
  const resolvedAt = T0 + 30 * MIN;
  const history = [status(T0, 'WARNING'), status(resolvedAt, 'OK')];

  test.each<[string, number, boolean]>([
    ['14:59 later', 14 * MIN + 59_000, true],
    ['exactly 15:00 later', 15 * MIN, true],
    ['15:01 later', 15 * MIN + 1_000, false],
    ['a day later', 24 * 60 * MIN, false],
  ])('a hard problem %s reopens: %s', (_name, delay, reopens) => {
    const { incident } = fold([...history, status(resolvedAt + delay, 'CRITICAL')]);
    if (reopens) {
      expect(incident).toMatchObject({ id: incidentId(probe.probeId, T0), status: 'open', severity: 'CRITICAL', openedAt: T0 });
      expect(incident?.resolvedAt).toBeUndefined();
      expect(incident?.timeline.at(-1)).toEqual({ at: resolvedAt + delay, kind: 'reopened', state: 'CRITICAL' });
    } else {
      expect(incident).toMatchObject({ id: incidentId(probe.probeId, resolvedAt + delay), status: 'open', openedAt: resolvedAt + delay });
      expect(kinds(incident)).toEqual(['opened']);
    }
  });

  test('a soft problem within the window does not reopen', () => {
    const { incident, outcomes } = fold([...history, status(resolvedAt + MIN, 'CRITICAL', 'SOFT')]);
    expect(outcomes.at(-1)?.changed).toBe(false);
    expect(incident?.status).toBe('resolved');
  });

  test.each<[string, IncidentEvent[], Incident['status']]>([
    ['untouched', [], 'open'],
    ['acknowledged', [{ type: 'acknowledge', at: T0 + MIN, by: 'support1', comment: 'vu' }], 'acknowledged'],
    [
      'in progress',
      [
        { type: 'acknowledge', at: T0 + MIN, by: 'support1', comment: 'vu' },
        { type: 'start-intervention', at: T0 + 2 * MIN, by: 'tech2' },
      ],
      'in-progress',
    ],
  ])('an incident %s before resolution returns to that status', (_name, actions, expected) => {
    const { incident } = fold([status(T0, 'WARNING'), ...actions, status(resolvedAt, 'OK'), status(resolvedAt + MIN, 'WARNING')]);
    expect(incident?.status).toBe(expected);
    expect(incident?.severity).toBe('WARNING');
  });

  test('a closed incident is final: a problem within the window opens a new one', () => {
    const { incident } = fold([...history, { type: 'close', at: resolvedAt + MIN, by: 'support1' }, status(resolvedAt + 2 * MIN, 'CRITICAL')]);
    expect(incident).toMatchObject({ id: incidentId(probe.probeId, resolvedAt + 2 * MIN), status: 'open' });
  });
});

describe('incidents spanning weekends are just instants', () => {
  /** Friday 10 April 2026 23:55 Paris = 21:55 UTC; Saturday 00:05 is ten minutes later. */
  const fridayNight = Date.UTC(2026, 3, 10, 21, 55);

  test('opened Friday, resolved Monday, all instants kept', () => {
    const friday = Date.UTC(2026, 3, 10, 14, 0);
    const monday = Date.UTC(2026, 3, 13, 7, 30);
    const { incident } = fold([status(friday, 'CRITICAL'), status(monday, 'OK')]);
    expect(incident).toMatchObject({ openedAt: friday, resolvedAt: monday, status: 'resolved' });
  });

  test('the reopen window counts wall time, not covered hours, across midnight into Saturday', () => {
    const { incident } = fold([status(fridayNight - 60 * MIN, 'CRITICAL'), status(fridayNight, 'OK'), status(fridayNight + 10 * MIN, 'CRITICAL')]);
    expect(incident?.id).toBe(incidentId(probe.probeId, fridayNight - 60 * MIN));
    expect(kinds(incident)?.at(-1)).toBe('reopened');
  });
});

describe('replays and late events', () => {
  const history: IncidentEvent[] = [
    status(T0, 'CRITICAL', 'SOFT'),
    status(T0 + MIN, 'CRITICAL'),
    { type: 'acknowledge', at: T0 + 2 * MIN, by: 'support1', comment: 'vu, on appelle la mairie' },
    { type: 'comment', at: T0 + 3 * MIN, by: 'referent', comment: 'serveur redémarré' },
    status(T0 + 4 * MIN, 'WARNING'),
    status(T0 + 9 * MIN, 'OK'),
    status(T0 + 30 * MIN, 'CRITICAL'),
    { type: 'start-intervention', at: T0 + 31 * MIN, by: 'tech2' },
  ];

  test('replaying the whole history onto its result changes nothing', () => {
    const first = fold(history);
    const replay = fold(history, first.incident);
    expect(replay.outcomes.map((o) => o.changed)).toEqual(history.map(() => false));
    // Actions of the first incident (resolved, then a new one after 21 min) cannot touch the second.
    expect(replay.outcomes.map((o) => o.refused)).toEqual(history.map((e) => (e.type !== 'status' && e.at < T0 + 30 * MIN ? 'predates-incident' : undefined)));
    expect(replay.incident).toEqual(first.incident);
  });

  test('replaying a single incident with a reopen onto itself changes nothing and refuses nothing', () => {
    const reopened: IncidentEvent[] = [...history.slice(0, 6), status(T0 + 20 * MIN, 'CRITICAL'), { type: 'start-intervention', at: T0 + 21 * MIN, by: 'tech2' }];
    const first = fold(reopened);
    expect(kinds(first.incident)).toContain('reopened');
    const replay = fold(reopened, first.incident);
    expect(replay.outcomes).toEqual(reopened.map(() => ({ incident: first.incident, changed: false })));
  });

  test('replaying from scratch yields the same incident and id (no duplicate)', () => {
    expect(fold(history).incident).toEqual(fold(history).incident);
    expect(fold(history).incident?.id).toBe(incidentId(probe.probeId, T0 + 30 * MIN));
  });

  test('a status older than the last recorded state is stale', () => {
    const { incident, outcomes } = fold([status(T0, 'CRITICAL'), status(T0 + 10 * MIN, 'OK'), status(T0 + 5 * MIN, 'WARNING')]);
    expect(outcomes.at(-1)?.changed).toBe(false);
    expect(incident?.status).toBe('resolved');
  });

  test('operator actions are applied in the order given, even when dated earlier', () => {
    const { incident } = fold([
      status(T0 + 5 * MIN, 'CRITICAL'),
      { type: 'comment', at: T0 + 9 * MIN, by: 'support1', comment: 'premier' },
      { type: 'acknowledge', at: T0 + 7 * MIN, by: 'support2', comment: 'arrivé en retard' },
    ]);
    expect(incident?.timeline.slice(-2).map((e) => [e.kind, e.at])).toEqual([
      ['commented', T0 + 9 * MIN],
      ['acknowledged', T0 + 7 * MIN],
    ]);
    expect(incident?.acknowledgedAt).toBe(T0 + 7 * MIN);
  });

  test('an incident of another probe is refused untouched', () => {
    const { incident } = fold([status(T0, 'CRITICAL')]);
    const outcome = reduceIncident(incident, { ...probe, probeId: 'p-other' }, status(T0 + MIN, 'OK'));
    expect(outcome).toEqual({ incident, changed: false, refused: 'wrong-probe' });
  });
});

describe('versions: 1 when opened, one more per change, none for what changes nothing', () => {
  test('each change adds exactly one version (and one timeline entry); replays and refusals add none', () => {
    const events: IncidentEvent[] = [
      status(T0, 'WARNING'),
      { type: 'acknowledge', at: T0 + MIN, by: 'support1', comment: 'vu' },
      status(T0 + 2 * MIN, 'CRITICAL'),
      status(T0 + 3 * MIN, 'CRITICAL'), // same state: nothing
      { type: 'close', at: T0 + 4 * MIN, by: 'support1' }, // refused: still active
      { type: 'start-intervention', at: T0 + 5 * MIN, by: 'tech2' },
      status(T0 + 6 * MIN, 'OK'),
      status(T0 + 10 * MIN, 'CRITICAL'), // reopened
      { type: 'acknowledge', at: T0 + MIN, by: 'support1', comment: 'vu' }, // a replay
    ];
    const { outcomes } = fold(events);
    expect(outcomes.map((o) => o.incident?.version)).toEqual([1, 2, 3, 3, 3, 4, 5, 6, 6]);
    for (const o of outcomes) expect(o.incident!.version).toBe(o.incident!.timeline.length);
  });

  test('a new incident after a closed one starts again at 1', () => {
    const { incident } = fold([status(T0, 'CRITICAL'), status(T0 + MIN, 'OK'), { type: 'close', at: T0 + 2 * MIN, by: 'support1' }, status(T0 + 3 * MIN, 'CRITICAL')]);
    expect(incident).toMatchObject({ openedAt: T0 + 3 * MIN, version: 1 });
  });
});

describe('alarm deliveries: recorded only when made', () => {
  const sent: DeliveryNote = { channel: 'mail', audiences: ['referent', 'support'], recipients: 2, outcome: 'sent' };

  test('a delivery appends one notified entry and one version, in any status, without touching the lifecycle', () => {
    const { incident } = fold([status(T0, 'CRITICAL'), status(T0 + MIN, 'OK')]);
    const outcome = reduceIncident(deepFreeze(incident), probe, { type: 'delivery', at: T0 + 2 * MIN, delivery: sent });
    expect(outcome.changed).toBe(true);
    expect(outcome.incident).toMatchObject({ status: 'resolved', resolvedAt: T0 + MIN, version: incident!.version + 1 });
    expect(outcome.incident?.timeline.at(-1)).toEqual({ at: T0 + 2 * MIN, kind: 'notified', delivery: sent });
  });

  test('a delivery does not count as an observation: a later status still applies', () => {
    const { incident } = fold([status(T0, 'WARNING'), { type: 'delivery', at: T0 + 5 * MIN, delivery: sent }, status(T0 + 2 * MIN, 'CRITICAL')]);
    expect(incident?.severity).toBe('CRITICAL');
  });

  test('no incident: refused', () => {
    expect(reduceIncident(undefined, probe, { type: 'delivery', at: T0, delivery: sent })).toEqual({ incident: undefined, changed: false, refused: 'no-incident' });
  });
});
