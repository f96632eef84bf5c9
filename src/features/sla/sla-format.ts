// Figures of the SLA cards. Availability needs two decimals near the target (95,99 % is a miss,
// and rounding it to "96,0 %" would hide that); durations are covered hours and minutes.
import { percentFormat } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/i18n.ts';

export function formatAvailability(locale: Locale, ratio: number): string {
  const digits = ratio === 1 || ratio === 0 ? 0 : 2;
  return percentFormat(locale, digits, digits).format(Math.floor(ratio * 10_000) / 10_000);
}

export function formatShare(locale: Locale, ratio: number): string {
  return percentFormat(locale, 0, 0).format(ratio);
}

/** "12 h 05 min", "45 min", "0 min": absolute value, the caller words the sign. */
export function formatMinutes(minutes: number): string {
  const total = Math.round(Math.abs(minutes));
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h === 0 ? `${m} min` : `${h} h ${String(m).padStart(2, '0')} min`;
}
