import { useSyncExternalStore, type ReactNode } from 'react';
import type { SessionStore } from './session.ts';
import { SessionContext } from './use-session.ts';

export function SessionProvider({ store, onLogout, children }: { store: SessionStore; onLogout: () => void; children: ReactNode }) {
  const session = useSyncExternalStore(
    (l) => store.subscribe(l),
    () => store.get(),
  );
  return <SessionContext value={{ store, session, logout: onLogout }}>{children}</SessionContext>;
}
