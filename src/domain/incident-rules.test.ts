import { describe, expect, test } from 'vitest';
import type { Incident, IncidentStatus } from './model.ts';
import { allowedActions, handlingOf, isActive, isLiveRecent, LIVE_RECENT_MS, type IncidentRefusal, type OperatorActionType } from './incident-rules.ts';
import { reduceIncident, type IncidentEvent, type ProbeRef } from './incidents.ts';

const probe: ProbeRef = { probeId: 'p-cam-3', siteId: 's-ecole', collectiviteId: 'c-57672' };
const MIN = 60_000;
/** Monday 7 December 2026, 09:30 Europe/Paris. */
const T0 = Date.UTC(2026, 11, 7, 8, 30);

/** Drive a fresh incident to `status` through the reducer itself, as the gateway would. */
function incidentIn(status: IncidentStatus): Incident {
  const steps: Record<IncidentStatus, IncidentEvent[]> = {
    open: [],
    acknowledged: [{ type: 'acknowledge', at: T0 + MIN, by: 'support1', comment: 'vu' }],
    'in-progress': [{ type: 'start-intervention', at: T0 + 2 * MIN, by: 'tech2' }],
    resolved: [{ type: 'status', at: T0 + 3 * MIN, state: 'OK', stateType: 'HARD' }],
    closed: [
      { type: 'status', at: T0 + 3 * MIN, state: 'OK', stateType: 'HARD' },
      { type: 'close', at: T0 + 4 * MIN, by: 'support1' },
    ],
  };
  let incident = reduceIncident(undefined, probe, { type: 'status', at: T0, state: 'CRITICAL', stateType: 'HARD' }).incident;
  for (const event of steps[status]) incident = reduceIncident(incident, probe, event).incident;
  if (incident?.status !== status) throw new Error(`setup failed: ${incident?.status} instead of ${status}`);
  return Object.freeze(incident);
}

const AT = T0 + 10 * MIN;
const action = (type: OperatorActionType, comment = 'un commentaire'): IncidentEvent => ({ type, at: AT, by: 'op', comment });

describe('operator actions by incident status', () => {
  // [status, action, refusal or the status it leads to]
  test.each<[IncidentStatus, OperatorActionType, { refused: IncidentRefusal } | { status: IncidentStatus }]>([
    ['open', 'acknowledge', { status: 'acknowledged' }],
    ['acknowledged', 'acknowledge', { refused: 'already-acknowledged' }],
    ['in-progress', 'acknowledge', { refused: 'already-in-progress' }],
    ['resolved', 'acknowledge', { refused: 'not-active' }],
    ['closed', 'acknowledge', { refused: 'already-closed' }],
    ['open', 'comment', { status: 'open' }],
    ['resolved', 'comment', { status: 'resolved' }],
    ['closed', 'comment', { refused: 'already-closed' }],
    ['open', 'start-intervention', { status: 'in-progress' }],
    ['acknowledged', 'start-intervention', { status: 'in-progress' }],
    ['in-progress', 'start-intervention', { refused: 'already-in-progress' }],
    ['resolved', 'start-intervention', { refused: 'not-active' }],
    ['open', 'close', { refused: 'still-active' }],
    ['acknowledged', 'close', { refused: 'still-active' }],
    ['in-progress', 'close', { refused: 'still-active' }],
    ['resolved', 'close', { status: 'closed' }],
    ['closed', 'close', { refused: 'already-closed' }],
  ])('%s + %s → %o', (status, type, expected) => {
    const before = incidentIn(status);
    const outcome = reduceIncident(before, probe, action(type));
    if ('refused' in expected) {
      expect(outcome).toEqual({ incident: before, changed: false, refused: expected.refused });
      expect(allowedActions(before)).not.toContain(type);
      return;
    }
    expect(outcome.changed).toBe(true);
    expect(outcome.incident?.status).toBe(expected.status);
    expect(outcome.incident?.timeline.at(-1)).toMatchObject({ at: AT, by: 'op', comment: 'un commentaire' });
    expect(allowedActions(before)).toContain(type);
  });

  test.each<[OperatorActionType, keyof Incident]>([
    ['acknowledge', 'acknowledgedAt'],
    ['start-intervention', 'interventionAt'],
  ])('%s stamps %s', (type, field) => {
    expect(reduceIncident(incidentIn('open'), probe, action(type)).incident?.[field]).toBe(AT);
  });

  test('close stamps closedAt', () => {
    expect(reduceIncident(incidentIn('resolved'), probe, action('close')).incident?.closedAt).toBe(AT);
  });

  test.each<[OperatorActionType, string]>([
    ['acknowledge', ''],
    ['acknowledge', '   '],
    ['comment', ''],
  ])('%s with comment %j is refused', (type, comment) => {
    const before = incidentIn('open');
    expect(reduceIncident(before, probe, action(type, comment))).toEqual({ incident: before, changed: false, refused: 'comment-required' });
  });

  test('optional comments are trimmed and omitted when blank', () => {
    const blank = reduceIncident(incidentIn('open'), probe, { type: 'start-intervention', at: AT, by: 'tech2', comment: '  ' });
    expect(blank.incident?.timeline.at(-1)).toEqual({ at: AT, kind: 'intervention-started', by: 'tech2' });
    const padded = reduceIncident(incidentIn('open'), probe, { type: 'comment', at: AT, by: 'op', comment: ' disque plein ' });
    expect(padded.incident?.timeline.at(-1)?.comment).toBe('disque plein');
  });

  test.each<[OperatorActionType]>([['acknowledge'], ['comment'], ['start-intervention'], ['close']])(
    '%s without any incident is refused',
    (type) => {
      expect(reduceIncident(undefined, probe, action(type))).toEqual({ incident: undefined, changed: false, refused: 'no-incident' });
    },
  );

  test('an action dated before the incident opened is refused', () => {
    const before = incidentIn('open');
    const early: IncidentEvent = { type: 'comment', at: T0 - MIN, by: 'op', comment: 'ancien' };
    expect(reduceIncident(before, probe, early).refused).toBe('predates-incident');
  });
});

describe('allowed actions and activity', () => {
  test.each<[IncidentStatus, OperatorActionType[], boolean]>([
    ['open', ['acknowledge', 'comment', 'start-intervention'], true],
    ['acknowledged', ['comment', 'start-intervention'], true],
    ['in-progress', ['comment'], true],
    ['resolved', ['comment', 'close'], false],
    ['closed', [], false],
  ])('%s allows %j (active: %s)', (status, actions, active) => {
    const incident = incidentIn(status);
    expect(allowedActions(incident)).toEqual(actions);
    expect(isActive(incident)).toBe(active);
  });

  test('nothing is allowed without an incident', () => {
    expect(allowedActions(undefined)).toEqual([]);
  });
});

describe('isLiveRecent: what stays on the live views', () => {
  const base: Incident = { id: 'i', ...probe, status: 'open', severity: 'CRITICAL', openedAt: 0, timeline: [], version: 1 };
  const now = 10 * LIVE_RECENT_MS;
  test.each<[string, Partial<Incident>, boolean]>([
    ['an open incident, however old', { status: 'open' }, true],
    ['an incident in progress', { status: 'in-progress', interventionAt: 1 }, true],
    ['resolved within the day', { status: 'resolved', resolvedAt: now - LIVE_RECENT_MS }, true],
    ['resolved a day and 1 ms ago', { status: 'resolved', resolvedAt: now - LIVE_RECENT_MS - 1 }, false],
    ['closed within the day, resolved long before', { status: 'closed', resolvedAt: 0, closedAt: now - 1 }, true],
    ['closed long ago', { status: 'closed', resolvedAt: 0, closedAt: 1 }, false],
  ])('%s → %s', (_what, over, expected) => {
    expect(isLiveRecent({ ...base, ...over }, now)).toBe(expected);
  });
});

describe('handlingOf: whether the support cell is on a row', () => {
  const rows: Array<[IncidentStatus[], ReturnType<typeof handlingOf>]> = [
    [[], undefined],
    [['open'], undefined],
    [['acknowledged', 'open'], undefined],
    [['acknowledged'], 'acknowledged'],
    [['in-progress', 'acknowledged'], 'acknowledged'],
    [['in-progress', 'in-progress'], 'in-progress'],
  ];
  test.each(rows)('%j → %s', (statuses, handling) => {
    expect(handlingOf(statuses.map(incidentIn))).toBe(handling);
  });
});
