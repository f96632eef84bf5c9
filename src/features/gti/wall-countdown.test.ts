import { describe, expect, it } from 'vitest';
import type { GtiStatus } from '../../domain/gti.ts';
import { contractCalendarDto } from '../../test/contract-calendar.ts';
import { coveredCalendarFrom } from './calendar-hours.ts';
import { hoursMinutes, wallCountdown } from './wall-countdown.ts';

const calendar = coveredCalendarFrom(contractCalendarDto());
/** Paris wall clock in March 2026 (UTC+1): Monday 2, Friday 6. */
const paris = (day: number, hh: number, mm = 0) => Date.UTC(2026, 2, day, hh - 1, mm);
const gti = (status: GtiStatus['status'], coveredMsLeft: number) => ({ status, coveredMsLeft }) as GtiStatus;
const MIN = 60_000;

describe('wallCountdown', () => {
  it.each([
    { name: 'at risk in covered hours: time left in words', g: gti('at-risk', 43 * MIN + 23_000), at: paris(2, 15), want: { kind: 'left', time: '0 h 43' } },
    { name: 'breached: by how much', g: gti('breached', -(43 * MIN + 59_000)), at: paris(2, 15), want: { kind: 'over', time: '0 h 43' } },
    { name: 'on track, hours', g: gti('on-track', 7 * 60 * MIN + 5 * MIN), at: paris(2, 10), want: { kind: 'left', time: '7 h 05' } },
    { name: 'met', g: gti('met', 0), at: paris(2, 10), want: { kind: 'met' } },
    {
      name: 'Friday 18:00: paused until Monday 9:00',
      g: gti('on-track', 8 * 60 * MIN),
      at: paris(6, 18),
      want: { kind: 'paused', time: '8 h 00', over: false, resumesAt: paris(9, 9) },
    },
    { name: 'breached and paused at night', g: gti('breached', -90 * MIN), at: paris(2, 22), want: { kind: 'paused', time: '1 h 30', over: true, resumesAt: paris(3, 9) } },
  ])('$name', ({ g, at, want }) => {
    expect(wallCountdown(g, at, calendar)).toEqual(want);
  });

  it('formats hours and minutes, rounded down, without sign', () => {
    expect([hoursMinutes(0), hoursMinutes(59_999), hoursMinutes(-61 * MIN), hoursMinutes(12 * 60 * MIN + 5 * MIN)]).toEqual(['0 h 00', '0 h 00', '1 h 01', '12 h 05']);
  });
});
