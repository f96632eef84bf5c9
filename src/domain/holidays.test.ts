import { describe, expect, it } from 'vitest';
import { closedDatesBetween, publicHolidays } from './holidays.ts';

describe('publicHolidays (FR-57 by default)', () => {
  it('lists the 2026 Alsace-Moselle public holidays, national ones plus Good Friday and 26 December', () => {
    expect(publicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-03', // Vendredi saint (local law)
      '2026-04-06',
      '2026-05-01',
      '2026-05-08',
      '2026-05-14',
      '2026-05-25',
      '2026-07-14',
      '2026-08-15',
      '2026-11-01',
      '2026-11-11',
      '2026-12-25',
      '2026-12-26', // Saint-Étienne (local law)
    ]);
  });

  it.each([
    { date: '2026-05-24', why: 'Pentecost Sunday is an observance' },
    { date: '2026-05-31', why: "Mother's Day is an observance" },
  ])('leaves out $date ($why)', ({ date }) => {
    expect(publicHolidays(2026)).not.toContain(date);
  });

  it.each([
    { region: '57', goodFriday: true, stStephen: true },
    { region: '67', goodFriday: true, stStephen: true },
    { region: '75', goodFriday: false, stStephen: false },
  ])('region $region: Good Friday $goodFriday, 26 December $stStephen', ({ region, goodFriday, stStephen }) => {
    const dates = publicHolidays(2025, 'FR', region);
    expect(dates.includes('2025-04-18')).toBe(goodFriday);
    expect(dates.includes('2025-12-26')).toBe(stStephen);
  });
});

describe('closedDatesBetween', () => {
  it('joins the years and the extra days, sorted, without duplicates', () => {
    const dates = closedDatesBetween(2025, 2026, ['2026-05-15', '2025-12-26', '2024-12-24', '2027-01-02']);
    expect(dates).toContain('2025-12-26');
    expect(dates).toContain('2026-05-15');
    expect(dates).toHaveLength(13 + 13 + 1);
    expect(dates).toEqual([...dates].sort());
    expect(new Set(dates).size).toBe(dates.length);
  });

  it('keeps only the extra days that fall in the years asked for', () => {
    const dates = closedDatesBetween(2026, 2026, ['2025-12-31', '2026-06-01', '2027-01-04']);
    expect(dates.filter((d) => !publicHolidays(2026).includes(d))).toEqual(['2026-06-01']);
  });

  it('rejects an extra day that is not YYYY-MM-DD', () => {
    expect(() => closedDatesBetween(2026, 2026, ['1/6/2026'])).toThrow(RangeError);
  });

  it('is empty for an empty range', () => {
    expect(closedDatesBetween(2027, 2026)).toEqual([]);
  });
});
