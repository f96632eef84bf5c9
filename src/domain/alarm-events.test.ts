import { describe, expect, test } from 'vitest';
import type { AlarmSubject } from './alarm-model.ts';
import { incidentAlarmEvents, gtiAlarmEvent, maintenanceAnnounced, maintenanceStarting, type MaintenanceNotice } from './alarm-events.ts';
import { reduceIncident, type IncidentEvent, type ProbeRef } from './incidents.ts';
import type { Incident } from './model.ts';
import { attach } from './incident-cause.ts';

const probe: ProbeRef = { probeId: 'p-wan', siteId: 's-ecole', collectiviteId: 'metz' };
const subject: AlarmSubject = { collectivite: 'Metz', site: 'École Jules Ferry', equipment: 'Routeur', probe: 'Accès Internet' };
const MIN = 60_000;
const T0 = Date.UTC(2026, 3, 14, 8, 0);
const status = (at: number, state: 'OK' | 'WARNING' | 'CRITICAL'): IncidentEvent => ({ type: 'status', at, state, stateType: 'HARD' });

/** Runs events through the real reducer, collecting the alarm events of each change. */
function alarms(events: IncidentEvent[]): string[] {
  let incident: Incident | undefined;
  const out: string[] = [];
  for (const event of events) {
    const outcome = reduceIncident(incident, probe, event);
    if (outcome.changed && outcome.incident) out.push(...incidentAlarmEvents(incident, outcome.incident, subject).map((e) => `${e.kind}/${e.severity}@${(e.at - T0) / MIN}`));
    incident = outcome.incident;
  }
  return out;
}

describe('incidentAlarmEvents over the real reducer', () => {
  test.each<[string, IncidentEvent[], string[]]>([
    ['a CRITICAL opening', [status(T0, 'CRITICAL')], ['opened/CRITICAL@0']],
    ['a WARNING that escalates', [status(T0, 'WARNING'), status(T0 + MIN, 'CRITICAL')], ['opened/WARNING@0', 'escalated/CRITICAL@1']],
    ['a recovery', [status(T0, 'CRITICAL'), status(T0 + 2 * MIN, 'OK')], ['opened/CRITICAL@0', 'resolved/CRITICAL@2']],
    ['a reopening within the window', [status(T0, 'CRITICAL'), status(T0 + 2 * MIN, 'OK'), status(T0 + 3 * MIN, 'CRITICAL')], ['opened/CRITICAL@0', 'resolved/CRITICAL@2', 'reopened/CRITICAL@3']],
    [
      'an acknowledgement and a comment: no alarm',
      [status(T0, 'CRITICAL'), { type: 'acknowledge', at: T0 + MIN, by: 'noc', comment: 'vu' }, { type: 'comment', at: T0 + 2 * MIN, by: 'noc', comment: 'x' }],
      ['opened/CRITICAL@0'],
    ],
    [
      'a recorded delivery: no alarm (never a loop)',
      [status(T0, 'CRITICAL'), { type: 'delivery', at: T0 + MIN, delivery: { channel: 'mail', audiences: ['support'], recipients: 1, outcome: 'sent' } }],
      ['opened/CRITICAL@0'],
    ],
  ])('%s', (_name, events, expected) => {
    expect(alarms(events)).toEqual(expected);
  });

  test('an incident attached to its cause when it opened raises no transition alarm of its own; one attached later keeps its own', () => {
    const cause = { kind: 'site-cut', incidentId: 'p-box@1', probeId: 'p-box', collectiviteId: 'metz' } as const;
    const opened = attach(reduceIncident(undefined, probe, status(T0, 'WARNING')).incident!, cause, true);
    expect(incidentAlarmEvents(undefined, opened, subject)).toEqual([]);
    const escalated = reduceIncident(opened, probe, status(T0 + MIN, 'CRITICAL')).incident!;
    const resolved = reduceIncident(escalated, probe, status(T0 + 2 * MIN, 'OK')).incident!;
    expect([...incidentAlarmEvents(opened, escalated, subject), ...incidentAlarmEvents(escalated, resolved, subject)]).toEqual([]);
    const alone = reduceIncident(undefined, probe, status(T0, 'CRITICAL')).incident!;
    const late = attach(alone, cause, false);
    expect(incidentAlarmEvents(late, reduceIncident(late, probe, status(T0 + MIN, 'OK')).incident!, subject).map((e) => e.kind)).toEqual(['resolved']);
  });

  test('keys are deterministic: the same change gives the same key', () => {
    const opened = reduceIncident(undefined, probe, status(T0, 'CRITICAL')).incident!;
    const a = incidentAlarmEvents(undefined, opened, subject);
    const b = incidentAlarmEvents(undefined, opened, subject);
    expect(a.map((e) => e.key)).toEqual(b.map((e) => e.key));
    const resolved = reduceIncident(opened, probe, status(T0 + MIN, 'OK')).incident!;
    expect(incidentAlarmEvents(opened, resolved, subject)[0]!.key).not.toBe(a[0]!.key);
  });

  test('gti events are keyed per incident and state', () => {
    const opened = reduceIncident(undefined, probe, status(T0, 'CRITICAL')).incident!;
    const risk = gtiAlarmEvent(opened, 'at-risk', T0 + 60 * MIN, T0 + 240 * MIN, subject);
    expect(risk).toMatchObject({ kind: 'gti-at-risk', key: `${opened.id}:gti-at-risk`, deadline: T0 + 240 * MIN, collectiviteId: 'metz' });
    expect(gtiAlarmEvent(opened, 'breached', T0 + 300 * MIN, T0 + 240 * MIN, subject).key).toBe(`${opened.id}:gti-breached`);
  });
});

describe('maintenance notices', () => {
  const notice: MaintenanceNotice = { collectiviteId: 'metz', windowId: 'w1', start: T0 + 24 * 60 * MIN, end: T0 + 26 * 60 * MIN, nature: 'Migration fibre', sites: [] };

  test('announced: keyed by dates, so a rescheduled window is announced again', () => {
    const a = maintenanceAnnounced(notice, T0, 'Metz');
    expect(a).toMatchObject({ kind: 'maintenance-announced', collectiviteId: 'metz', maintenance: { windowId: 'w1', nature: 'Migration fibre' } });
    expect(maintenanceAnnounced(notice, T0 + MIN, 'Metz').key).toBe(a.key);
    expect(maintenanceAnnounced({ ...notice, start: notice.start + 60 * MIN }, T0, 'Metz').key).not.toBe(a.key);
  });

  test.each<[string, number, boolean]>([
    ['before the start: not yet', -1, false],
    ['at the start', 0, true],
    ['29 minutes late (gateway was down)', 29, true],
    ['31 minutes late: too late to say "starting"', 31, false],
  ])('starting %s', (_name, minutes, due) => {
    const e = maintenanceStarting(notice, notice.start + minutes * MIN, 'Metz');
    expect(e !== undefined).toBe(due);
    if (e) expect(e).toMatchObject({ kind: 'maintenance-starting', at: notice.start, key: `maintenance:w1:starting:${notice.start}` });
  });

  test('a cancelled window never starts', () => {
    expect(maintenanceStarting({ ...notice, cancelled: true }, notice.start, 'Metz')).toBeUndefined();
  });
});
