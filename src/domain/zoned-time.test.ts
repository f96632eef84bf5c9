// Europe/Paris across both DST changes of 2026: Sunday 29 March (02:00 CET → 03:00 CEST, the hour
// from 02:00 to 03:00 does not exist) and Sunday 25 October (03:00 CEST → 02:00 CET, the hour from
// 02:00 to 03:00 happens twice). Both changes happen at 01:00 UTC.
import { describe, expect, test } from 'vitest';
import { isTimeZone, offsetAt, wallParts, wallToInstant, zonedFormatter } from './zoned-time.ts';

const paris = zonedFormatter('Europe/Paris');
const H = 3_600_000;
const utc = (month: number, day: number, h: number, m = 0, s = 0) => Date.UTC(2026, month - 1, day, h, m, s);
/** A wall-clock time written as if it were UTC, as wallToInstant takes it. */
const wall = utc;
const wallOf = (t: number) => {
  const p = wallParts(paris, t);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}:${String(p.second).padStart(2, '0')}`;
};

describe('offsetAt', () => {
  test.each([
    ['winter', utc(1, 15, 12), 1],
    ['last second of winter time in March', utc(3, 29, 0, 59, 59), 1],
    ['first instant of summer time', utc(3, 29, 1), 2],
    ['summer', utc(7, 14, 12), 2],
    ['last second of summer time in October', utc(10, 25, 0, 59, 59), 2],
    ['first instant of winter time again', utc(10, 25, 1), 1],
    ['a fraction of a second is ignored', utc(10, 25, 0, 59, 59) + 999, 2],
  ])('%s: UTC+%i', (_what, t, hours) => expect(offsetAt(paris, t)).toBe(hours * H));
});

describe('wallParts', () => {
  test.each([
    [utc(3, 29, 0, 59, 59), '2026-03-29 01:59:59'],
    [utc(3, 29, 1), '2026-03-29 03:00:00'], // 02:00–02:59 is skipped
    [utc(10, 25, 0, 30), '2026-10-25 02:30:00'], // first 02:30, summer time
    [utc(10, 25, 1, 30), '2026-10-25 02:30:00'], // the same wall clock an hour later, winter time
    [utc(12, 31, 23, 30), '2027-01-01 00:30:00'],
  ])('%i reads %s in Paris', (t, text) => expect(wallOf(t)).toBe(text));
});

describe('wallToInstant', () => {
  test.each([
    ['a winter morning', wall(3, 28, 9), utc(3, 28, 8)],
    ['a summer morning, the next day', wall(3, 30, 9), utc(3, 30, 7)],
    ['the last minute before the March change', wall(3, 29, 1, 59), utc(3, 29, 0, 59)],
    // The non-existent hour maps forward by the gap: 02:00 → 03:00, 02:30 → 03:30 summer time.
    ['02:00 on 29 March, which does not exist', wall(3, 29, 2), utc(3, 29, 1)],
    ['02:30 on 29 March, which does not exist', wall(3, 29, 2, 30), utc(3, 29, 1, 30)],
    ['03:00 on 29 March', wall(3, 29, 3), utc(3, 29, 1)],
    ['01:59:59 on 25 October (summer time, once)', wall(10, 25, 1, 59, 59), utc(10, 24, 23, 59, 59)],
    // The repeated hour maps to its second occurrence, in winter time.
    ['02:00 on 25 October, which happens twice', wall(10, 25, 2), utc(10, 25, 1)],
    ['02:30 on 25 October, which happens twice', wall(10, 25, 2, 30), utc(10, 25, 1, 30)],
    ['03:00 on 25 October', wall(10, 25, 3), utc(10, 25, 2)],
    ['a summer evening', wall(7, 14, 17, 30), utc(7, 14, 15, 30)],
  ])('%s', (_what, w, t) => {
    expect(wallToInstant(paris, w)).toBe(t);
  });

  test.each([
    ['29 March', utc(3, 28, 22)],
    ['25 October', utc(10, 24, 21)],
  ])('every 5 minutes of %s round-trips through the wall clock, except the first pass of a repeated hour', (_day, start) => {
    for (let t = start; t < start + 26 * H; t += 5 * 60_000) {
      const p = wallParts(paris, t);
      const back = wallToInstant(paris, Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!));
      const firstPassOfRepeatedHour = t >= utc(10, 25, 0) && t < utc(10, 25, 1);
      expect(back, wallOf(t)).toBe(firstPassOfRepeatedHour ? t + H : t);
    }
  });
});

describe('zone formatters', () => {
  test('one formatter per zone, shared', () => {
    expect(zonedFormatter('Europe/Paris')).toBe(paris);
    expect(zonedFormatter('America/Cayenne')).not.toBe(paris);
  });

  test.each([
    ['Europe/Paris', true],
    ['UTC', true],
    ['America/Cayenne', true],
    ['Mars/Olympus_Mons', false],
    ['', false],
  ])('%j is a time zone: %s', (zone, known) => {
    expect(isTimeZone(zone)).toBe(known);
    if (!known) expect(() => zonedFormatter(zone)).toThrow(RangeError);
  });
});
