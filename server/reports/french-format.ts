// French formats for documents written on the server (the SPA has its own in src/i18n): dates in
// the report's time zone, percentages with a decimal comma, durations in hours and minutes.
import type { Instant } from '../../src/domain/model.ts';

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

export function frenchDate(t: Instant, timeZone: string): string {
  let f = dateFormats.get(timeZone);
  if (!f) dateFormats.set(timeZone, (f = new Intl.DateTimeFormat('fr-FR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' })));
  return f.format(t);
}

export function frenchDateTime(t: Instant, timeZone: string): string {
  let f = dateTimeFormats.get(timeZone);
  if (!f) dateTimeFormats.set(timeZone, (f = new Intl.DateTimeFormat('fr-FR', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })));
  return f.format(t);
}

/** 0.96123 → "96,12 %"; null → "non mesuré". */
export function frenchPercent(ratio: number | null, digits = 2): string {
  if (ratio === null) return 'non mesuré';
  return `${(ratio * 100).toFixed(digits).replace('.', ',')} %`;
}

/** Seconds → "3 h 05" (or "12 min"). */
export function frenchDuration(totalSeconds: number): string {
  const minutes = Math.round(totalSeconds / 60);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')}` : `${m} min`;
}

/** An ISO date 'YYYY-MM-DD' → '03/04/2026'. */
export function frenchIsoDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}


export const INCIDENT_STATUS_NAMES: Readonly<Record<string, string>> = {
  open: 'ouvert',
  acknowledged: 'acquitté',
  'in-progress': 'en intervention',
  resolved: 'résolu',
  closed: 'clos',
};

export const GTI_NAMES: Readonly<Record<string, string>> = { 'on-track': 'en cours', 'at-risk': 'à risque', breached: 'dépassée', met: 'respectée' };

const WEEKDAYS = ['', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** "lundi–vendredi" for [1..5], else the days listed. */
export function frenchDays(days: readonly number[]): string {
  const sorted = [...days].sort((a, b) => a - b);
  const run = sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  return run && sorted.length > 2 ? `${WEEKDAYS[sorted[0]!]}–${WEEKDAYS[sorted.at(-1)!]}` : sorted.map((d) => WEEKDAYS[d]).join(', ');
}
