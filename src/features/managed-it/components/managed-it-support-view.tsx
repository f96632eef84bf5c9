// The support cell's managed-IT desk: balances of every convention, a convention and an action to
// record, the requests from the référents (to link actions to and move on), the actions done.
import { useState } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { managedItMessages } from '../messages.ts';
import { ActionForm } from './action-form.tsx';
import { ActionList } from './action-list.tsx';
import { ActivityReportDownload } from './activity-report-download.tsx';
import { ConventionBalances } from './convention-balances.tsx';
import { ConventionForm } from './convention-form.tsx';
import { TicketList } from './ticket-list.tsx';

export function ManagedItSupportView({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(managedItMessages);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  return (
    <div className="flex flex-col gap-4">
      <h2 className="text-lg font-semibold text-slate-100">{m.pageTitle}</h2>
      <p role="status" className="min-h-5 text-sm text-sky-200" data-testid="managed-it-notice">
        {notice}
      </p>
      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_28rem]">
        <section aria-labelledby="balances-title" className="flex flex-col gap-2">
          <h2 id="balances-title" className="font-semibold text-slate-100">
            {m.overview}
          </h2>
          <ConventionBalances collectiviteId={collectiviteId} />
          <ConventionForm collectiviteId={collectiviteId} onSaved={setNotice} />
          <ActivityReportDownload collectiviteId={collectiviteId} />
        </section>
        <div className="flex flex-col gap-4">
          <ActionForm collectiviteId={collectiviteId} onSaved={setNotice} />
          <TicketList collectiviteId={collectiviteId} />
        </div>
      </div>
      <ActionList collectiviteId={collectiviteId} />
    </div>
  );
}
