// An installed Vigie opens where it was left (the manifest's start_url is "/?source=pwa"): the app
// remembers the last page of the dashboard it showed — never the login page, the wall or an
// unknown path — and a launch from the home screen goes back there.
import { matchRoute } from './router.ts';

const KEY = 'vigie.lastView';
const REMEMBERED = new Set(['dashboard', 'collectivite']);

export function rememberView(path: string, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  if (!REMEMBERED.has(matchRoute(path).name)) return;
  try {
    storage?.setItem(KEY, path);
  } catch {
    // Private mode or full storage: the app opens on its default page, nothing else changes.
  }
}

/** Where a launch should land: the remembered view for "/?source=pwa", else undefined (stay). */
export function launchView(href: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string | undefined {
  const url = new URL(href, 'http://vigie.invalid');
  if (url.pathname !== '/' || url.searchParams.get('source') !== 'pwa') return undefined;
  let saved: string | null;
  try {
    saved = storage?.getItem(KEY) ?? null;
  } catch {
    return '/';
  }
  return saved && saved.startsWith('/') && !saved.startsWith('//') && REMEMBERED.has(matchRoute(saved).name) ? saved : '/';
}
