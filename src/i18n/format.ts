// Dates, durations and ratios in the user's language, always shown in Europe/Paris time: the
// support cell and the référents work on Moselle time whatever the device says.
import type { Locale } from './i18n.ts';

export const DISPLAY_TIME_ZONE = 'Europe/Paris';

const TAGS: Record<Locale, string> = { fr: 'fr-FR', en: 'en-GB' };

// Building an Intl.DateTimeFormat costs far more than formatting with one (bench/storm.ts found
// 10,000 GTI rows spending ~8 s in constructors): one formatter per locale and style, reused.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: Locale, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(TAGS[locale], { ...options, timeZone: DISPLAY_TIME_ZONE });
    formatters.set(key, f);
  }
  return f;
}

export function formatDateTime(locale: Locale, instant: number): string {
  return formatter(locale, 'datetime', { dateStyle: 'short', timeStyle: 'medium' }).format(instant);
}

export function formatTime(locale: Locale, instant: number, seconds = false): string {
  return formatter(locale, seconds ? 'time-s' : 'time', { hour: '2-digit', minute: '2-digit', ...(seconds ? { second: '2-digit' } : {}) }).format(instant);
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
  return new Intl.NumberFormat(TAGS[locale], { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(ratio);
}
