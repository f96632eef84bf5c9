// A page that stays open for weeks (the wall) outlives gateway upgrades. When the gateway answers
// that it speaks another protocol version, the page reloads to get the SPA that matches — once: if
// it is still refused within a few minutes, it stays put (the data-age banner shows it is stale)
// rather than reloading in a loop.
const KEY = 'vigie.reloadedForUpgradeAt';
export const RELOAD_GUARD_MS = 5 * 60_000;

export interface ReloadDeps {
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  now: number;
  reload: () => void;
}

/** Reload unless this tab already did so for the same reason within RELOAD_GUARD_MS; true if it reloads. */
export function reloadForUpgrade(deps: ReloadDeps = { storage: sessionStorage, now: Date.now(), reload: () => window.location.reload() }): boolean {
  const last = Number(deps.storage.getItem(KEY) ?? 0);
  if (deps.now - last < RELOAD_GUARD_MS) {
    console.warn('live: the gateway speaks another protocol version and a reload did not help; staying on this page');
    return false;
  }
  deps.storage.setItem(KEY, String(deps.now));
  deps.reload();
  return true;
}
