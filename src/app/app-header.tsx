// The bar above every signed-in page: what you are looking at, how fresh it is, who you are.
import { useSession } from '../api/use-session.ts';
import { common } from '../i18n/common.ts';
import { useMessages } from '../i18n/locale-context.ts';
import { useEstateIndex, useSourceHealth } from '../live/use-live.ts';
import { authMessages } from '../features/auth/auth-messages.ts';
import { appMessages } from './app-messages.ts';
import { DataStatus } from './data-status.tsx';
import { AlarmHealthBadge } from '../features/alarms/components/alarm-health-badge.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { SourceProblemBadge } from './source-problem-badge.tsx';
import { collectivitePath, navigate, reportsPath } from './router.ts';
import { reportMessages } from '../features/reports/messages.ts';
import { CollectivitePicker } from '../ui/collectivite-picker.tsx';

export function AppHeader({ collectiviteId }: { collectiviteId?: string }) {
  const m = useMessages(appMessages);
  const roles = useMessages(common).role;
  const auth = useMessages(authMessages);
  const reports = useMessages(reportMessages);
  const { user, isSupport, logout } = useSession();
  const index = useEstateIndex();
  const source = useSourceHealth();
  const scopeName = collectiviteId ? (index.collectivites.get(collectiviteId)?.name ?? collectiviteId) : m.allScope;

  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-800 bg-slate-900 px-3 py-2 text-slate-100">
      <a href="/" onClick={(e) => (e.preventDefault(), navigate('/'))} className="text-xl font-bold tracking-tight text-sky-300 focus-visible:outline-2 focus-visible:outline-sky-400">
        <h1>Vigie</h1>
      </a>
      {isSupport ? (
        <CollectivitePicker
          label={m.scope}
          collectivites={index.collectivites}
          value={collectiviteId}
          onChange={(id) => navigate(id ? collectivitePath(id) : '/')}
          emptyLabel={m.allScope}
          labelPlacement="beside"
          labelClassName="sr-only sm:not-sr-only"
          className="min-w-0 flex-1 basis-40 sm:flex-none sm:basis-auto"
          inputClassName="sm:w-[14rem]"
        />
      ) : (
        <p className="min-w-0 truncate text-base font-semibold">{scopeName}</p>
      )}
      <div className="order-last flex w-full items-center gap-3 md:order-none md:w-auto">
        <DataStatus />
        {source && (
          <p className="hidden text-xs text-slate-300 md:block">
            {m.source(source.source)}
          </p>
        )}
        <SourceProblemBadge />
        <AlarmHealthBadge />
      </div>
      <div className="ml-auto flex flex-wrap items-center justify-end gap-2 sm:gap-3">
        {user && user.role !== 'kiosk' && (
          <a href={reportsPath(collectiviteId)} onClick={(e) => (e.preventDefault(), navigate(reportsPath(collectiviteId)))} className="rounded border border-slate-600 px-2 py-1 text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400">
            {reports.link}
          </a>
        )}
        {user && user.role !== 'kiosk' && (
          <a href="/contribution" onClick={(e) => (e.preventDefault(), navigate('/contribution'))} className="rounded border border-slate-600 px-2 py-1 text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400">
            {m.contribution}
          </a>
        )}
        {isSupport && (
          <a href="/infogerance" onClick={(e) => (e.preventDefault(), navigate('/infogerance'))} className="rounded border border-slate-600 px-2 py-1 text-sm hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400">
            {m.managedIt}
          </a>
        )}
        <LanguageSwitch />
        {user && (
          <p className="hidden text-right text-xs leading-tight text-slate-300 sm:block">
            <span className="block font-medium text-slate-100">{user.displayName ?? user.login}</span>
            {roles[user.role]}
          </p>
        )}
        {user?.role !== 'kiosk' && (
          <button type="button" onClick={logout} className="rounded border border-slate-600 px-2 py-1 text-sm whitespace-nowrap hover:bg-slate-800 focus-visible:outline-2 focus-visible:outline-sky-400">
            {auth.logout}
          </button>
        )}
      </div>
    </header>
  );
}
