import { describe, expect, it } from 'vitest';
import { slaPeriodChoices } from './sla-periods.ts';

const TZ = 'Europe/Paris';
const keys = (now: number) => slaPeriodChoices(now, TZ, 3, 3).map((c) => c.key);

describe('slaPeriodChoices', () => {
  it.each([
    ['3 December 2026', Date.UTC(2026, 11, 3, 10), ['month-2026-12', 'month-2026-11', 'month-2026-10', 'semester-2026-7', 'semester-2026-1', 'semester-2025-7']],
    ['February, across the year', Date.UTC(2026, 1, 10), ['month-2026-2', 'month-2026-1', 'month-2025-12', 'semester-2026-1', 'semester-2025-7', 'semester-2025-1']],
    // 31 December 23:30 UTC is already 1 January in Paris: the running month is January.
    ['New Year’s Eve in UTC, New Year in Paris', Date.UTC(2026, 11, 31, 23, 30), ['month-2027-1', 'month-2026-12', 'month-2026-11', 'semester-2027-1', 'semester-2026-7', 'semester-2026-1']],
  ])('%s', (_, now, expected) => {
    expect(keys(now)).toEqual(expected);
  });

  it('asks past periods by an instant inside them, the running one without', () => {
    const [current, previous] = slaPeriodChoices(Date.UTC(2026, 11, 3), TZ);
    expect(current).toMatchObject({ current: true, period: 'month' });
    expect(current!.anchor).toBeUndefined();
    expect(previous).toMatchObject({ current: false, anchor: Date.UTC(2026, 10, 15, 12) });
    expect(slaPeriodChoices(Date.UTC(2026, 11, 3), TZ)).toHaveLength(16);
  });
});
