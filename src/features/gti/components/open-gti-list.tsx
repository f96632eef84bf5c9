import type { Incident, Instant } from '../../../domain/model.ts';
import type { IncidentPlace } from '../../../live/incident-place.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import type { CoveredCalendar } from '../calendar-hours.ts';
import { gtiMessages } from '../messages.ts';
import { GtiCountdown } from './gti-countdown.tsx';

export interface OpenGtiItem {
  incident: Incident;
  place: IncidentPlace;
}

interface OpenGtiListProps {
  /** The most urgent active incidents, already ranked (see urgentGtis). */
  items: readonly OpenGtiItem[];
  /** Active incidents not shown (the incidents panel lists them all). */
  more?: number;
  calendar: CoveredCalendar;
  now: Instant;
  /** Hide the collectivité name inside a single-collectivité view. */
  showCollectivite?: boolean;
}

/** Active incidents with their GTI countdown, in the order given, and how many more there are. */
export function OpenGtiList({ items, more = 0, calendar, now, showCollectivite = true }: OpenGtiListProps) {
  const m = useMessages(gtiMessages);
  if (items.length === 0) return <p className="text-slate-300">{m.noOpen}</p>;
  return (
    <>
      <ul className="divide-y divide-slate-800">
        {items.map((item) => (
          <li key={item.incident.id} className="live-row flex flex-col gap-1 py-2">
            <span className="font-medium text-slate-100">
              {showCollectivite && <span>{item.place.collectivite} · </span>}
              {item.place.site} · {item.place.probe}
            </span>
            <GtiCountdown incident={item.incident} calendar={calendar} now={now} />
          </li>
        ))}
      </ul>
      {more > 0 && (
        <p className="text-sm text-slate-300" data-testid="gti-more">
          {m.moreOpen(more)}
        </p>
      )}
    </>
  );
}
