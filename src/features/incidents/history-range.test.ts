import { describe, expect, it } from 'vitest';
import { pastTwelveMonths } from './history-range.ts';

describe('pastTwelveMonths', () => {
  it.each([
    ['mid-month, mid-day', Date.UTC(2026, 11, 3, 10, 12), Date.UTC(2025, 11, 3), Date.UTC(2026, 11, 4)],
    ['just after midnight', Date.UTC(2026, 0, 1, 0, 0, 1), Date.UTC(2025, 0, 1), Date.UTC(2026, 0, 2)],
    ['last instant of a day', Date.UTC(2026, 5, 30, 23, 59, 59, 999), Date.UTC(2025, 5, 30), Date.UTC(2026, 6, 1)],
    ['29 February (a year before has none)', Date.UTC(2028, 1, 29, 12), Date.UTC(2027, 2, 1), Date.UTC(2028, 2, 1)],
  ])('%s', (_, now, from, to) => {
    expect(pastTwelveMonths(now)).toEqual({ from, to });
  });

  it('is the same range all day long (one cached query per day)', () => {
    expect(pastTwelveMonths(Date.UTC(2026, 3, 7, 0, 0))).toEqual(pastTwelveMonths(Date.UTC(2026, 3, 7, 23, 59)));
  });
});
