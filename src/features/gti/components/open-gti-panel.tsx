import { useDeferredValue, useMemo } from 'react';
import { incidentPlace } from '../../../live/incident-place.ts';
import { useEstateIndex, useIncidents, useServerNow } from '../../../live/use-live.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { useCoveredCalendar } from '../api/use-covered-calendar.ts';
import { gtiMessages } from '../messages.ts';
import { urgentGtis } from '../urgent-gti.ts';
import { GtiCompliancePanel } from './gti-compliance-panel.tsx';
import { OpenGtiList } from './open-gti-list.tsx';

/** Countdowns shown; the rest are counted (a storm opens thousands, the incidents panel pages them). */
export const OPEN_GTI_ROWS = 50;

/** Live GTI countdowns for the most urgent open incidents of one collectivité, or of every one in scope. */
export function OpenGtiPanel({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(gtiMessages);
  // Ranking a storm's thousands of incidents is done in a deferred render, which React interrupts
  // for the map's frames and incoming batches (npm run bench:storm).
  const incidents = useDeferredValue(useIncidents());
  const index = useEstateIndex();
  const { calendar, isPending, isError, refetch } = useCoveredCalendar();
  const now = useDeferredValue(useServerNow(1000));
  const ranked = useMemo(
    () => (calendar ? urgentGtis(incidents, now, calendar, { limit: OPEN_GTI_ROWS, collectiviteId }) : undefined),
    [incidents, now, calendar, collectiviteId],
  );
  const items = useMemo(() => ranked?.top.map(({ incident }) => ({ incident, place: incidentPlace(index, incident) })) ?? [], [ranked, index]);
  return (
    <section aria-labelledby="gti-open-title" className="flex flex-col gap-2">
      <h2 id="gti-open-title" className="text-lg font-semibold text-slate-100">
        {m.title}
      </h2>
      <p className="text-sm text-slate-300">{m.explain}</p>
      {calendar ? (
        <OpenGtiList
          items={items}
          more={(ranked?.total ?? 0) - items.length}
          calendar={calendar}
          now={now}
          showCollectivite={collectiviteId === undefined}
        />
      ) : isError ? (
        <p role="alert" className="text-red-300">
          {m.calendarError}{' '}
          <button type="button" className="underline focus-visible:outline-2" onClick={refetch}>
            {m.retry}
          </button>
        </p>
      ) : isPending ? (
        <p aria-busy="true" className="text-slate-300">
          {m.loadingCalendar}
        </p>
      ) : null}
      <div className="grid grid-cols-2 gap-2">
        <GtiCompliancePanel collectiviteId={collectiviteId} period="month" />
        <GtiCompliancePanel collectiviteId={collectiviteId} period="semester" />
      </div>
    </section>
  );
}
