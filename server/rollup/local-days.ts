// Local days and months of the covered-hours time zone as UTC instants: the grid the availability
// roll-ups are counted on. A day is local midnight to local midnight (23 or 25 hours across DST).
import type { Instant } from '../../src/domain/model.ts';
import { wallParts, wallToInstant, zonedFormatter } from '../../src/domain/zoned-time.ts';

const civil = (t: Instant, timeZone: string) => {
  const p = wallParts(zonedFormatter(timeZone), t);
  return { year: p.year ?? 1970, month: p.month ?? 1, day: p.day ?? 1, midnight: p.hour === 0 && p.minute === 0 && p.second === 0 };
};
const at = (timeZone: string, year: number, month: number, day: number) => wallToInstant(zonedFormatter(timeZone), Date.UTC(year, month - 1, day));

/** Local midnight starting the day of `t`. */
export function dayFloor(t: Instant, timeZone: string): Instant {
  const c = civil(t, timeZone);
  return at(timeZone, c.year, c.month, c.day);
}

/** `t` itself when it is a local midnight, else the next one. */
export function dayCeil(t: Instant, timeZone: string): Instant {
  const floor = dayFloor(t, timeZone);
  return floor === t ? t : nextDay(floor, timeZone);
}

export function nextDay(dayStart: Instant, timeZone: string): Instant {
  const c = civil(dayStart, timeZone);
  return at(timeZone, c.year, c.month, c.day + 1);
}

/** Local midnight starting the month of `t`. */
export function monthFloor(t: Instant, timeZone: string): Instant {
  const c = civil(t, timeZone);
  return at(timeZone, c.year, c.month, 1);
}

export function nextMonth(monthStart: Instant, timeZone: string): Instant {
  const c = civil(monthStart, timeZone);
  return at(timeZone, c.year, c.month + 1, 1);
}

/** `t` itself when it starts a local month, else the next month start. */
export function monthCeil(t: Instant, timeZone: string): Instant {
  const floor = monthFloor(t, timeZone);
  return floor === t ? t : nextMonth(floor, timeZone);
}

/** The local day starts in [from, to). */
export function dayStarts(from: Instant, to: Instant, timeZone: string): Instant[] {
  const out: Instant[] = [];
  for (let d = dayCeil(from, timeZone); d < to; d = nextDay(d, timeZone)) out.push(d);
  return out;
}

/** Local midnight starting the year of `t`. */
export function yearFloor(t: Instant, timeZone: string): Instant {
  return at(timeZone, civil(t, timeZone).year, 1, 1);
}

export function nextYear(yearStart: Instant, timeZone: string): Instant {
  return at(timeZone, civil(yearStart, timeZone).year + 1, 1, 1);
}

/** `t` itself when it starts a local year, else the next year start. */
export function yearCeil(t: Instant, timeZone: string): Instant {
  const floor = yearFloor(t, timeZone);
  return floor === t ? t : nextYear(floor, timeZone);
}
