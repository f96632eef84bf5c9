// The wall display's kiosk token, kept for the tab's life so that an expired or revoked kiosk
// session is renewed without anyone touching the screen (the wall runs for weeks).
const KEY = 'vigie.kiosk-token';

export interface KioskTokenStorage {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

export function sessionKioskTokenStorage(storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | undefined = globalThis.sessionStorage): KioskTokenStorage {
  return {
    get: () => storage?.getItem(KEY) ?? null,
    set: (token) => storage?.setItem(KEY, token),
    clear: () => storage?.removeItem(KEY),
  };
}
