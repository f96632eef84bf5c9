// Closed days of the covered-hours calendar: public holidays from `date-holidays` (FR-57 by default,
// i.e. the national list plus Good Friday and 26 December under Alsace-Moselle local law).
// Only type `public` counts: observances (Pentecost Sunday, Mother's Day…) are working days.
// The only domain module importing date-holidays: the SPA receives resolved dates from the server.
import Holidays from 'date-holidays';

const calendars = new Map<string, Holidays>();

function calendarFor(country: string, region: string): Holidays {
  const key = `${country}-${region}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    calendar = new Holidays(country, region);
    calendars.set(key, calendar);
  }
  return calendar;
}

/** Public holidays of `year` as sorted ISO dates 'YYYY-MM-DD' (local calendar dates of the region). */
export function publicHolidays(year: number, country = 'FR', region = '57'): string[] {
  const dates = calendarFor(country, region)
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    // `date` is the local date-time string "YYYY-MM-DD hh:mm:ss"; its date part is what we want.
    .map((h) => h.date.slice(0, 10));
  return [...new Set(dates)].sort();
}

const ISO_DATE = /^\d{4}-\d\d-\d\d$/;

export interface ClosedDatesOptions {
  country?: string;
  region?: string;
}

/**
 * Every closed date from 1 January `fromYear` to 31 December `toYear`: public holidays plus
 * the `extra` closed days falling in those years (e.g. a bridge day decided by the syndicate),
 * sorted and without duplicates.
 */
export function closedDatesBetween(
  fromYear: number,
  toYear: number,
  extra: readonly string[] = [],
  options: ClosedDatesOptions = {},
): string[] {
  const { country = 'FR', region = '57' } = options;
  const dates = new Set<string>();
  for (const date of extra) {
    if (!ISO_DATE.test(date)) throw new RangeError(`closed date must be YYYY-MM-DD, got "${date}"`);
    const year = Number(date.slice(0, 4));
    if (year >= fromYear && year <= toYear) dates.add(date);
  }
  for (let year = fromYear; year <= toYear; year++) {
    for (const date of publicHolidays(year, country, region)) dates.add(date);
  }
  return [...dates].sort();
}
