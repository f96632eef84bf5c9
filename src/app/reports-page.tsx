// The reports screen (issue #18): support picks a collectivité or all; a référent sees their own
// (the gateway scopes every report route the same way).
import { useState } from 'react';
import { useSession } from '../api/use-session.ts';
import { useMessages } from '../i18n/locale-context.ts';
import { useEstateIndex } from '../live/use-live.ts';
import { CollectivitePicker } from '../ui/collectivite-picker.tsx';
import { reportMessages } from '../features/reports/messages.ts';
import { ReportsView } from '../features/reports/components/reports-view.tsx';
import { AppHeader } from './app-header.tsx';
import { navigate, reportsPath } from './router.ts';

export function ReportsPage({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(reportMessages);
  const { isSupport } = useSession();
  const index = useEstateIndex();
  const [now] = useState(() => Date.now());
  return (
    <div className="flex min-h-dvh flex-col bg-slate-950 text-slate-100">
      <AppHeader {...(collectiviteId && { collectiviteId })} />
      <main id="content" className="flex flex-col gap-3 p-3">
        <div>
          <h2 className="text-xl font-semibold">{m.title}</h2>
          <p className="text-sm text-slate-300">{m.intro}</p>
        </div>
        {isSupport && <CollectivitePicker label={m.scope} collectivites={index.collectivites} value={collectiviteId} onChange={(id) => navigate(reportsPath(id))} emptyLabel={m.allScope} className="max-w-[22rem]" />}
        <ReportsView key={collectiviteId ?? '*'} {...(collectiviteId && { collectiviteId })} now={now} />
      </main>
    </div>
  );
}
