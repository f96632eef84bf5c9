import { describe, expect, it } from 'vitest';
import {
  aggregateAvailability,
  errorBudgetMinutes,
  probeAvailability,
  worstProbes,
  aggregateBy,
  type AvailabilityFigures,
  type StateInterval,
} from './availability.ts';
import { createCoveredHours, DEFAULT_COVERED_HOURS } from './covered-hours.ts';
import { closedDatesBetween } from './holidays.ts';
import type { ProbeState } from './model.ts';

const at = (iso: string) => Date.parse(iso);
const H = 3_600_000;
const hours = createCoveredHours({ ...DEFAULT_COVERED_HOURS, closedDates: closedDatesBetween(2026, 2026) });

// Week of Monday 16 March 2026 (winter time): 5 × 8.5 h = 42.5 covered hours.
const week = { from: at('2026-03-16T00:00:00+01:00'), to: at('2026-03-23T00:00:00+01:00') };
const iv = (from: string, to: string, state: ProbeState, inDowntime = false): StateInterval => ({
  from: at(`${from}+01:00`),
  to: at(`${to}+01:00`),
  state,
  inDowntime,
});
const allWeek = (state: ProbeState) => iv('2026-03-16T00:00:00', '2026-03-23T00:00:00', state);

describe('probeAvailability', () => {
  it.each([
    { name: 'OK all week', intervals: [allWeek('OK')], up: 42.5, down: 0, unmeasured: 0, maintenance: 0 },
    { name: 'WARNING counts as up', intervals: [allWeek('WARNING')], up: 42.5, down: 0, unmeasured: 0, maintenance: 0 },
    {
      name: 'CRITICAL Monday 10:00–12:00',
      intervals: [
        iv('2026-03-16T00:00:00', '2026-03-16T10:00:00', 'OK'),
        iv('2026-03-16T10:00:00', '2026-03-16T12:00:00', 'CRITICAL'),
        iv('2026-03-16T12:00:00', '2026-03-23T00:00:00', 'OK'),
      ],
      up: 40.5, down: 2, unmeasured: 0, maintenance: 0,
    },
    {
      name: 'CRITICAL only outside covered hours (Friday night to Monday)',
      intervals: [
        iv('2026-03-16T00:00:00', '2026-03-20T18:00:00', 'OK'),
        iv('2026-03-20T18:00:00', '2026-03-23T00:00:00', 'CRITICAL'),
      ],
      up: 42.5, down: 0, unmeasured: 0, maintenance: 0,
    },
    {
      name: 'no data on Tuesday is unmeasured',
      intervals: [
        iv('2026-03-16T00:00:00', '2026-03-17T00:00:00', 'OK'),
        iv('2026-03-18T00:00:00', '2026-03-23T00:00:00', 'OK'),
      ],
      up: 34, down: 0, unmeasured: 8.5, maintenance: 0,
    },
    {
      name: 'UNKNOWN and PENDING are unmeasured',
      intervals: [
        iv('2026-03-16T00:00:00', '2026-03-16T11:00:00', 'PENDING'),
        iv('2026-03-16T11:00:00', '2026-03-18T09:00:00', 'OK'),
        iv('2026-03-18T09:00:00', '2026-03-18T13:00:00', 'UNKNOWN'),
        iv('2026-03-18T13:00:00', '2026-03-23T00:00:00', 'OK'),
      ],
      up: 36.5, down: 0, unmeasured: 6, maintenance: 0,
    },
    {
      name: 'CRITICAL during declared maintenance is maintenance',
      intervals: [
        iv('2026-03-16T00:00:00', '2026-03-19T00:00:00', 'OK'),
        iv('2026-03-19T00:00:00', '2026-03-20T00:00:00', 'CRITICAL', true),
        iv('2026-03-20T00:00:00', '2026-03-20T10:00:00', 'CRITICAL'),
        iv('2026-03-20T10:00:00', '2026-03-23T00:00:00', 'OK'),
      ],
      up: 33, down: 1, unmeasured: 0, maintenance: 8.5,
    },
    {
      name: 'intervals beyond the period are clipped',
      intervals: [iv('2026-03-01T00:00:00', '2026-03-17T00:00:00', 'CRITICAL'), iv('2026-03-17T00:00:00', '2026-04-01T00:00:00', 'OK')],
      up: 34, down: 8.5, unmeasured: 0, maintenance: 0,
    },
    {
      name: 'unsorted, overlapping intervals never count time twice',
      intervals: [
        iv('2026-03-17T00:00:00', '2026-03-23T00:00:00', 'OK'),
        iv('2026-03-16T00:00:00', '2026-03-17T12:00:00', 'CRITICAL'),
        iv('2026-03-16T10:00:00', '2026-03-16T11:00:00', 'OK'),
      ],
      up: 31, down: 11.5, unmeasured: 0, maintenance: 0,
    },
    { name: 'no intervals at all', intervals: [], up: 0, down: 0, unmeasured: 42.5, maintenance: 0 },
  ])('$name', ({ intervals, up, down, unmeasured, maintenance }) => {
    const f = probeAvailability(intervals, week, hours);
    expect([f.upMs / H, f.downMs / H, f.unmeasuredMs / H, f.maintenanceMs / H]).toEqual([up, down, unmeasured, maintenance]);
    expect(f.coveredMs).toBe(42.5 * H);
    expect(f.ratio).toBe(up + down > 0 ? up / (up + down) : null);
    expect(f.coverage).toBe(up + down + unmeasured > 0 ? (up + down) / (up + down + unmeasured) : null);
  });

  it('counts nothing on a holiday week-end: Easter 2026 (Good Friday → Easter Monday)', () => {
    const easter = { from: at('2026-04-03T00:00:00+02:00'), to: at('2026-04-07T00:00:00+02:00') };
    const f = probeAvailability([{ from: easter.from, to: easter.to, state: 'CRITICAL', inDowntime: false }], easter, hours);
    expect(f).toEqual({ upMs: 0, downMs: 0, unmeasuredMs: 0, maintenanceMs: 0, coveredMs: 0, ratio: null, coverage: null });
  });

  it('gives no ratio and no coverage when the whole period is maintenance', () => {
    const f = probeAvailability([{ ...allWeek('CRITICAL'), inDowntime: true }], week, hours);
    expect([f.ratio, f.coverage, f.maintenanceMs]).toEqual([null, null, 42.5 * H]);
  });
});

describe('errorBudgetMinutes (96 % target)', () => {
  const weekOf = (intervals: StateInterval[]) => probeAvailability(intervals, week, hours);
  it.each([
    { name: 'no downtime: 4 % of 42.5 h', intervals: [allWeek('OK')], minutes: 102 },
    {
      name: '2 h down overspends by 18 min',
      intervals: [iv('2026-03-16T00:00:00', '2026-03-16T11:00:00', 'CRITICAL'), iv('2026-03-16T11:00:00', '2026-03-23T00:00:00', 'OK')],
      minutes: -18,
    },
    {
      name: 'maintenance leaves the budget base',
      intervals: [iv('2026-03-16T00:00:00', '2026-03-17T00:00:00', 'OK', true), iv('2026-03-17T00:00:00', '2026-03-23T00:00:00', 'OK')],
      minutes: 81.6,
    },
    { name: 'unmeasured time still counts (the rest of a running period)', intervals: [], minutes: 102 },
  ])('$name', ({ intervals, minutes }) => {
    expect(errorBudgetMinutes(weekOf(intervals), 0.96)).toBeCloseTo(minutes, 9);
  });

  it('a stricter target leaves less budget', () => {
    const f = weekOf([allWeek('OK')]);
    expect(errorBudgetMinutes(f, 0.99)).toBeCloseTo(25.5, 9);
    expect(errorBudgetMinutes(f, 1)).toBe(0);
  });
});

/** Hand-made figures (hours) for aggregate and ranking tests. */
const fig = (up: number, down: number, unmeasured = 0, maintenance = 0): AvailabilityFigures => ({
  upMs: up * H,
  downMs: down * H,
  unmeasuredMs: unmeasured * H,
  maintenanceMs: maintenance * H,
  coveredMs: (up + down + unmeasured + maintenance) * H,
  ratio: up + down > 0 ? up / (up + down) : null,
  coverage: up + down + unmeasured > 0 ? (up + down) / (up + down + unmeasured) : null,
});

describe('aggregateAvailability', () => {
  it('weights by measured time, not by probe', () => {
    const a = aggregateAvailability([fig(40, 2), fig(4, 0, 38), fig(0, 0, 0, 42)]);
    expect(a.ratio).toBeCloseTo(44 / 46, 12); // a plain mean of ratios would say 0.976
    expect(a.coverage).toBeCloseTo(46 / 84, 12);
    expect([a.upMs, a.downMs, a.unmeasuredMs, a.maintenanceMs, a.coveredMs]).toEqual([44 * H, 2 * H, 38 * H, 42 * H, 126 * H]);
  });

  it('has no ratio for nothing', () => {
    expect(aggregateAvailability([])).toMatchObject({ ratio: null, coverage: null, coveredMs: 0 });
  });
});

describe('aggregateBy', () => {
  it('gives each group what aggregateAvailability gives its list, and leaves out undefined groups', () => {
    const probes = new Map([
      ['cam-1', fig(30, 10)],
      ['cam-2', fig(0, 0, 42)],
      ['nas-1', fig(40, 2)],
      ['box-1', fig(42, 0)],
    ]);
    const groupOf = (id: string) => (id.startsWith('box') ? undefined : id.slice(0, 3));
    const groups = aggregateBy(probes, groupOf);
    expect([...groups.keys()]).toEqual(['cam', 'nas']);
    expect(groups.get('cam')).toEqual({ probeCount: 2, figures: aggregateAvailability([probes.get('cam-1')!, probes.get('cam-2')!]) });
    expect(groups.get('nas')).toEqual({ probeCount: 1, figures: aggregateAvailability([probes.get('nas-1')!]) });
  });
});

describe('worstProbes', () => {
  const probes = new Map([
    ['cam-1', fig(30, 10)],
    ['cam-0', fig(30, 10)],
    ['nas-1', fig(40, 2)],
    ['box-1', fig(42, 0)],
    ['sw-1', fig(20, 20 / 3)],
    ['sw-2', fig(60, 20)],
    ['srv-1', fig(0, 0, 42)],
  ]);
  it.each([
    { n: 10, expected: ['sw-2', 'cam-0', 'cam-1', 'sw-1', 'nas-1'] },
    { n: 2, expected: ['sw-2', 'cam-0'] },
    { n: 0, expected: [] },
  ])('lowest ratio, then most downtime, then id; no healthy or unmeasured probe (n=$n)', ({ n, expected }) => {
    expect(worstProbes(probes, n).map((p) => p.probeId)).toEqual(expected);
  });

  it('accepts a list as well as a map', () => {
    const list = [...probes].map(([probeId, figures]) => ({ probeId, figures }));
    expect(worstProbes(list, 3)).toEqual(worstProbes(probes, 3));
  });

  it('keeps only n while reading, with the order of a full sort (2,000 probes, many ties)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const many = new Map(Array.from({ length: 2_000 }, (_, i) => [`p-${(i * 7919) % 2_000}`, fig(Math.floor(random() * 6) * 10, Math.floor(random() * 4) * 5)]));
    const sorted = [...many]
      .filter(([, f]) => f.downMs > 0 && f.ratio !== null)
      .sort(([a, f], [b, g]) => f.ratio! - g.ratio! || g.downMs - f.downMs || (a < b ? -1 : 1))
      .map(([id]) => id);
    for (const n of [1, 50, 1_999, 5_000]) expect(worstProbes(many, n).map((p) => p.probeId)).toEqual(sorted.slice(0, n));
  });
});
