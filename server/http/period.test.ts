import { describe, expect, it } from 'vitest';
import { periodContaining, resolvePeriod } from './period.ts';

const TZ = 'Europe/Paris';
const iso = (t: number) => new Date(t).toISOString();

describe('report periods in Europe/Paris', () => {
  it.each([
    // [kind, instant, from, to] — winter months start at 23:00Z, summer months at 22:00Z.
    ['month', '2026-03-15T12:00:00Z', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    ['month', '2026-02-28T23:30:00Z', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'],
    ['month', '2026-12-31T23:30:00Z', '2026-12-31T23:00:00.000Z', '2027-01-31T23:00:00.000Z'],
    ['semester', '2026-05-01T00:00:00Z', '2025-12-31T23:00:00.000Z', '2026-06-30T22:00:00.000Z'],
    ['semester', '2026-07-01T09:00:00Z', '2026-06-30T22:00:00.000Z', '2026-12-31T23:00:00.000Z'],
    ['year', '2026-07-01T09:00:00Z', '2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z'],
  ] as const)('%s containing %s', (kind, at, from, to) => {
    const p = periodContaining(kind, Date.parse(at), TZ);
    expect([iso(p.from), iso(p.to)]).toEqual([from, to]);
  });

  it('resolves shorthand, anchored shorthand, explicit ranges and refuses bad ones', () => {
    const now = Date.parse('2026-03-15T12:00:00Z');
    expect(resolvePeriod({ period: 'month' }, now, TZ)).toEqual(periodContaining('month', now, TZ));
    const jan = Date.parse('2026-01-10T00:00:00Z');
    expect(resolvePeriod({ period: 'month', from: jan }, now, TZ)).toEqual(periodContaining('month', jan, TZ));
    expect(resolvePeriod({ from: 10, to: 20 }, now, TZ)).toEqual({ from: 10, to: 20 });
    expect(resolvePeriod({}, now, TZ)).toBeUndefined();
    expect(resolvePeriod({}, now, TZ, 'year')).toEqual(periodContaining('year', now, TZ));
    expect(() => resolvePeriod({ from: 20, to: 10 }, now, TZ)).toThrow('to: must be after from');
    expect(() => resolvePeriod({ from: 20 }, now, TZ)).toThrow('to: required');
    expect(() => resolvePeriod({ from: 0, to: 4 * 366 * 86_400_000 }, now, TZ)).toThrow('3 years');
    expect(() => resolvePeriod({ period: 'month', to: 5 }, now, TZ)).toThrow('either period');
  });
});
