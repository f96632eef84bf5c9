// Report periods: the month, semester (Jan–Jun, Jul–Dec) or year containing an instant, in the
// covered-hours time zone (Europe/Paris), the one before or after it, or whole local days from one
// date to another. Boundaries are local midnights as UTC instants, so a month spans its true
// length across DST changes. Shared by the gateway (server/http/period.ts) and the reports screen.
import type { Period } from './availability.ts';
import type { Instant } from './model.ts';
import { wallParts, wallToInstant, zonedFormatter } from './zoned-time.ts';

export type PeriodKind = 'month' | 'semester' | 'year';

interface LocalDate {
  year: number;
  month: number; // 1–12
}

/** The instant of local midnight starting the 1st of `month` (months may overflow into years). */
export function localMonthStart(year: number, month: number, timeZone: string): Instant {
  return wallToInstant(zonedFormatter(timeZone), Date.UTC(year, month - 1, 1));
}

export function localYearMonth(t: Instant, timeZone: string): LocalDate {
  const p = wallParts(zonedFormatter(timeZone), t);
  return { year: p.year ?? 1970, month: p.month ?? 1 };
}

export function periodContaining(kind: PeriodKind, t: Instant, timeZone: string): Period {
  const { year, month } = localYearMonth(t, timeZone);
  const [startMonth, length] = kind === 'month' ? [month, 1] : kind === 'semester' ? [month <= 6 ? 1 : 7, 6] : [1, 12];
  return { from: localMonthStart(year, startMonth, timeZone), to: localMonthStart(year, startMonth + length, timeZone) };
}

/** The period of the same kind just before (-1) or after (+1) the one containing `t`. */
export function shiftPeriod(kind: PeriodKind, t: Instant, step: -1 | 1, timeZone: string): Period {
  const current = periodContaining(kind, t, timeZone);
  return periodContaining(kind, step < 0 ? current.from - 1 : current.to, timeZone);
}

/** Local midnight starting the ISO date 'YYYY-MM-DD'. */
export function localDayStart(date: string, timeZone: string): Instant {
  const [y, m, d] = date.split('-').map(Number);
  return wallToInstant(zonedFormatter(timeZone), Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** Whole local days from `first` to `last` included ('YYYY-MM-DD'), as [from, to). */
export function daysPeriod(first: string, last: string, timeZone: string): Period {
  const [y, m, d] = last.split('-').map(Number);
  const next = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + 1)).toISOString().slice(0, 10);
  return { from: localDayStart(first, timeZone), to: localDayStart(next, timeZone) };
}

/** The local date 'YYYY-MM-DD' of an instant. */
export function localIsoDate(t: Instant, timeZone: string): string {
  const p = wallParts(zonedFormatter(timeZone), t);
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
