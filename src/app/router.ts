// A four-route router is not worth a dependency: the URL is the state, history.pushState moves it,
// and React reads it through useSyncExternalStore.
import { useMemo, useSyncExternalStore } from 'react';

export type Route =
  | { name: 'dashboard' }
  | { name: 'login' }
  | { name: 'wall'; token: string | null }
  | { name: 'collectivite'; id: string }
  | { name: 'incident'; id: string }
  | { name: 'managed-it' }
  | { name: 'contribution' }
  | { name: 'reports'; collectiviteId: string | null }
  | { name: 'not-found' };

export function matchRoute(href: string): Route {
  const url = new URL(href, 'http://vigie.invalid');
  const path = url.pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'dashboard' };
  if (path === '/login') return { name: 'login' };
  if (path === '/wall') return { name: 'wall', token: url.searchParams.get('token') };
  if (path === '/infogerance') return { name: 'managed-it' };
  if (path === '/contribution') return { name: 'contribution' };
  if (path === '/reports') return { name: 'reports', collectiviteId: url.searchParams.get('c') };
  const c = /^\/c\/([^/]+)$/.exec(path);
  if (c) return { name: 'collectivite', id: decodeURIComponent(c[1]!) };
  const i = /^\/incidents\/([^/]+)$/.exec(path);
  if (i) return { name: 'incident', id: decodeURIComponent(i[1]!) };
  return { name: 'not-found' };
}

const NAVIGATE_EVENT = 'vigie:navigate';

export function navigate(to: string, { replace = false } = {}): void {
  if (to === location.pathname + location.search) return;
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

export function useRoute(): Route {
  const href = useSyncExternalStore(subscribe, () => location.href);
  return useMemo(() => matchRoute(href), [href]);
}

export function collectivitePath(id: string): string {
  return `/c/${encodeURIComponent(id)}`;
}

/** The reports screen, for one collectivité or (support) all of them. */
export function reportsPath(collectiviteId?: string): string {
  return collectiviteId ? `/reports?c=${encodeURIComponent(collectiviteId)}` : '/reports';
}

/** The deep link of one incident (mails and the incident detail point there). */
export function incidentPath(id: string): string {
  return `/incidents/${encodeURIComponent(id)}`;
}

/** After signing in, back to the page asked for (`?next=`), if it is one of ours; else home. */
export function nextAfterLogin(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  const name = matchRoute(next).name;
  return name === 'not-found' || name === 'wall' ? '/' : next;
}
