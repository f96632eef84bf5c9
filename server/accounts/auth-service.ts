// What a login service promises the REST routes and the live stream: sessions opened by password or
// kiosk token, checked on every request, ended by logout or revocation. Types only, no runtime: the
// gateway's implementation (session-service.ts: scrypt, signed tokens) needs Node, the offline
// demo's (mocks/msw/demo-sessions.ts) runs in a browser tab, and the route table serves both.
import type { Role } from '../../src/protocol/rest.ts';
import type { SessionService } from '../ports.ts';

export interface Session {
  token: string;
  expiresAt: number;
  user: { login: string; role: Role; collectiviteId?: string; displayName?: string };
}

export type LoginResult = { ok: true; session: Session } | { ok: false; reason: 'invalid' } | { ok: false; reason: 'rate-limited'; retryAfterMs: number };

export interface AuthService extends SessionService {
  login(login: string, password: string, ip: string): Promise<LoginResult>;
  kioskLogin(token: string, ip: string): Promise<LoginResult>;
  /** Deny this one token until it expires (stored before returning), and cut its live sockets. */
  logout(token: string): Promise<void>;
  /** This process changed `login` (or rotated the kiosk token): forget the cache, cut live sessions. */
  accountChanged(login: string): void;
  /** Compare logins with live sessions against storage; returns and announces the revoked ones. */
  checkRevocations(): Promise<string[]>;
  /** Run checkRevocations every `intervalMs`; returns the stop function. */
  watchRevocations(intervalMs: number): () => void;
}
