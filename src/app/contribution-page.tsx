// /contribution: the yearly supervision contribution, every collectivité for support, their own
// for a référent (the gateway scopes the list).
import { ContributionView } from '../features/contribution/components/contribution-view.tsx';
import { AppHeader } from './app-header.tsx';

export function ContributionPage({ collectiviteId }: { collectiviteId?: string }) {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-950 text-slate-100">
      <AppHeader {...(collectiviteId !== undefined && { collectiviteId })} />
      <main id="content" className="flex-1 p-3">
        <ContributionView />
      </main>
    </div>
  );
}
