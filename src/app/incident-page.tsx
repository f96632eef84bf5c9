// /incidents/:id: one incident on its own page, for support and référents alike (the gateway
// answers 403 for someone else's, shown as "not yours or not found"). Reached from a mail, a shared
// link or the incident detail's "direct link"; works after the login page sends the user back.
import { IncidentGti } from '../features/gti/components/incident-gti.tsx';
import { IncidentSheet } from '../features/incidents/components/incident-sheet.tsx';
import { useMessages } from '../i18n/locale-context.ts';
import { AppHeader } from './app-header.tsx';
import { appMessages } from './app-messages.ts';
import { navigate } from './router.ts';

export function IncidentPage({ incidentId, collectiviteId }: { incidentId: string; collectiviteId?: string }) {
  const m = useMessages(appMessages);
  return (
    <div className="flex min-h-dvh flex-col bg-slate-950 text-slate-100">
      <AppHeader collectiviteId={collectiviteId} />
      <main id="content" className="mx-auto flex w-full max-w-3xl flex-col gap-3 p-3">
        <a
          href="/"
          onClick={(e) => {
            e.preventDefault();
            navigate('/');
          }}
          className="self-start text-sky-300 underline"
        >
          ← {m.backToDashboard}
        </a>
        <IncidentSheet incidentId={incidentId} renderGti={(incident) => <IncidentGti incident={incident} />} onClose={() => navigate('/')} />
      </main>
    </div>
  );
}
