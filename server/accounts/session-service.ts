// Logins and session checks. Tokens are signed and short-lived; every check also compares the
// token's account version with the account's current one (cached a few seconds), so revoke,
// password change or a new collectivité end sessions. Changes made by another process (the CLI)
// are found by `checkRevocations`, a cheap poll over logins with live sessions. Logouts and login
// attempts are kept in storage, so a restart revives no logged-out token and resets no counter.
import { randomBytes } from 'node:crypto';
import type { AccountRow, AccountStore, Principal } from '../ports.ts';
import type { Role } from '../../src/protocol/rest.ts';
import type { AuthService, LoginResult, Session } from './auth-service.ts';
import { ensureSessionSecret, readKioskToken, sameSecret } from './gateway-secrets.ts';
import { createLoginRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions } from './login-rate-limiter.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { readToken, signToken, type TokenPayload } from './session-token.ts';

export const KIOSK_LOGIN = 'kiosk';

export interface SessionOptions {
  accounts: AccountStore;
  now(): number;
  /** Session lifetime; 12 h covers a working day. */
  ttlMs?: number;
  /** How long an account's version is trusted without re-reading it. */
  accountCacheMs?: number;
  rateLimit?: Partial<Omit<RateLimitOptions, 'now'>>;
}

/** What a token must still match: the account (or kiosk) as last read from storage. */
interface Standing {
  version: number;
  role: Role;
  collectiviteId?: string;
  disabled: boolean;
  readAt: number;
}

const standingOf = (a: AccountRow, readAt: number): Standing => ({
  version: a.version,
  role: a.role,
  disabled: a.disabled,
  readAt,
  ...(a.collectiviteId !== undefined && { collectiviteId: a.collectiviteId }),
});

const sameStanding = (a: Standing | undefined, b: Standing | undefined) =>
  a !== undefined && b !== undefined && a.version === b.version && a.disabled === b.disabled && a.role === b.role && a.collectiviteId === b.collectiviteId;

export async function createSessionService(options: SessionOptions): Promise<AuthService> {
  const { accounts, now, ttlMs = 12 * 3_600_000, accountCacheMs = 5_000 } = options;
  const secret = await ensureSessionSecret(accounts);
  const limiter = createLoginRateLimiter(accounts, { ...DEFAULT_RATE_LIMIT, ...options.rateLimit, now });
  const standings = new Map<string, Standing>();
  /** login → latest expiry of a token seen valid: the logins worth polling. */
  const live = new Map<string, number>();
  /** What the revocation poll last saw per live login; kept apart from the verify cache on purpose. */
  const seen = new Map<string, Standing | undefined>();
  /** Logged-out token ids → expiry: read once from storage, then written through. */
  const denied = await accounts.deniedSessions(now());
  const listeners = new Set<(login: string, token?: string) => void>();
  // Unknown logins still pay for one scrypt, so response time does not reveal which logins exist.
  const decoyHash = hashPassword(randomBytes(16).toString('hex'));

  async function readStanding(login: string): Promise<Standing | undefined> {
    if (login === KIOSK_LOGIN) {
      const kiosk = await readKioskToken(accounts);
      return kiosk && { version: kiosk.generation, role: 'kiosk', disabled: false, readAt: now() };
    }
    const account = await accounts.get(login);
    return account && standingOf(account, now());
  }

  async function currentStanding(login: string): Promise<Standing | undefined> {
    const cached = standings.get(login);
    if (cached && now() - cached.readAt < accountCacheMs) return cached;
    const fresh = await readStanding(login);
    if (fresh) standings.set(login, fresh);
    else standings.delete(login);
    return fresh;
  }

  function issue(user: Session['user'], version: number): Session {
    const expiresAt = now() + ttlMs;
    const payload: TokenPayload = { l: user.login, r: user.role, v: version, e: expiresAt, n: randomBytes(9).toString('base64url') };
    if (user.collectiviteId !== undefined) payload.c = user.collectiviteId;
    return { token: signToken(payload, secret), expiresAt, user };
  }

  function emit(login: string, token?: string) {
    for (const listener of listeners) listener(login, token);
  }

  const rateLimited = (retryAfterMs: number): LoginResult => ({ ok: false, reason: 'rate-limited', retryAfterMs });
  // A refused attempt keeps the place it reserved in the rate limiter: that is the counted failure.
  const refused: LoginResult = { ok: false, reason: 'invalid' };

  const service: AuthService = {
    async login(login, password, ip) {
      // Counted before the password check, so parallel guesses cannot all pass under the limit.
      const attempt = await limiter.reserve(login, ip);
      if (!attempt.ok) return rateLimited(attempt.retryAfterMs);
      const account = login === KIOSK_LOGIN ? undefined : await accounts.get(login);
      if (!account) {
        await verifyPassword(password, await decoyHash);
        return refused;
      }
      if (!(await verifyPassword(password, account.passwordHash)) || account.disabled) return refused;
      await attempt.succeeded();
      // Re-read before writing lastLoginAt so a concurrent revoke is not overwritten.
      const fresh = (await accounts.get(login)) ?? account;
      await accounts.upsert({ ...fresh, lastLoginAt: now() });
      const user: Session['user'] = { login: fresh.login, role: fresh.role };
      if (fresh.collectiviteId !== undefined && fresh.role === 'referent') user.collectiviteId = fresh.collectiviteId;
      if (fresh.displayName !== undefined) user.displayName = fresh.displayName;
      return { ok: true, session: issue(user, fresh.version) };
    },

    async kioskLogin(token, ip) {
      // The kiosk token cannot be guessed (192 random bits): limit per address only, so bad
      // attempts from elsewhere cannot lock the wall display out.
      const attempt = await limiter.reserve(`${KIOSK_LOGIN}@${ip}`, ip);
      if (!attempt.ok) return rateLimited(attempt.retryAfterMs);
      const kiosk = await readKioskToken(accounts);
      if (!kiosk || !sameSecret(token, kiosk.token)) return refused;
      await attempt.succeeded();
      return { ok: true, session: issue({ login: KIOSK_LOGIN, role: 'kiosk', displayName: 'Mur d’écrans' }, kiosk.generation) };
    },

    async logout(token) {
      const payload = readToken(token, secret);
      if (!payload || payload.e <= now()) return;
      // Stored first: if storage fails the caller gets an error and the token still works, rather than a logout a restart undoes.
      await accounts.denySession(payload.n, payload.e);
      denied.set(payload.n, payload.e);
      emit(payload.l, token);
    },

    async verify(token) {
      const payload = readToken(token, secret);
      const t = now();
      if (!payload || payload.e <= t || denied.has(payload.n)) return undefined;
      const standing = await currentStanding(payload.l);
      if (!standing || standing.disabled || standing.version !== payload.v || standing.role !== payload.r) return undefined;
      if (payload.r === 'referent' && standing.collectiviteId !== payload.c) return undefined;
      live.set(payload.l, Math.max(live.get(payload.l) ?? 0, payload.e));
      if (seen.get(payload.l) === undefined) seen.set(payload.l, standing);
      const principal: Principal = { login: payload.l, role: payload.r };
      if (payload.r === 'referent' && payload.c !== undefined) principal.collectiviteId = payload.c;
      return principal;
    },

    onRevoked(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    accountChanged(login) {
      standings.delete(login);
      seen.delete(login);
      emit(login);
    },

    async checkRevocations() {
      const t = now();
      let expired = false;
      for (const [n, e] of denied) if (e <= t) expired = denied.delete(n);
      if (expired) await accounts.deniedSessions(t); // deletes the expired rows too
      const revoked: string[] = [];
      for (const [login, expiry] of live) {
        if (expiry <= t) {
          live.delete(login);
          seen.delete(login);
          continue;
        }
        const known = seen.get(login);
        const fresh = await readStanding(login);
        seen.set(login, fresh);
        // Nothing known yet (just announced in-process): remember, do not cut twice.
        if (known === undefined && fresh !== undefined) continue;
        if (!sameStanding(known, fresh)) {
          revoked.push(login);
          standings.delete(login);
          if (!fresh || fresh.disabled) {
            live.delete(login);
            seen.delete(login);
          }
        }
      }
      for (const login of revoked) emit(login);
      return revoked;
    },

    watchRevocations(intervalMs) {
      let running = false;
      const timer = setInterval(() => {
        if (running) return;
        running = true;
        service
          .checkRevocations()
          .catch((error: unknown) => console.error('sessions: revocation check failed:', (error as Error).message))
          .finally(() => (running = false));
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
  return service;
}
