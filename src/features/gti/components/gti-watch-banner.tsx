import { useMemo } from 'react';
import type { GtiState } from '../../../domain/gti.ts';
import { incidentPlace } from '../../../live/incident-place.ts';
import { useEstateIndex, useIncidents, useServerNow } from '../../../live/use-live.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useCoveredCalendar } from '../api/use-covered-calendar.ts';
import { GTI_SYMBOL, GTI_WALL_CLASS } from '../gti-tone.ts';
import { gtiMessages } from '../messages.ts';
import { urgentGtis } from '../urgent-gti.ts';
import { WallCountdownText } from './wall-countdown-text.tsx';

/** Two lines of two: during a storm the banner must leave the wall's collectivité most of the screen. */
const BANNER_ITEMS = 4;
const WATCHED: readonly GtiState[] = ['breached', 'at-risk'];

/** Wall banner (dark, large type, nothing to click): every breached or at-risk GTI in scope. */
export function GtiWatchBanner() {
  const m = useMessages(gtiMessages);
  const incidents = useIncidents();
  const index = useEstateIndex();
  const { calendar, isError } = useCoveredCalendar();
  const now = useServerNow(1000);
  const watched = useMemo(
    () => (calendar ? urgentGtis(incidents, now, calendar, { limit: BANNER_ITEMS, states: WATCHED }) : undefined),
    [incidents, now, calendar],
  );
  const rows = useMemo(() => watched?.top.map((row) => ({ ...row, place: incidentPlace(index, row.incident) })) ?? [], [watched, index]);
  if (!calendar || !watched) {
    return isError ? (
      <div role="alert" className="rounded-lg bg-red-600 px-4 py-2 text-xl font-bold text-white">
        {m.calendarError}
      </div>
    ) : null;
  }
  return (
    <section aria-label={m.bannerTitle} className="flex min-h-[3.5rem] items-center gap-3 overflow-hidden">
      <h2 className="shrink-0 text-xl font-bold uppercase tracking-wide text-slate-300">{m.bannerTitle}</h2>
      {watched.total === 0 ? (
        <p className="text-xl text-emerald-300">
          <span aria-hidden="true">✔ </span>
          {m.bannerNone}
        </p>
      ) : (
        <>
          <ul className="grid min-w-0 flex-1 grid-cols-2 gap-2">
            {rows.map(({ incident, gti, place }) => (
              <li
                key={incident.id}
                data-gti-status={gti.status}
                title={`${place.collectivite} · ${place.probe}`}
                className={`flex min-w-0 items-baseline gap-2 rounded-md px-3 py-1 text-xl font-semibold ring-2 ${GTI_WALL_CLASS[gti.status]}`}
              >
                <span aria-hidden="true">{GTI_SYMBOL[gti.status]}</span>
                <span className="shrink-0">{m.status(gti.status)}</span>
                <span className="min-w-0 truncate">
                  {place.collectivite} · {place.probe}
                </span>
                <span className="ml-auto shrink-0 whitespace-nowrap tabular-nums">
                  <WallCountdownText gti={gti} now={now} calendar={calendar} />
                </span>
              </li>
            ))}
          </ul>
          {watched.total > watched.top.length && (
            <p className="shrink-0 self-center whitespace-nowrap text-xl text-slate-300">{m.bannerMore(watched.total - watched.top.length)}</p>
          )}
        </>
      )}
    </section>
  );
}
