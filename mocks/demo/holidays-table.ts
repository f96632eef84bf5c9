// Stands in for src/domain/holidays.ts in the offline demo build (see vite.demo.config.ts): the
// same functions over a table of closed dates computed with date-holidays at build time, so the
// 1.5 MB holiday database never ships to the browser.
declare const __VIGIE_CLOSED_DATES__: readonly string[];

const TABLE: readonly string[] = typeof __VIGIE_CLOSED_DATES__ === 'undefined' ? [] : __VIGIE_CLOSED_DATES__;

/** Public holidays of `year` (FR-57), from the build-time table; empty outside its years. */
export function publicHolidays(year: number): string[] {
  const prefix = `${year}-`;
  return TABLE.filter((d) => d.startsWith(prefix));
}

export function closedDatesBetween(fromYear: number, toYear: number, extra: readonly string[] = []): string[] {
  const inRange = (d: string) => Number(d.slice(0, 4)) >= fromYear && Number(d.slice(0, 4)) <= toYear;
  return [...new Set([...TABLE.filter(inRange), ...extra.filter(inRange)])].sort();
}

/** Every date of the table: what the demo gateway's calendar serves. */
export function buildTimeClosedDates(): readonly string[] {
  return TABLE;
}
