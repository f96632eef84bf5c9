// The reports screen (issue #18): support picks a collectivité or all; a référent sees their own
// (the gateway scopes every report route the same way).
import { useState } from 'react';
import { useSession } from '../api/use-session.ts';
import { useMessages } from '../i18n/locale-context.ts';
import { useEstateIndex } from '../live/use-live.ts';
import { reportMessages } from '../features/reports/messages.ts';
import { ReportsView } from '../features/reports/components/reports-view.tsx';
import { AppHeader } from './app-header.tsx';
import { navigate, reportsPath } from './router.ts';

export function ReportsPage({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(reportMessages);
  const { isSupport } = useSession();
  const index = useEstateIndex();
  const [now] = useState(() => Date.now());
  const collectivites = [...index.collectivites.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
  return (
    <div className="flex min-h-dvh flex-col bg-slate-950 text-slate-100">
      <AppHeader {...(collectiviteId && { collectiviteId })} />
      <main id="content" className="flex flex-col gap-3 p-3">
        <div>
          <h2 className="text-xl font-semibold">{m.title}</h2>
          <p className="text-sm text-slate-300">{m.intro}</p>
        </div>
        {isSupport && (
          <div className="flex items-center gap-2 text-sm">
            <label htmlFor="report-scope">{m.scope}</label>
            <select id="report-scope" value={collectiviteId ?? ''} onChange={(e) => navigate(reportsPath(e.target.value || undefined))} className="max-w-[20rem] rounded border border-slate-600 bg-slate-800 px-2 py-1">
              <option value="">{m.allScope}</option>
              {collectivites.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <ReportsView key={collectiviteId ?? '*'} {...(collectiviteId && { collectiviteId })} now={now} />
      </main>
    </div>
  );
}
