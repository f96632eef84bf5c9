import { describe, expect, it } from 'vitest';
import { daysPeriod, localIsoDate, periodContaining, shiftPeriod } from './report-period.ts';

const TZ = 'Europe/Paris';
const iso = (t: number) => new Date(t).toISOString();

describe('report periods in Europe/Paris', () => {
  it.each([
    // kind, instant inside, expected from, expected to (UTC instants of local midnights)
    ['month', '2026-03-15T12:00:00Z', '2026-02-28T23:00:00.000Z', '2026-03-31T22:00:00.000Z'], // DST on 29 March: 743 h
    ['month', '2026-10-31T22:59:59Z', '2026-09-30T22:00:00.000Z', '2026-10-31T23:00:00.000Z'], // last second of October local time, 745 h
    ['month', '2026-12-31T23:00:00Z', '2026-12-31T23:00:00.000Z', '2027-01-31T23:00:00.000Z'], // local midnight of New Year is next year
    ['semester', '2026-06-30T21:59:59Z', '2025-12-31T23:00:00.000Z', '2026-06-30T22:00:00.000Z'],
    ['semester', '2026-06-30T22:00:00Z', '2026-06-30T22:00:00.000Z', '2026-12-31T23:00:00.000Z'],
    ['year', '2026-01-01T00:00:00Z', '2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z'],
  ] as const)('%s containing %s', (kind, at, from, to) => {
    const p = periodContaining(kind, Date.parse(at), TZ);
    expect([iso(p.from), iso(p.to)]).toEqual([from, to]);
  });

  it('steps back and forth across year ends', () => {
    const jan = Date.parse('2026-01-10T12:00:00Z');
    expect(iso(shiftPeriod('month', jan, -1, TZ).from)).toBe('2025-11-30T23:00:00.000Z');
    expect(iso(shiftPeriod('semester', jan, -1, TZ).from)).toBe('2025-06-30T22:00:00.000Z');
    expect(iso(shiftPeriod('year', jan, 1, TZ).to)).toBe('2027-12-31T23:00:00.000Z');
    const dec = Date.parse('2026-12-20T12:00:00Z');
    expect(iso(shiftPeriod('month', dec, 1, TZ).from)).toBe('2026-12-31T23:00:00.000Z');
  });

  it('turns dates picked in a form into whole local days, DST days included', () => {
    const p = daysPeriod('2026-03-29', '2026-03-29', TZ); // 23-hour day
    expect(p.to - p.from).toBe(23 * 3_600_000);
    const q = daysPeriod('2026-10-25', '2026-10-25', TZ); // 25-hour day
    expect(q.to - q.from).toBe(25 * 3_600_000);
    expect(daysPeriod('2025-12-31', '2026-01-01', TZ)).toEqual({ from: Date.parse('2025-12-30T23:00:00Z'), to: Date.parse('2026-01-01T23:00:00Z') });
    expect(localIsoDate(Date.parse('2025-12-31T23:30:00Z'), TZ)).toBe('2026-01-01');
  });
});
