// How the wall says a GTI countdown across a room: in words, hours and minutes ("reste 0 h 43",
// "dépassée de 0 h 43") — a "−0:43:23" next to "À risque" read as overdue. Outside covered hours
// the clock does not run, and the wall says so with when it resumes.
import type { GtiStatus } from '../../domain/gti.ts';
import type { Instant } from '../../domain/model.ts';
import type { CoveredCalendar } from './calendar-hours.ts';

/** "0 h 43", "12 h 05": covered hours and minutes, rounded down. */
export function hoursMinutes(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')}`;
}

export type WallCountdown =
  | { kind: 'met' }
  | { kind: 'left' | 'over'; time: string }
  /** Outside covered hours: the clock stands still until `resumesAt`. */
  | { kind: 'paused'; time: string; over: boolean; resumesAt: Instant };

export function wallCountdown(gti: GtiStatus, now: Instant, calendar: CoveredCalendar): WallCountdown {
  if (gti.status === 'met') return { kind: 'met' };
  const time = hoursMinutes(gti.coveredMsLeft);
  const over = gti.coveredMsLeft < 0;
  if (!calendar.hours.isCovered(now)) return { kind: 'paused', time, over, resumesAt: calendar.hours.nextCoveredInstant(now) };
  return { kind: over ? 'over' : 'left', time };
}
