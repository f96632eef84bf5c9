import { describe, expect, it } from 'vitest';
import { createCoveredHours, DEFAULT_COVERED_HOURS } from './covered-hours.ts';
import { closedDatesBetween } from './holidays.ts';

/** Instants are written with their Paris offset (+01:00 winter, +02:00 summer) so tests read as wall time. */
const at = (iso: string) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new Error(`bad test instant ${iso}`);
  return t;
};
const H = 3_600_000;
const MIN = 60_000;

const hours = createCoveredHours({ ...DEFAULT_COVERED_HOURS, closedDates: closedDatesBetween(2024, 2027) });

describe('isCovered', () => {
  it.each([
    ['2026-03-16T09:00:00+01:00', true, 'Monday opening instant'],
    ['2026-03-16T08:59:59.999+01:00', false, 'a millisecond before opening'],
    ['2026-03-16T17:29:59.999+01:00', true, 'a millisecond before closing'],
    ['2026-03-16T17:30:00+01:00', false, 'closing instant'],
    ['2026-03-16T12:30:00+01:00', true, 'lunch time is covered (one 9:00–17:30 range)'],
    ['2026-03-14T10:00:00+01:00', false, 'Saturday'],
    ['2026-03-15T10:00:00+01:00', false, 'Sunday'],
    ['2026-04-03T10:00:00+02:00', false, 'Good Friday 2026 (FR-57)'],
    ['2026-04-06T10:00:00+02:00', false, 'Easter Monday 2026'],
    ['2025-12-26T10:00:00+01:00', false, '26 December 2025, a Friday (FR-57)'],
    ['2024-12-26T10:00:00+01:00', false, '26 December 2024, a Thursday (FR-57)'],
    ['2026-05-26T10:00:00+02:00', true, 'Tuesday after Whit Monday'],
    // DST: Monday after the spring change, summer offset.
    ['2026-03-30T09:00:00+02:00', true, 'first summer-time Monday, 9:00 local'],
    ['2026-03-30T08:30:00+02:00', false, 'first summer-time Monday, 8:30 local (9:30 in winter offset)'],
    ['2026-03-30T17:15:00+02:00', true, 'first summer-time Monday, 17:15 local'],
    ['2026-03-30T17:45:00+02:00', false, 'first summer-time Monday, 17:45 local'],
    ['2026-10-26T09:00:00+01:00', true, 'first winter-time Monday, 9:00 local'],
    ['2026-10-26T08:30:00+01:00', false, 'first winter-time Monday, 8:30 local'],
    ['2026-10-26T17:29:00+01:00', true, 'first winter-time Monday, 17:29 local'],
  ])('%s → %s (%s)', (iso, expected) => {
    expect(hours.isCovered(at(iso))).toBe(expected);
  });
});

describe('coveredMs', () => {
  it.each([
    ['same day', '2026-03-16T10:00:00+01:00', '2026-03-16T12:15:00+01:00', 2.25 * H],
    ['whole working day', '2026-03-16T00:00:00+01:00', '2026-03-17T00:00:00+01:00', 8.5 * H],
    ['a normal week', '2026-03-09T00:00:00+01:00', '2026-03-16T00:00:00+01:00', 5 * 8.5 * H],
    ['Easter week: Good Friday closed', '2026-03-30T00:00:00+02:00', '2026-04-06T00:00:00+02:00', 4 * 8.5 * H],
    ['Christmas week 2025: 25 and 26 closed', '2025-12-22T00:00:00+01:00', '2025-12-29T00:00:00+01:00', 3 * 8.5 * H],
    ['spring DST weekend', '2026-03-27T12:00:00+01:00', '2026-03-30T12:00:00+02:00', 5.5 * H + 3 * H],
    ['autumn DST weekend', '2026-10-23T12:00:00+02:00', '2026-10-26T12:00:00+01:00', 5.5 * H + 3 * H],
    ['weekend only', '2026-03-14T00:00:00+01:00', '2026-03-16T00:00:00+01:00', 0],
    ['evening to next morning', '2026-03-16T17:00:00+01:00', '2026-03-17T09:45:00+01:00', 1.25 * H],
    ['first half of 2026: 122 working days', '2026-01-01T00:00:00+01:00', '2026-07-01T00:00:00+02:00', 122 * 8.5 * H],
    ['reversed range', '2026-03-17T00:00:00+01:00', '2026-03-16T00:00:00+01:00', 0],
  ])('%s', (_label, from, to, expected) => {
    expect(hours.coveredMs(at(from), at(to))).toBe(expected);
  });

  it.each([
    { timeZone: 'Europe/Paris', from: '2026-02-01T00:00:00Z', to: '2026-08-01T00:00:00Z', closed: closedDatesBetween(2026, 2026) },
    // Zones far from UTC, where a local day's window straddles two UTC days, each with a DST change.
    { timeZone: 'America/Los_Angeles', from: '2026-02-15T00:00:00Z', to: '2026-04-15T00:00:00Z', closed: ['2026-03-10'] },
    { timeZone: 'Pacific/Auckland', from: '2026-03-01T00:00:00Z', to: '2026-05-01T00:00:00Z', closed: ['2026-04-07'] },
  ])('agrees with a quarter-hour wall-clock count in $timeZone', ({ timeZone, from, to, closed }) => {
    const calendar = timeZone === 'Europe/Paris' ? hours : createCoveredHours({ ...DEFAULT_COVERED_HOURS, timeZone, closedDates: closed });
    const wall = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    const coveredByWall = (t: number) => {
      const p = Object.fromEntries(wall.formatToParts(t).map((x) => [x.type, x.value]));
      const minutes = Number(p.hour) * 60 + Number(p.minute);
      const date = `${p.year}-${p.month}-${p.day}`;
      return !['Sat', 'Sun'].includes(p.weekday ?? '') && !closed.includes(date) && minutes >= 540 && minutes < 1050;
    };
    const step = 15 * MIN; // every boundary is on a quarter hour, so sampling is exact
    let expected = 0;
    for (let t = at(from); t < at(to); t += step) {
      const covered = coveredByWall(t);
      if (covered) expected += step;
      if (calendar.isCovered(t) !== covered) throw new Error(`isCovered(${new Date(t).toISOString()}) should be ${covered}`);
    }
    expect(calendar.coveredMs(at(from), at(to))).toBe(expected);
  });

  it('stays O(1) per query: 50,000 six-month sums are quick', () => {
    const base = at('2026-01-01T00:00:00+01:00');
    const started = performance.now();
    let sum = 0;
    for (let i = 0; i < 50_000; i++) sum += hours.coveredMs(base + i * 17 * MIN, base + i * 17 * MIN + 182 * 24 * H);
    expect(sum).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('addCoveredMs', () => {
  it.each([
    ['DOMAIN.md: Friday 16:00 + 8 h', '2026-03-13T16:00:00+01:00', 8 * H, '2026-03-16T15:30:00+01:00'],
    ['DOMAIN.md: Thursday 2 April 2026 17:00 + 8 h', '2026-04-02T17:00:00+02:00', 8 * H, '2026-04-07T16:30:00+02:00'],
    ['spring DST weekend', '2026-03-27T16:00:00+01:00', 8 * H, '2026-03-30T15:30:00+02:00'],
    ['autumn DST weekend', '2026-10-23T16:00:00+02:00', 8 * H, '2026-10-26T15:30:00+01:00'],
    ['Christmas 2025: 25 and 26 closed', '2025-12-24T16:00:00+01:00', 8 * H, '2025-12-29T15:30:00+01:00'],
    ['Whit Monday skipped', '2026-05-22T17:00:00+02:00', 8 * H, '2026-05-26T16:30:00+02:00'],
    ['Saturday start counts from Monday 9:00', '2026-03-14T10:00:00+01:00', 8 * H, '2026-03-16T17:00:00+01:00'],
    ['evening start counts from next morning', '2026-03-16T20:00:00+01:00', 2 * H, '2026-03-17T11:00:00+01:00'],
    ['landing on closing time stays that day', '2026-03-16T09:00:00+01:00', 8.5 * H, '2026-03-16T17:30:00+01:00'],
    ['zero from inside covered hours', '2026-03-16T10:07:00+01:00', 0, '2026-03-16T10:07:00+01:00'],
    ['zero from the weekend is the next opening', '2026-03-14T10:00:00+01:00', 0, '2026-03-16T09:00:00+01:00'],
  ])('%s', (_label, from, ms, expected) => {
    expect(new Date(hours.addCoveredMs(at(from), ms)).toISOString()).toBe(new Date(at(expected)).toISOString());
  });

  it.each([-1, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s', (ms) => {
    expect(() => hours.addCoveredMs(at('2026-03-16T10:00:00+01:00'), ms)).toThrow(RangeError);
  });
});

describe('nextCoveredInstant', () => {
  it.each([
    ['covered instant is itself', '2026-03-16T11:11:00+01:00', '2026-03-16T11:11:00+01:00'],
    ['before opening', '2026-03-16T06:00:00+01:00', '2026-03-16T09:00:00+01:00'],
    ['at closing', '2026-03-16T17:30:00+01:00', '2026-03-17T09:00:00+01:00'],
    ['Friday evening before Easter', '2026-04-02T18:00:00+02:00', '2026-04-07T09:00:00+02:00'],
    ['Saturday of the spring DST change', '2026-03-28T12:00:00+01:00', '2026-03-30T09:00:00+02:00'],
  ])('%s', (_label, from, expected) => {
    expect(hours.nextCoveredInstant(at(from))).toBe(at(expected));
  });
});

describe('windowsBetween', () => {
  it('lists the covered stretches clipped to the range', () => {
    const windows = hours.windowsBetween(at('2026-04-02T12:00:00+02:00'), at('2026-04-07T10:00:00+02:00'));
    expect(windows).toEqual([
      { from: at('2026-04-02T12:00:00+02:00'), to: at('2026-04-02T17:30:00+02:00') },
      { from: at('2026-04-07T09:00:00+02:00'), to: at('2026-04-07T10:00:00+02:00') },
    ]);
  });
});

describe('other configurations', () => {
  it('round-the-clock cover makes DST days 23 h and 25 h long', () => {
    const always = createCoveredHours({ timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5, 6, 7], open: '00:00', close: '24:00', closedDates: [] });
    expect(always.coveredMs(at('2026-03-29T00:00:00+01:00'), at('2026-03-30T00:00:00+02:00'))).toBe(23 * H);
    expect(always.coveredMs(at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(25 * H);
  });

  it('follows another zone and extra closed days', () => {
    const ny = createCoveredHours({ timeZone: 'America/New_York', days: [1, 2, 3, 4, 5], open: '08:00', close: '12:00', closedDates: new Set(['2026-03-17']) });
    expect(ny.isCovered(at('2026-03-16T08:00:00-04:00'))).toBe(true);
    expect(ny.isCovered(at('2026-03-17T09:00:00-04:00'))).toBe(false);
    expect(ny.addCoveredMs(at('2026-03-16T11:00:00-04:00'), 2 * H)).toBe(at('2026-03-18T09:00:00-04:00'));
  });

  it.each([
    [{ open: '9:00' }, 'open'],
    [{ open: '18:00' }, 'before close'],
    [{ close: '24:30' }, 'close'],
    [{ days: [0] }, 'days'],
    [{ timeZone: 'Moselle/Metz' }, 'time zone'],
  ])('rejects %o', (override, message) => {
    expect(() => createCoveredHours({ ...DEFAULT_COVERED_HOURS, ...override })).toThrow(message);
  });

  it('reports a calendar with no covered time instead of looping', () => {
    const never = createCoveredHours({ ...DEFAULT_COVERED_HOURS, days: [] });
    expect(() => never.nextCoveredInstant(0)).toThrow(RangeError);
    expect(() => never.addCoveredMs(0, H)).toThrow(RangeError);
    expect(never.coveredMs(0, 365 * 24 * H)).toBe(0);
  });
});

describe('properties over random instants (seeded)', () => {
  // mulberry32: a tiny deterministic PRNG, so a failure is reproducible.
  let seed = 0x5eed;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let r = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    r = (r + Math.imul(r ^ (r >>> 7), 61 | r)) ^ r;
    return ((r ^ (r >>> 14)) >>> 0) / 4_294_967_296;
  };
  const span = at('2027-12-31T00:00:00+01:00') - at('2024-01-01T00:00:00+01:00');
  const randomInstant = () => at('2024-01-01T00:00:00+01:00') + Math.floor(random() * span);

  it('coveredMs is additive: (a, c) = (a, b) + (b, c)', () => {
    for (let i = 0; i < 500; i++) {
      const [a, b, c] = [randomInstant(), randomInstant(), randomInstant()].sort((x, y) => x - y) as [number, number, number];
      expect(hours.coveredMs(a, c)).toBe(hours.coveredMs(a, b) + hours.coveredMs(b, c));
    }
  });

  it('addCoveredMs inverts coveredMs: coveredMs(t, addCoveredMs(t, x)) = x', () => {
    for (let i = 0; i < 500; i++) {
      const t = randomInstant();
      const x = Math.floor(random() * 60 * H);
      const end = hours.addCoveredMs(t, x);
      expect(end).toBeGreaterThanOrEqual(t);
      expect(hours.coveredMs(t, end)).toBe(x);
      // The earliest such instant: just before it, less covered time had elapsed.
      if (x > 0) expect(hours.coveredMs(t, end - 1)).toBe(x - 1);
    }
  });

  it('isCovered matches a 1 ms probe of coveredMs', () => {
    for (let i = 0; i < 500; i++) {
      const t = randomInstant();
      expect(hours.isCovered(t)).toBe(hours.coveredMs(t, t + 1) === 1);
    }
  });
});
