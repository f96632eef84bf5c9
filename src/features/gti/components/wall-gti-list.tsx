import { useMemo } from 'react';
import { incidentPlace } from '../../../live/incident-place.ts';
import { useEstateIndex, useIncidents, useServerNow } from '../../../live/use-live.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useCoveredCalendar } from '../api/use-covered-calendar.ts';
import { GTI_SYMBOL, GTI_WALL_CLASS } from '../gti-tone.ts';
import { gtiMessages } from '../messages.ts';
import { urgentGtis } from '../urgent-gti.ts';
import { WallCountdownText } from './wall-countdown-text.tsx';

/** The wall's GTI column for one collectivité: every open incident's countdown, large and dark. */
export function WallGtiList({ collectiviteId, limit = 5 }: { collectiviteId: string; limit?: number }) {
  const m = useMessages(gtiMessages);
  const incidents = useIncidents();
  const index = useEstateIndex();
  const { calendar, isError } = useCoveredCalendar();
  const now = useServerNow(1000);
  const ranked = useMemo(
    () => (calendar ? urgentGtis(incidents, now, calendar, { limit, collectiviteId }) : undefined),
    [incidents, now, calendar, limit, collectiviteId],
  );
  const rows = useMemo(() => ranked?.top.map((row) => ({ ...row, place: incidentPlace(index, row.incident) })) ?? [], [ranked, index]);
  if (!calendar || !ranked) return isError ? <p className="text-xl text-red-300">{m.calendarError}</p> : null;
  return (
    <section aria-labelledby="wall-gti-title" className="flex flex-col gap-2">
      <h3 id="wall-gti-title" className="text-2xl font-bold uppercase tracking-wide text-slate-300">
        GTI
      </h3>
      <ul className="flex flex-col gap-2">
        {rows.map(({ incident, gti, place }) => (
          <li key={incident.id} className="flex flex-col rounded-lg bg-slate-900 p-3 ring-1 ring-slate-700" data-gti-status={gti.status}>
            <span className="truncate text-xl text-slate-100">
              {place.site} · {place.probe}
            </span>
            <span className="flex items-baseline justify-between gap-3">
              <span className={`rounded px-2 text-xl font-bold ring-2 ${GTI_WALL_CLASS[gti.status]}`}>
                <span aria-hidden="true">{GTI_SYMBOL[gti.status]} </span>
                {m.status(gti.status)}
              </span>
              <span className="text-right text-3xl font-bold tabular-nums text-white">
                <WallCountdownText gti={gti} now={now} calendar={calendar} />
              </span>
            </span>
          </li>
        ))}
        {ranked.total > ranked.top.length && <li className="text-xl text-slate-300">+{ranked.total - ranked.top.length}</li>}
      </ul>
    </section>
  );
}
