import { createContext, useContext, type ReactNode } from 'react';
import type { LiveStore } from './live-store.ts';

const LiveStoreContext = createContext<LiveStore | null>(null);

export function LiveStoreProvider({ store, children }: { store: LiveStore; children: ReactNode }) {
  return <LiveStoreContext value={store}>{children}</LiveStoreContext>;
}

export function useLiveStoreInstance(): LiveStore {
  const store = useContext(LiveStoreContext);
  if (!store) throw new Error('useLiveStoreInstance outside <LiveStoreProvider>');
  return store;
}
