import { gtiStatus } from '../../../domain/gti.ts';
import type { Incident, Instant } from '../../../domain/model.ts';
import type { IncidentPlace } from '../../../live/incident-place.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import type { CoveredCalendar } from '../calendar-hours.ts';
import { GTI_URGENCY } from '../gti-tone.ts';
import { gtiMessages } from '../messages.ts';
import { GtiCountdown } from './gti-countdown.tsx';

export interface OpenGtiItem {
  incident: Incident;
  place: IncidentPlace;
}

interface OpenGtiListProps {
  items: readonly OpenGtiItem[];
  calendar: CoveredCalendar;
  now: Instant;
  /** Hide the collectivité name inside a single-collectivité view. */
  showCollectivite?: boolean;
}

/** Active incidents with their GTI countdown, most urgent first. */
export function OpenGtiList({ items, calendar, now, showCollectivite = true }: OpenGtiListProps) {
  const m = useMessages(gtiMessages);
  if (items.length === 0) return <p className="text-slate-300">{m.noOpen}</p>;
  const ranked = items
    .map((item) => ({ item, gti: gtiStatus(item.incident, now, calendar.hours, calendar.rules) }))
    .sort((a, b) => GTI_URGENCY[a.gti.status] - GTI_URGENCY[b.gti.status] || a.gti.coveredMsLeft - b.gti.coveredMsLeft);
  return (
    <ul className="divide-y divide-slate-800">
      {ranked.map(({ item }) => (
        <li key={item.incident.id} className="flex flex-col gap-1 py-2">
          <span className="font-medium text-slate-100">
            {showCollectivite && <span>{item.place.collectivite} · </span>}
            {item.place.site} · {item.place.probe}
          </span>
          <GtiCountdown incident={item.incident} calendar={calendar} now={now} />
        </li>
      ))}
    </ul>
  );
}
