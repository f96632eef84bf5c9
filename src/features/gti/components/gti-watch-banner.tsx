import { useMemo } from 'react';
import { gtiStatus } from '../../../domain/gti.ts';
import { useEstateIndex, useIncidents, useServerNow } from '../../../live/use-live.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { activeGtiItems } from '../active-gti-items.ts';
import { useCoveredCalendar } from '../api/use-covered-calendar.ts';
import { formatCountdown } from '../format-countdown.ts';
import { GTI_SYMBOL, GTI_URGENCY, GTI_WALL_CLASS } from '../gti-tone.ts';
import { gtiMessages } from '../messages.ts';

/** Wall banner (dark, large type, nothing to click): every breached or at-risk GTI in scope. */
export function GtiWatchBanner() {
  const m = useMessages(gtiMessages);
  const incidents = useIncidents();
  const index = useEstateIndex();
  const { calendar, isError } = useCoveredCalendar();
  const now = useServerNow(1000);
  const items = useMemo(() => activeGtiItems(incidents, index), [incidents, index]);
  if (!calendar) {
    return isError ? (
      <div role="alert" className="rounded-lg bg-red-600 px-4 py-2 text-xl font-bold text-white">
        {m.calendarError}
      </div>
    ) : null;
  }
  const watched = items
    .map((item) => ({ item, gti: gtiStatus(item.incident, now, calendar.hours, calendar.rules) }))
    .filter(({ gti }) => gti.status === 'breached' || gti.status === 'at-risk')
    .sort((a, b) => GTI_URGENCY[a.gti.status] - GTI_URGENCY[b.gti.status] || a.gti.coveredMsLeft - b.gti.coveredMsLeft);
  return (
    <section aria-label={m.bannerTitle} className="flex min-h-[3.5rem] items-center gap-3 overflow-hidden">
      <h2 className="shrink-0 text-xl font-bold uppercase tracking-wide text-slate-300">{m.bannerTitle}</h2>
      {watched.length === 0 ? (
        <p className="text-xl text-emerald-300">
          <span aria-hidden="true">✔ </span>
          {m.bannerNone}
        </p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {watched.slice(0, 8).map(({ item, gti }) => (
            <li
              key={item.incident.id}
              data-gti-status={gti.status}
              className={`flex items-baseline gap-2 rounded-md px-3 py-1 text-xl font-semibold ring-2 ${GTI_WALL_CLASS[gti.status]}`}
            >
              <span aria-hidden="true">{GTI_SYMBOL[gti.status]}</span>
              <span>{m.status(gti.status)}</span>
              <span>
                {item.place.collectivite} · {item.place.probe}
              </span>
              <span className="font-mono tabular-nums">
                {gti.coveredMsLeft >= 0 ? '−' : '+'}
                {formatCountdown(gti.coveredMsLeft)}
              </span>
            </li>
          ))}
          {watched.length > 8 && <li className="self-center text-xl text-slate-300">+{watched.length - 8}</li>}
        </ul>
      )}
    </section>
  );
}
