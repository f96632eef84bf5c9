import { useMemo } from 'react';
import { useEstateIndex, useIncidents, useServerNow } from '../../../live/use-live.ts';
import { useMessages } from '../../../i18n/locale-context.ts';
import { activeGtiItems } from '../active-gti-items.ts';
import { useCoveredCalendar } from '../api/use-covered-calendar.ts';
import { gtiMessages } from '../messages.ts';
import { GtiCompliancePanel } from './gti-compliance-panel.tsx';
import { OpenGtiList } from './open-gti-list.tsx';

/** Live GTI countdowns for the open incidents of one collectivité, or of every one in scope. */
export function OpenGtiPanel({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(gtiMessages);
  const incidents = useIncidents();
  const index = useEstateIndex();
  const { calendar, isPending, isError, refetch } = useCoveredCalendar();
  const now = useServerNow(1000);
  const items = useMemo(() => activeGtiItems(incidents, index, collectiviteId), [incidents, index, collectiviteId]);
  return (
    <section aria-labelledby="gti-open-title" className="flex flex-col gap-2">
      <h2 id="gti-open-title" className="text-lg font-semibold text-slate-100">
        {m.title}
      </h2>
      <p className="text-sm text-slate-300">{m.explain}</p>
      {calendar ? (
        <OpenGtiList items={items} calendar={calendar} now={now} showCollectivite={collectiviteId === undefined} />
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
