// Wall-clock time in a named zone (Europe/Paris) with Intl only, no tz library: the one place that
// turns UTC instants into local dates and back, shared by the covered-hours calendar and report periods.
import type { Instant } from './model.ts';

// Intl formatters are immutable and costly to build: one per zone, shared by every caller.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter reading every wall-clock field of `timeZone`; throws RangeError on an unknown zone. */
export function zonedFormatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** An IANA zone this runtime knows ('Europe/Paris'), as opposed to anything else a setting may hold. */
export function isTimeZone(timeZone: string): boolean {
  try {
    zonedFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock fields (year, month 1–12, day, hour, minute, second) at instant `t`. */
export function wallParts(format: Intl.DateTimeFormat, t: Instant): Record<string, number> {
  const p: Record<string, number> = {};
  for (const part of format.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return p;
}

/** Wall-clock offset (local − UTC, ms) of the formatter's zone at instant `t`. */
export function offsetAt(format: Intl.DateTimeFormat, t: Instant): number {
  const whole = t - (((t % 1000) + 1000) % 1000);
  const p = wallParts(format, whole);
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
  return wall - whole;
}

/** The instant showing wall-clock `wall` (written as if UTC). A time skipped by DST maps forward. */
export function wallToInstant(format: Intl.DateTimeFormat, wall: number): Instant {
  const o1 = offsetAt(format, wall);
  const t1 = wall - o1;
  const o2 = offsetAt(format, t1);
  if (o2 === o1) return t1;
  const t2 = wall - o2;
  return offsetAt(format, t2) === o2 ? t2 : Math.max(t1, t2);
}
