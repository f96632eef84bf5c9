// Dates, durations and ratios in the user's language. Dates are shown in the gateway's time zone
// (GET /calendar `timeZone`, Europe/Paris by default), not the device's: the support cell and the
// référents work on the syndicate's time whatever a tablet says. Every Intl formatter is built once
// per locale, zone and style, then reused.
import type { Locale } from './i18n.ts';

/** Where and how dates are shown: the UI language and the gateway's time zone. */
export interface TimeDisplay {
  locale: Locale;
  timeZone: string;
}

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

/** The BCP 47 tag Intl formats a locale with (French of France, English of Britain: 24-hour, day first). */
export function localeTag(locale: Locale): string {
  return TAGS[locale];
}

// Building an Intl formatter costs far more than formatting with one (bench/storm.ts found 10,000
// GTI rows spending ~8 s in constructors): one per locale, zone and style, reused.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
function dateFormat({ locale, timeZone }: TimeDisplay, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${style}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(localeTag(locale), { ...options, timeZone });
    dateFormats.set(key, f);
  }
  return f;
}

const numberFormats = new Map<string, Intl.NumberFormat>();
/** A cached percent formatter with between `min` and `max` fraction digits. */
export function percentFormat(locale: Locale, min: number, max: number): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeTag(locale), { style: 'percent', minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, f);
  }
  return f;
}

/** 02/03/2026 14:05:09 (fr) · 02/03/2026, 14:05:09 (en). */
export function formatDateTime(display: TimeDisplay, instant: number): string {
  return dateFormat(display, 'datetime', { dateStyle: 'short', timeStyle: 'medium' }).format(instant);
}

/** 02/03/2026: a report period's first or last day. */
export function formatDate(display: TimeDisplay, instant: number): string {
  return dateFormat(display, 'date', { dateStyle: 'short' }).format(instant);
}

/** 14:05, or 14:05:09 with seconds. */
export function formatTime(display: TimeDisplay, instant: number, seconds = false): string {
  return dateFormat(display, seconds ? 'time-s' : 'time', { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(instant);
}

/** "lundi 2 mars" / "Monday 2 March": the wall clock's date line. */
export function formatWeekdayDate(display: TimeDisplay, instant: number): string {
  return dateFormat(display, 'weekday-date', { weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
}

/** "02/03 14:05": a chart axis tick. */
export function formatDayTime(display: TimeDisplay, instant: number): string {
  return dateFormat(display, 'day-time', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' }).format(instant);
}

/** 45 s · 12 min · 3 h 05 · 2 j 4 h (fr) / 2 d 4 h (en). */
export function formatDuration(locale: Locale, ms: number): string {
  const negative = ms < 0;
  const s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const text =
    d > 0 ? `${d} ${locale === 'fr' ? 'j' : 'd'} ${h} h` : h > 0 ? `${h} h ${String(m).padStart(2, '0')}` : m > 0 ? `${m} min` : `${s} s`;
  return negative ? `−${text}` : text;
}

/** "il y a 12 s" / "12 s ago" */
export function formatAge(locale: Locale, ms: number): string {
  const d = formatDuration(locale, Math.max(0, ms));
  return locale === 'fr' ? `il y a ${d}` : `${d} ago`;
}

export function formatPercent(locale: Locale, ratio: number, digits = 1): string {
  return percentFormat(locale, digits, digits).format(ratio);
}
