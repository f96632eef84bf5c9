// datetime-local inputs read and written as wall-clock time in the gateway's time zone (the forms
// of maintenance and managed IT): what a person types is local time, never UTC or the browser's.
import { wallParts, wallToInstant, zonedFormatter } from '../domain/zoned-time.ts';
import type { Instant } from '../domain/model.ts';

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

/** A datetime-local value ("2026-12-14T12:00") read as wall-clock time in `timeZone`; NaN when malformed. */
export function instantOfWallInput(value: string, timeZone: string): Instant {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!match) return Number.NaN;
  const [, y, mo, d, h, mi] = match.map(Number);
  return wallToInstant(zonedFormatter(timeZone), Date.UTC(y!, mo! - 1, d!, h!, mi!));
}

/** The datetime-local value showing instant `t` in `timeZone`. */
export function wallInputOf(t: Instant, timeZone: string): string {
  const p = wallParts(zonedFormatter(timeZone), t);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour === 24 ? 0 : p.hour)}:${pad(p.minute)}`;
}
