// One live store per session token: a new sign-in (or a renewed kiosk session) starts a fresh
// stream, and signing out stops it.
import { useEffect, useMemo, type ReactNode } from 'react';
import { useSessionStore } from '../api/use-session.ts';
import { animationFrames, type FrameScheduler } from '../live/frame-scheduler.ts';
import { LiveStoreProvider } from '../live/live-context.tsx';
import { LiveStore } from '../live/live-store.ts';
import { browserTasks, type SliceTasks } from '../live/slices.ts';
import type { LiveTransport } from '../live/transport.ts';
import { reloadForUpgrade } from './reload-for-upgrade.ts';

export interface LiveSessionProps {
  token: string;
  createTransport(token: string): LiveTransport;
  /** Paces the panels' updates: one per animation frame however many batches arrive (default). */
  frames?: FrameScheduler;
  /** Where long messages are read in slices (default: the browser's task queue). */
  slices?: SliceTasks;
  children: ReactNode;
}

export function LiveSession({ token, createTransport, frames = animationFrames, slices = browserTasks, children }: LiveSessionProps) {
  const sessions = useSessionStore();
  // Building the store has no side effect; the connection opens in the effect below.
  const store = useMemo(
    () =>
      new LiveStore({
        transport: createTransport(token),
        onUnauthorized: () => sessions.clear(),
        onContractError: (event, error) => console.warn(`live: invalid ${event} message`, error.message),
        onIncompatibleProtocol: () => void reloadForUpgrade(),
        frames,
        slices,
      }),
    [token, createTransport, sessions, frames, slices],
  );
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);
  return <LiveStoreProvider store={store}>{children}</LiveStoreProvider>;
}
