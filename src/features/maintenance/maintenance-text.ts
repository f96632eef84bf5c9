// How a window reads for people, in the gateway's time zone: "Maintenance prévue le 14/12 de 12 h à
// 14 h" (the convention: each operation is communicated with its dates), and the conversion of the
// form's wall-clock fields (datetime-local, read in the gateway's zone, not the device's) to instants.
import { effectiveEnd, maintenancePhase, type MaintenanceWindow } from '../../domain/maintenance.ts';
import { wallParts, zonedFormatter } from '../../domain/zoned-time.ts';
import type { Instant } from '../../domain/model.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { maintenanceMessages } from './messages.ts';

const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0');

/** "12 h", "12 h 30" (fr) / "12:00", "12:30" (en). */
export function hourText(locale: Locale, timeZone: string, t: Instant): string {
  const p = wallParts(zonedFormatter(timeZone), t);
  if (locale === 'en') return `${pad(p.hour)}:${pad(p.minute)}`;
  return p.minute ? `${p.hour ?? 0} h ${pad(p.minute)}` : `${p.hour ?? 0} h`;
}

/** "14/12" (day/month in the zone). */
export function dayText(timeZone: string, t: Instant): string {
  const p = wallParts(zonedFormatter(timeZone), t);
  return `${pad(p.day)}/${pad(p.month)}`;
}

/** The sentence announcing a window (upcoming) or saying until when it runs. */
export function windowSentence(window: MaintenanceWindow, now: Instant, locale: Locale, timeZone: string): string {
  const m = maintenanceMessages[locale];
  const end = effectiveEnd(window);
  if (maintenancePhase(window, now) === 'running') {
    const until = dayText(timeZone, end) === dayText(timeZone, now) ? hourText(locale, timeZone, end) : `${dayText(timeZone, end)} ${hourText(locale, timeZone, end)}`;
    return m.running(until);
  }
  if (dayText(timeZone, window.start) === dayText(timeZone, end)) {
    return m.upcoming(dayText(timeZone, window.start), hourText(locale, timeZone, window.start), hourText(locale, timeZone, end));
  }
  const at = (t: Instant) => `${dayText(timeZone, t)} ${hourText(locale, timeZone, t)}`;
  return m.upcomingLong(at(window.start), at(end));
}

// Shared with the managed-IT forms: src/i18n/wall-input.ts.
export { instantOfWallInput, wallInputOf } from '../../i18n/wall-input.ts';
