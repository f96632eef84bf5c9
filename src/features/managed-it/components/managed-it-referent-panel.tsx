// A référent's managed IT: the units left on their convention (art. 2: the count is visible to
// the collectivité), a request for assistance, their requests and the actions done for them.
import { useState } from 'react';
import { useMessages } from '../../../i18n/locale-context.ts';
import { managedItMessages } from '../messages.ts';
import { ActionList } from './action-list.tsx';
import { ActivityReportDownload } from './activity-report-download.tsx';
import { ConventionBalances } from './convention-balances.tsx';
import { TicketForm } from './ticket-form.tsx';
import { TicketList } from './ticket-list.tsx';

export function ManagedItReferentPanel({ collectiviteId }: { collectiviteId: string }) {
  const m = useMessages(managedItMessages);
  const [notice, setNotice] = useState<string | undefined>(undefined);
  return (
    <section aria-labelledby="managed-it-title" className="flex flex-col gap-3">
      <h2 id="managed-it-title" className="text-lg font-semibold text-slate-100">
        {m.pageTitle}
      </h2>
      <ConventionBalances collectiviteId={collectiviteId} />
      <ActivityReportDownload collectiviteId={collectiviteId} />
      <TicketForm onSaved={setNotice} />
      <p role="status" className="text-sm text-sky-200">
        {notice}
      </p>
      <TicketList collectiviteId={collectiviteId} />
      <ActionList collectiviteId={collectiviteId} />
    </section>
  );
}
