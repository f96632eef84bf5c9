import { describe, expect, it } from 'vitest';
import { createCoveredHours, DEFAULT_COVERED_HOURS } from './covered-hours.ts';
import { gtiClock, gtiCompliance, gtiStatus } from './gti.ts';
import { closedDatesBetween } from './holidays.ts';
import type { Incident } from './model.ts';

const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const MIN = 60_000;
const hours = createCoveredHours({ ...DEFAULT_COVERED_HOURS, closedDates: closedDatesBetween(2025, 2026) });

type Times = { opened: string; intervention?: string; resolved?: string };
const incident = ({ opened, intervention, resolved }: Times): Pick<Incident, 'openedAt' | 'interventionAt' | 'resolvedAt'> => ({
  openedAt: at(opened),
  ...(intervention ? { interventionAt: at(intervention) } : {}),
  ...(resolved ? { resolvedAt: at(resolved) } : {}),
});

describe('gtiClock', () => {
  it.each([
    ['DOMAIN.md: Friday 16:00', '2026-03-13T16:00:00+01:00', '2026-03-13T16:00:00+01:00', '2026-03-16T15:30:00+01:00'],
    ['DOMAIN.md: Thursday 2 April 2026 17:00, Easter', '2026-04-02T17:00:00+02:00', '2026-04-02T17:00:00+02:00', '2026-04-07T16:30:00+02:00'],
    ['opened on Saturday: starts Monday 9:00', '2026-03-14T10:00:00+01:00', '2026-03-16T09:00:00+01:00', '2026-03-16T17:00:00+01:00'],
    ['opened Friday night before the spring DST change', '2026-03-27T20:00:00+01:00', '2026-03-30T09:00:00+02:00', '2026-03-30T17:00:00+02:00'],
    ['spanning the spring DST weekend', '2026-03-27T16:00:00+01:00', '2026-03-27T16:00:00+01:00', '2026-03-30T15:30:00+02:00'],
    ['spanning the autumn DST weekend', '2026-10-23T16:00:00+02:00', '2026-10-23T16:00:00+02:00', '2026-10-26T15:30:00+01:00'],
    ['Christmas 2025: 25 and 26 December closed', '2025-12-24T16:00:00+01:00', '2025-12-24T16:00:00+01:00', '2025-12-29T15:30:00+01:00'],
    ['opened before dawn', '2026-03-17T03:00:00+01:00', '2026-03-17T09:00:00+01:00', '2026-03-17T17:00:00+01:00'],
  ])('%s', (_label, opened, start, deadline) => {
    const clock = gtiClock(incident({ opened }), hours);
    expect(clock).toEqual({ start: at(start), deadline: at(deadline) });
  });

  it.each([
    [{ intervention: '2026-03-16T10:00:00+01:00', resolved: '2026-03-16T09:30:00+01:00' }, '2026-03-16T09:30:00+01:00'],
    [{ intervention: '2026-03-16T10:00:00+01:00', resolved: '2026-03-16T11:00:00+01:00' }, '2026-03-16T10:00:00+01:00'],
    [{ resolved: '2026-03-16T11:00:00+01:00' }, '2026-03-16T11:00:00+01:00'],
    [{ intervention: '2026-03-16T12:00:00+01:00' }, '2026-03-16T12:00:00+01:00'],
  ])('stops at the first of intervention and resolution %o', (stops, stoppedAt) => {
    expect(gtiClock(incident({ opened: '2026-03-16T09:00:00+01:00', ...stops }), hours).stoppedAt).toBe(at(stoppedAt));
  });

  it('takes the GTI length from the rules', () => {
    const clock = gtiClock(incident({ opened: '2026-03-13T16:00:00+01:00' }), hours, { gtiHours: 4, atRiskHours: 1 });
    expect(clock.deadline).toBe(at('2026-03-16T11:30:00+01:00'));
  });
});

describe('gtiStatus', () => {
  const monday = '2026-03-16T09:00:00+01:00'; // deadline Monday 17:00
  it.each([
    { name: 'fresh incident', times: {}, now: '2026-03-16T10:00:00+01:00', status: 'on-track', left: 7 * H },
    { name: 'exactly 2 h left is still on track', times: {}, now: '2026-03-16T15:00:00+01:00', status: 'on-track', left: 2 * H },
    { name: 'under 2 h left is at risk', times: {}, now: '2026-03-16T15:01:00+01:00', status: 'at-risk', left: 2 * H - MIN },
    { name: 'at the deadline, still at risk', times: {}, now: '2026-03-16T17:00:00+01:00', status: 'at-risk', left: 0 },
    { name: 'a minute past the deadline', times: {}, now: '2026-03-16T17:01:00+01:00', status: 'breached', left: -MIN },
    { name: 'next morning, still running', times: {}, now: '2026-03-17T10:00:00+01:00', status: 'breached', left: -1.5 * H },
    { name: 'intervention a minute early', times: { intervention: '2026-03-16T16:59:00+01:00' }, now: '2026-03-18T12:00:00+01:00', status: 'met', left: MIN },
    { name: 'intervention at the deadline', times: { intervention: '2026-03-16T17:00:00+01:00' }, now: '2026-03-18T12:00:00+01:00', status: 'met', left: 0 },
    { name: 'resolved late without intervention', times: { resolved: '2026-03-17T09:30:00+01:00' }, now: '2026-03-18T12:00:00+01:00', status: 'breached', left: -H },
    { name: 'a stop after now is not known yet', times: { intervention: '2026-03-16T12:00:00+01:00' }, now: '2026-03-16T11:00:00+01:00', status: 'on-track', left: 6 * H },
  ])('$name', ({ times, now, status, left }) => {
    const s = gtiStatus(incident({ opened: monday, ...times }), at(now), hours);
    expect([s.status, s.coveredMsLeft]).toEqual([status, left]);
    expect([s.start, s.deadline]).toEqual([at(monday), at('2026-03-16T17:00:00+01:00')]);
  });

  it.each([
    { name: 'weekend does not use the clock', opened: '2026-03-13T16:00:00+01:00', now: '2026-03-14T12:00:00+01:00', status: 'on-track', left: 6.5 * H },
    { name: 'Monday afternoon after a Friday opening', opened: '2026-03-13T16:00:00+01:00', now: '2026-03-16T14:00:00+01:00', status: 'at-risk', left: 1.5 * H },
    { name: 'Good Friday does not use the clock', opened: '2026-04-02T17:00:00+02:00', now: '2026-04-03T12:00:00+02:00', status: 'on-track', left: 7.5 * H },
    { name: 'Easter Tuesday afternoon', opened: '2026-04-02T17:00:00+02:00', now: '2026-04-07T16:45:00+02:00', status: 'breached', left: -15 * MIN },
    { name: 'Saturday incident, intervention on Sunday', opened: '2026-03-14T10:00:00+01:00', intervention: '2026-03-15T10:00:00+01:00', now: '2026-03-16T12:00:00+01:00', status: 'met', left: 8 * H },
  ])('$name', ({ opened, intervention, now, status, left }) => {
    const s = gtiStatus(incident({ opened, ...(intervention ? { intervention } : {}) }), at(now), hours);
    expect([s.status, s.coveredMsLeft]).toEqual([status, left]);
  });

  it('uses the at-risk threshold from the rules', () => {
    const s = gtiStatus(incident({ opened: monday }), at('2026-03-16T13:30:00+01:00'), hours, { gtiHours: 8, atRiskHours: 4 });
    expect(s.status).toBe('at-risk');
  });
});

describe('gtiCompliance over March 2026', () => {
  const march = { from: at('2026-03-01T00:00:00+01:00'), to: at('2026-04-01T00:00:00+02:00') };
  const incidents = [
    incident({ opened: '2026-03-16T09:00:00+01:00', intervention: '2026-03-16T10:00:00+01:00' }), // met in March
    incident({ opened: '2026-03-18T09:00:00+01:00', resolved: '2026-03-19T16:00:00+01:00' }), // breached 18 March 17:00
    incident({ opened: '2026-03-24T09:00:00+01:00' }), // still running: breached 24 March 17:00
    incident({ opened: '2026-02-16T09:00:00+01:00', intervention: '2026-02-16T10:00:00+01:00' }), // met in February
    incident({ opened: '2026-03-31T16:00:00+02:00', intervention: '2026-03-31T17:00:00+02:00' }), // met in March, deadline in April
    incident({ opened: '2026-03-31T16:00:00+02:00' }), // breached 1 April 15:30: April's figure
  ];

  it.each([
    { now: '2026-04-10T12:00:00+02:00', met: 2, breached: 2 },
    { now: '2026-03-24T12:00:00+01:00', met: 1, breached: 1 }, // the 24 March incident is not decided yet
    { now: '2026-03-01T00:00:00+01:00', met: 0, breached: 0 },
  ])('as seen at $now: $met met, $breached breached', ({ now, met, breached }) => {
    const c = gtiCompliance(incidents, march, at(now), hours);
    expect(c).toEqual({ met, breached, compliance: met + breached > 0 ? met / (met + breached) : null });
  });
});
