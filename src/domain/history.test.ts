import { describe, expect, it } from 'vitest';
import type { StateInterval } from './availability.ts';
import { createCoveredHours, DEFAULT_COVERED_HOURS } from './covered-hours.ts';
import { bandKind, dailyAvailability, siteBands, stateBands, type BandKind } from './history.ts';
import type { ProbeState } from './model.ts';

const at = (local: string) => Date.parse(`${local}+01:00`);
const hours = createCoveredHours({ ...DEFAULT_COVERED_HOURS });
const iv = (from: string, to: string, state: ProbeState, inDowntime = false): StateInterval => ({ from: at(from), to: at(to), state, inDowntime });
const period = { from: at('2026-03-16T00:00:00'), to: at('2026-03-17T00:00:00') };
const band = (from: string, to: string, kind: BandKind) => ({ from: at(from), to: at(to), kind });

describe('bandKind', () => {
  it.each([
    ['OK', false, 'OK'],
    ['WARNING', false, 'WARNING'],
    ['CRITICAL', false, 'CRITICAL'],
    ['UNKNOWN', false, 'UNKNOWN'],
    ['PENDING', false, 'UNKNOWN'],
    ['CRITICAL', true, 'maintenance'],
    ['OK', true, 'maintenance'],
  ] as const)('%s (downtime %s) → %s', (state, inDowntime, kind) => expect(bandKind(state, inDowntime)).toBe(kind));
});

describe('stateBands', () => {
  it.each([
    { name: 'no history: one band of no data', intervals: [], bands: [band('2026-03-16T00:00:00', '2026-03-17T00:00:00', 'none')] },
    {
      name: 'gap before the first change, then states',
      intervals: [iv('2026-03-16T08:00:00', '2026-03-16T10:00:00', 'OK'), iv('2026-03-16T10:00:00', '2026-03-17T00:00:00', 'CRITICAL')],
      bands: [band('2026-03-16T00:00:00', '2026-03-16T08:00:00', 'none'), band('2026-03-16T08:00:00', '2026-03-16T10:00:00', 'OK'), band('2026-03-16T10:00:00', '2026-03-17T00:00:00', 'CRITICAL')],
    },
    {
      name: 'clipped to the period, same kinds merged (PENDING and UNKNOWN)',
      intervals: [iv('2026-03-15T20:00:00', '2026-03-16T12:00:00', 'PENDING'), iv('2026-03-16T12:00:00', '2026-03-18T00:00:00', 'UNKNOWN')],
      bands: [band('2026-03-16T00:00:00', '2026-03-17T00:00:00', 'UNKNOWN')],
    },
    {
      name: 'maintenance hides the state; history stops before the end: none after',
      intervals: [iv('2026-03-16T00:00:00', '2026-03-16T09:00:00', 'CRITICAL', true), iv('2026-03-16T09:00:00', '2026-03-16T18:00:00', 'WARNING')],
      bands: [band('2026-03-16T00:00:00', '2026-03-16T09:00:00', 'maintenance'), band('2026-03-16T09:00:00', '2026-03-16T18:00:00', 'WARNING'), band('2026-03-16T18:00:00', '2026-03-17T00:00:00', 'none')],
    },
    {
      name: 'overlap: the earlier interval keeps it',
      intervals: [iv('2026-03-16T00:00:00', '2026-03-16T12:00:00', 'OK'), iv('2026-03-16T06:00:00', '2026-03-17T00:00:00', 'CRITICAL')],
      bands: [band('2026-03-16T00:00:00', '2026-03-16T12:00:00', 'OK'), band('2026-03-16T12:00:00', '2026-03-17T00:00:00', 'CRITICAL')],
    },
  ])('$name', ({ intervals, bands }) => expect(stateBands(intervals, period)).toEqual(bands));
});

describe('siteBands', () => {
  it('shows the worst probe at each instant, and maintenance only when nothing else is known', () => {
    const a = [iv('2026-03-16T00:00:00', '2026-03-16T10:00:00', 'OK', true), iv('2026-03-16T10:00:00', '2026-03-17T00:00:00', 'OK')];
    const b = [iv('2026-03-16T06:00:00', '2026-03-16T12:00:00', 'CRITICAL'), iv('2026-03-16T12:00:00', '2026-03-17T00:00:00', 'WARNING')];
    expect(siteBands([a, b], period)).toEqual([
      band('2026-03-16T00:00:00', '2026-03-16T06:00:00', 'maintenance'),
      band('2026-03-16T06:00:00', '2026-03-16T12:00:00', 'CRITICAL'),
      band('2026-03-16T12:00:00', '2026-03-17T00:00:00', 'WARNING'),
    ]);
  });
  it('a site without probes has no data', () => expect(siteBands([], period)).toEqual([band('2026-03-16T00:00:00', '2026-03-17T00:00:00', 'none')]));
});

describe('dailyAvailability', () => {
  // Monday 16 (covered 09:00–17:30) and Sunday 22 March 2026 (not covered).
  const monday = { from: at('2026-03-16T00:00:00'), to: at('2026-03-17T00:00:00') };
  const sunday = { from: at('2026-03-22T00:00:00'), to: at('2026-03-23T00:00:00') };
  it.each([
    { name: 'down 1 h 42 of 8 h 30: 80 %', probes: [[iv('2026-03-16T00:00:00', '2026-03-16T15:48:00', 'OK'), iv('2026-03-16T15:48:00', '2026-03-17T00:00:00', 'CRITICAL')]], day: monday, ratio: 0.8 },
    { name: 'down outside covered hours only: 100 %', probes: [[iv('2026-03-16T00:00:00', '2026-03-16T09:00:00', 'CRITICAL'), iv('2026-03-16T09:00:00', '2026-03-17T00:00:00', 'OK')]], day: monday, ratio: 1 },
    { name: 'two probes, one down all day: 50 %', probes: [[iv('2026-03-16T00:00:00', '2026-03-17T00:00:00', 'OK')], [iv('2026-03-16T00:00:00', '2026-03-17T00:00:00', 'CRITICAL')]], day: monday, ratio: 0.5 },
    { name: 'maintenance all day: nothing measured', probes: [[iv('2026-03-16T00:00:00', '2026-03-17T00:00:00', 'CRITICAL', true)]], day: monday, ratio: null },
    { name: 'Sunday: no covered hours, no bar', probes: [[iv('2026-03-22T00:00:00', '2026-03-23T00:00:00', 'CRITICAL')]], day: sunday, ratio: null },
  ])('$name', ({ probes, day, ratio }) => {
    const [d] = dailyAvailability(probes, [day], hours);
    expect(d!.from).toBe(day.from);
    expect(d!.figures.ratio === null ? null : Math.round(d!.figures.ratio * 1000) / 1000).toBe(ratio);
  });
});
