import { expect, test } from 'vitest';
import { createCoveredHours, DEFAULT_COVERED_HOURS } from '../../src/domain/covered-hours.ts';
import type { Incident } from '../../src/domain/model.ts';
import { gtiAlarmEvents } from './gti-alarms.ts';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 3, 14, 7, 0); // Tuesday 09:00 in Paris: covered hours open
const hours = createCoveredHours(DEFAULT_COVERED_HOURS);
const incident = (over: Partial<Incident> = {}): Incident => ({ id: 'p1@1', probeId: 'p1', siteId: 's1', collectiviteId: 'metz', status: 'open', severity: 'CRITICAL', openedAt: T0, timeline: [], version: 1, ...over });
const kinds = (incidents: Incident[], at: number) => gtiAlarmEvents(incidents, at, hours, () => ({ collectivite: 'Metz' })).map((e) => e.kind);

test.each<[string, Partial<Incident>, number, string[]]>([
  ['1 covered hour in: on track, nothing', {}, T0 + HOUR, []],
  ['7 covered hours in (Tuesday 16:00): at risk', {}, T0 + 7 * HOUR, ['gti-at-risk']],
  ['the next morning, past the 8 covered hours: breached', {}, T0 + 25 * HOUR, ['gti-breached']],
  ['an intervention started: the clock stopped, nothing', { interventionAt: T0 + HOUR, status: 'in-progress' }, T0 + 25 * HOUR, []],
  ['resolved: nothing', { status: 'resolved', resolvedAt: T0 + HOUR }, T0 + 25 * HOUR, []],
])('%s', (_name, over, at, expected) => {
  expect(kinds([incident(over)], at)).toEqual(expected);
});

test('keys are per incident and state, so repeated checks store one event each', () => {
  const a = gtiAlarmEvents([incident()], T0 + 7 * HOUR, hours, () => ({ collectivite: 'Metz' }));
  const b = gtiAlarmEvents([incident()], T0 + 7.2 * HOUR, hours, () => ({ collectivite: 'Metz' }));
  expect(a[0]!.key).toBe(b[0]!.key);
});
