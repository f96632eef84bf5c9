import { describe, expect, test } from 'vitest';
import { createCoveredHours, DEFAULT_COVERED_HOURS } from './covered-hours.ts';
import { gtiStatus } from './gti.ts';
import { closedDatesBetween } from './holidays.ts';
import { incidentId, reduceIncident, type ProbeRef } from './incidents.ts';
import type { MaintenanceWindow } from './maintenance.ts';
import { incidentOpening, reduceStatusInMaintenance, type StatusEvent } from './maintenance-rules.ts';
import type { ProbeState } from './model.ts';

const probe: ProbeRef = { probeId: 'p-disk-1', siteId: 's-mairie', collectiviteId: 'c-57463' };
const H = 3_600_000;
const DAY = 24 * H;
const at = (iso: string) => Date.parse(iso);
const hours = createCoveredHours({ ...DEFAULT_COVERED_HOURS, closedDates: closedDatesBetween(2025, 2027) });

const win = (start: string, end: string, extra: Partial<MaintenanceWindow> = {}): MaintenanceWindow => ({
  id: `w-${start}`,
  collectiviteId: probe.collectiviteId,
  siteIds: [probe.siteId],
  equipmentIds: [],
  probeIds: [],
  start: at(start),
  end: at(end),
  nature: 'mise à jour du serveur',
  by: 'support',
  source: 'vigie',
  createdAt: at(start) - DAY,
  ...extra,
});

const status = (seen: string, since: string, state: ProbeState = 'CRITICAL'): StatusEvent => ({ type: 'status', at: at(seen), since: at(since), state, stateType: 'HARD' });

describe('incidentOpening', () => {
  const w = win('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00');
  test.each<[string, string, string, MaintenanceWindow[], { open: true; at: string } | { open: false; until: string }]>([
    ['no window: opens when the problem began', '2026-12-14T10:00:00+01:00', '2026-12-14T11:00:00+01:00', [], { open: true, at: '2026-12-14T10:00:00+01:00' }],
    ['began before the window: opens then (not planned)', '2026-12-14T11:00:00+01:00', '2026-12-14T12:30:00+01:00', [w], { open: true, at: '2026-12-14T11:00:00+01:00' }],
    ['began inside a running window: deferred to its end', '2026-12-14T12:10:00+01:00', '2026-12-14T12:30:00+01:00', [w], { open: false, until: '2026-12-14T14:00:00+01:00' }],
    ['began inside, outlasted it: opens at the window end', '2026-12-14T12:10:00+01:00', '2026-12-14T15:00:00+01:00', [w], { open: true, at: '2026-12-14T14:00:00+01:00' }],
    ['seen exactly at the end: opens at the end', '2026-12-14T12:10:00+01:00', '2026-12-14T14:00:00+01:00', [w], { open: true, at: '2026-12-14T14:00:00+01:00' }],
    ['began at the window end (end excluded)', '2026-12-14T14:00:00+01:00', '2026-12-14T14:05:00+01:00', [w], { open: true, at: '2026-12-14T14:00:00+01:00' }],
    ['chained windows count as one stretch', '2026-12-14T12:10:00+01:00', '2026-12-14T14:30:00+01:00', [w, win('2026-12-14T13:30:00+01:00', '2026-12-14T15:00:00+01:00')], { open: false, until: '2026-12-14T15:00:00+01:00' }],
    ['ended early: opens at the early end', '2026-12-14T12:10:00+01:00', '2026-12-14T13:30:00+01:00', [{ ...w, endedAt: at('2026-12-14T13:00:00+01:00') }], { open: true, at: '2026-12-14T13:00:00+01:00' }],
    ['cancelled window covers nothing', '2026-12-14T12:10:00+01:00', '2026-12-14T12:30:00+01:00', [{ ...w, cancelledAt: at('2026-12-13T09:00:00+01:00') }], { open: true, at: '2026-12-14T12:10:00+01:00' }],
    ['since after the observation is clamped to it', '2026-12-14T12:40:00+01:00', '2026-12-14T12:30:00+01:00', [w], { open: false, until: '2026-12-14T14:00:00+01:00' }],
  ])('%s', (_name, since, now, windows, expected) => {
    const want = expected.open ? { open: true, at: at(expected.at) } : { open: false, until: at(expected.until) };
    expect(incidentOpening(at(since), at(now), windows)).toEqual(want);
  });
});

describe('reduceStatusInMaintenance: the contract', () => {
  test('Vigie starts 3 days after the disk filled up: incident dated then, GTI breached', () => {
    const filled = '2026-12-07T10:00:00+01:00'; // Monday
    const started = at(filled) + 3 * DAY;
    const out = reduceStatusInMaintenance(undefined, probe, status(new Date(started).toISOString(), filled), []);
    expect(out.incident).toMatchObject({ id: incidentId(probe.probeId, at(filled)), openedAt: at(filled), status: 'open' });
    // Opened when the disk filled up; no "notified" entry: only a delivery that happened is recorded (#15).
    expect(out.incident?.timeline).toEqual([{ at: at(filled), kind: 'opened', state: 'CRITICAL' }]);
    expect(gtiStatus(out.incident!, started, hours).status).toBe('breached');
  });

  test('reconnect during an open incident: same incident, same clock', () => {
    const first = reduceStatusInMaintenance(undefined, probe, status('2026-12-14T10:05:00+01:00', '2026-12-14T10:00:00+01:00'), []);
    // The reconnect snapshot repeats the same problem with the same `since`, later, even inside a window.
    const again = reduceStatusInMaintenance(first.incident, probe, status('2026-12-14T13:00:00+01:00', '2026-12-14T10:00:00+01:00'), [win('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00')]);
    expect(again.changed).toBe(false);
    expect(again.incident).toBe(first.incident);
    // A restart that rebuilds from scratch dates it the same way: the id is the same.
    const rebuilt = reduceIncident(undefined, probe, status('2026-12-15T09:00:00+01:00', '2026-12-14T10:00:00+01:00'));
    expect(rebuilt.incident?.id).toBe(first.incident?.id);
  });

  test.each<[string, string, string, MaintenanceWindow[], string | null, string | null]>([
    // name, since, seen, windows, expected openedAt (null = no incident), deferred until
    ['problem inside a declared window: no incident, no clock', '2026-12-14T12:10:00+01:00', '2026-12-14T12:11:00+01:00', [win('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00')], null, '2026-12-14T14:00:00+01:00'],
    ['started inside, outlasted: opens at the window end', '2026-12-14T12:10:00+01:00', '2026-12-14T14:01:00+01:00', [win('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00')], '2026-12-14T14:00:00+01:00', null],
    ['problem before the window: opens at its start', '2026-12-14T11:00:00+01:00', '2026-12-14T12:30:00+01:00', [win('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00')], '2026-12-14T11:00:00+01:00', null],
  ])('%s', (_name, since, seen, windows, openedAt, until) => {
    const out = reduceStatusInMaintenance(undefined, probe, status(seen, since), windows);
    expect(out.incident?.openedAt ?? null).toBe(openedAt === null ? null : at(openedAt));
    expect(out.deferredUntil ?? null).toBe(until === null ? null : at(until));
  });

  test('an open incident whose probe enters maintenance keeps its clock', () => {
    const opened = reduceStatusInMaintenance(undefined, probe, status('2026-12-14T10:00:00+01:00', '2026-12-14T10:00:00+01:00', 'WARNING'), []).incident!;
    const windows = [win('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00')];
    const worse = reduceStatusInMaintenance(opened, probe, status('2026-12-14T12:30:00+01:00', '2026-12-14T12:30:00+01:00'), windows);
    expect(worse.incident).toMatchObject({ id: opened.id, openedAt: opened.openedAt, severity: 'CRITICAL', status: 'open' });
    expect(worse.deferredUntil).toBeUndefined();
    const clockBefore = gtiStatus(opened, at('2026-12-14T13:00:00+01:00'), hours);
    expect(gtiStatus(worse.incident!, at('2026-12-14T13:00:00+01:00'), hours)).toEqual(clockBefore);
  });

  test('recovery during the window resolves an open incident as usual', () => {
    const opened = reduceStatusInMaintenance(undefined, probe, status('2026-12-14T10:00:00+01:00', '2026-12-14T10:00:00+01:00'), []).incident!;
    const ok = reduceStatusInMaintenance(opened, probe, status('2026-12-14T12:30:00+01:00', '2026-12-14T12:30:00+01:00', 'OK'), [win('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00')]);
    expect(ok.incident?.status).toBe('resolved');
  });

  test('a resolved incident does not reopen for a problem inside a window', () => {
    const opened = reduceStatusInMaintenance(undefined, probe, status('2026-12-14T11:50:00+01:00', '2026-12-14T11:50:00+01:00'), []).incident!;
    const resolved = reduceIncident(opened, probe, status('2026-12-14T12:01:00+01:00', '2026-12-14T12:01:00+01:00', 'OK')).incident!;
    const out = reduceStatusInMaintenance(resolved, probe, status('2026-12-14T12:05:00+01:00', '2026-12-14T12:05:00+01:00'), [win('2026-12-14T12:00:00+01:00', '2026-12-14T14:00:00+01:00')]);
    expect(out.changed).toBe(false);
    expect(out.incident).toBe(resolved);
  });
});

