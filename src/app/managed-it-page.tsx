// Support's managed-IT page (/infogerance): the header, then the managed-IT desk of the feature.
import { ManagedItSupportView } from '../features/managed-it/components/managed-it-support-view.tsx';
import { AppHeader } from './app-header.tsx';

export function ManagedItPage() {
  return (
    <div className="flex min-h-dvh flex-col bg-slate-950 text-slate-100">
      <AppHeader />
      <main id="content" className="flex-1 p-3">
        <ManagedItSupportView />
      </main>
    </div>
  );
}
