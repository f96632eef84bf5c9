import { createContext, useContext } from 'react';
import type { Role } from '../protocol/rest.ts';
import type { Session, SessionStore, SessionUser } from './session.ts';

export interface SessionContextValue {
  store: SessionStore;
  session: Session | undefined;
  /** Ends the session on the gateway and locally, then goes to /login. */
  logout(): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export interface SessionView {
  session: Session | undefined;
  user: SessionUser | undefined;
  role: Role | undefined;
  /** Support users may acknowledge incidents and start interventions. */
  isSupport: boolean;
  logout(): void;
}

export function useSession(): SessionView {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  const user = value.session?.user;
  return { session: value.session, user, role: user?.role, isSupport: user?.role === 'support', logout: value.logout };
}

export function useSessionStore(): SessionStore {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionStore outside <SessionProvider>');
  return value.store;
}
