// Where an incident stands, in one sentence a référent understands: "Pris en charge par la cellule
// support à 10:12", "Intervention en cours depuis 11:05", "Résolu à 14:30". Times today say only
// the hour; older ones the day too, in the gateway's time zone.
import type { Incident, Instant } from '../../domain/model.ts';
import { formatDayTime, formatTime, type TimeDisplay } from '../../i18n/format.ts';

export interface StatusWords {
  kind: Incident['status'];
  /** The moment the status began, as "10:12" (today) or "02/12 10:12". */
  when: string;
  today: boolean;
}

// One formatter per zone: building one per row cost more than the rest of the incident list.
const dayFormats = new Map<string, Intl.DateTimeFormat>();
function dayKey(display: TimeDisplay, t: Instant): string {
  let format = dayFormats.get(display.timeZone);
  if (!format) dayFormats.set(display.timeZone, (format = new Intl.DateTimeFormat('en-CA', { timeZone: display.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  return format.format(t);
}

/** "10:12" today, "02/12 10:12" another day. */
export function whenWords(display: TimeDisplay, at: Instant, now: Instant): { today: boolean; text: string } {
  const today = dayKey(display, at) === dayKey(display, now);
  return { today, text: today ? formatTime(display, at) : formatDayTime(display, at) };
}

export function statusWords(incident: Incident, display: TimeDisplay, now: Instant): StatusWords {
  const since = { open: incident.openedAt, acknowledged: incident.acknowledgedAt, 'in-progress': incident.interventionAt, resolved: incident.resolvedAt, closed: incident.closedAt }[incident.status];
  const { today, text } = whenWords(display, since ?? incident.openedAt, now);
  return { kind: incident.status, when: text, today };
}
