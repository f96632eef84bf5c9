// Composition root: providers, then one page per route. Features never import each other; they
// meet here.
import { QueryClientProvider } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { ApiClientProvider } from '../api/api-context.tsx';
import { SessionProvider } from '../api/session-context.tsx';
import { useSession } from '../api/use-session.ts';
import { closeSession } from '../features/auth/api/session-requests.ts';
import { KioskGate } from '../features/auth/components/kiosk-gate.tsx';
import { LoginPage } from '../features/auth/components/login-page.tsx';
import { I18nProvider } from '../i18n/i18n-context.tsx';
import { createAppServices, type AppServices } from './app-services.ts';
import { rememberView } from './last-view.ts';
import { DashboardPage } from './dashboard-page.tsx';
import { LiveSession } from './live-session.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { ReferentPage } from './referent-page.tsx';
import { ServerTimeZone } from './server-time-zone.tsx';
import { IncidentPage } from './incident-page.tsx';
import { ManagedItPage } from './managed-it-page.tsx';
import { ContributionPage } from './contribution-page.tsx';
import { navigate, nextAfterLogin, useRoute, type Route } from './router.ts';
import { WallPage } from './wall-page.tsx';
import { ReportsPage } from './reports-page.tsx';
import { appMessages } from './app-messages.ts';
import { useMessages } from '../i18n/locale-context.ts';

export function App({ services: injected }: { services?: AppServices }) {
  const [services] = useState(() => injected ?? createAppServices());
  const logout = useCallback(() => {
    void closeSession(services.api).finally(() => {
      services.sessions.clear();
      services.queryClient.clear();
      navigate('/login');
    });
  }, [services]);

  return (
    <I18nProvider>
      <QueryClientProvider client={services.queryClient}>
        <ApiClientProvider client={services.api}>
          <SessionProvider store={services.sessions} onLogout={logout}>
            <Routes services={services} />
          </SessionProvider>
        </ApiClientProvider>
      </QueryClientProvider>
    </I18nProvider>
  );
}

function Routes({ services }: { services: AppServices }) {
  const route = useRoute();
  const { session } = useSession();
  const redirect = redirectFor(route, session?.user.role);
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
    else if (session) rememberView(location.pathname);
  }, [redirect, route, session]);
  useEffect(() => {
    // Whatever ended the session (401, expiry, revocation), cached data of that user must go.
    if (!session) services.queryClient.clear();
  }, [session, services]);
  if (redirect) return null;

  switch (route.name) {
    case 'login':
      return <LoginPage onSignedIn={() => navigate(nextAfterLogin(location.search), { replace: true })} />;
    case 'wall':
      return (
        <KioskGate token={route.token} onTokenConsumed={() => navigate(location.pathname + stripToken(location.search), { replace: true })} onGoToLogin={() => navigate('/login')}>
          {session && (
            <LiveSession key={session.token} token={session.token} createTransport={services.createTransport}>
              <ServerTimeZone>
                <WallPage />
              </ServerTimeZone>
            </LiveSession>
          )}
        </KioskGate>
      );
    case 'not-found':
      return <NotFoundPage />;
    default:
      if (!session) return null;
      return (
        <LiveSession key={session.token} token={session.token} createTransport={services.createTransport}>
          <ServerTimeZone>
            <SignedInPage route={route} user={session.user} />
          </ServerTimeZone>
        </LiveSession>
      );
  }
}

function SignedInPage({ route, user }: { route: Route; user: { role: string; collectiviteId?: string } }) {
  const m = useMessages(appMessages);
  if (route.name === 'incident') return <IncidentPage incidentId={route.id} collectiviteId={user.collectiviteId} />;
  if (route.name === 'managed-it' && user.role === 'support') return <ManagedItPage />;
  if (route.name === 'contribution') return <ContributionPage {...(user.role === 'referent' && user.collectiviteId !== undefined && { collectiviteId: user.collectiviteId })} />;
  if (route.name === 'reports') {
    const scope = user.role === 'referent' ? user.collectiviteId : (route.collectiviteId ?? undefined);
    return <ReportsPage {...(scope && { collectiviteId: scope })} />;
  }
  if (user.role === 'referent') {
    if (!user.collectiviteId) return <NotFoundPage text={m.forbiddenScope} />;
    return <ReferentPage collectiviteId={user.collectiviteId} />;
  }
  return <DashboardPage collectiviteId={route.name === 'collectivite' ? route.id : undefined} />;
}

/** Where a route must send this user instead, if anywhere. */
function redirectFor(route: Route, role: string | undefined): string | undefined {
  if (route.name === 'wall' || route.name === 'not-found') return undefined;
  if (route.name === 'login') return role && role !== 'kiosk' ? nextAfterLogin(location.search) : undefined;
  // A deep link asked before signing in is where the login page sends the user back.
  if (!role) return route.name === 'incident' ? `/login?next=${encodeURIComponent(location.pathname)}` : '/login';
  if (role === 'kiosk') return '/wall';
  return undefined;
}

function stripToken(search: string): string {
  const params = new URLSearchParams(search);
  params.delete('token');
  const rest = params.toString();
  return rest ? `?${rest}` : '';
}
