// Brute-force brake on login, counted before the password is checked: each attempt first reserves
// a place per login and per client IP in a sliding window, atomically in storage, so parallel
// requests cannot all slip under the limit and a restart forgets nothing. A failure keeps its
// place; a success gives it back and clears the login's failures. Past the limit the caller
// answers 429 with Retry-After.
import type { LoginAttemptStore } from '../ports.ts';

export interface RateLimitOptions {
  windowMs: number;
  maxFailuresPerLogin: number;
  maxFailuresPerIp: number;
  now(): number;
}

export const DEFAULT_RATE_LIMIT = { windowMs: 5 * 60_000, maxFailuresPerLogin: 5, maxFailuresPerIp: 20 };

export type Reservation =
  | { ok: true; /** The password was right: give the place back and clear the login's failures (not the address's). */ succeeded(): Promise<void> }
  | { ok: false; retryAfterMs: number };

export interface LoginRateLimiter {
  /** Count this attempt now, before the password check; refused with the wait when the login or the address is at its limit. */
  reserve(login: string, ip: string): Promise<Reservation>;
}

export function createLoginRateLimiter(store: LoginAttemptStore, options: RateLimitOptions): LoginRateLimiter {
  const { windowMs, maxFailuresPerLogin, maxFailuresPerIp } = options;
  let prunedAt = -Infinity;
  /** 0 under the limit, else the time until the attempt that keeps the key at its limit leaves the window. */
  const wait = (times: number[], max: number, now: number): number => {
    if (times.length < max) return 0;
    return Math.max(1, (times[times.length - max] ?? now) + windowMs - now);
  };
  return {
    async reserve(login, ip) {
      const now = options.now();
      // Attempts are only read within the window; forgetting older ones now and then keeps storage bounded under a spray.
      if (now - prunedAt >= windowMs) {
        prunedAt = now;
        await store.pruneAttempts(now - windowMs);
      }
      const loginKey = `l:${login.toLowerCase()}`;
      let retryAfterMs = 0;
      const id = await store.reserveAttempt([loginKey, `i:${ip}`], now - windowMs, now, ([forLogin = [], forIp = []]) => {
        retryAfterMs = Math.max(wait(forLogin, maxFailuresPerLogin, now), wait(forIp, maxFailuresPerIp, now));
        return retryAfterMs === 0;
      });
      if (id === undefined) return { ok: false, retryAfterMs: Math.max(1, retryAfterMs) };
      return {
        ok: true,
        async succeeded() {
          await store.releaseAttempt(id);
          await store.clearAttempts(loginKey);
        },
      };
    },
  };
}
