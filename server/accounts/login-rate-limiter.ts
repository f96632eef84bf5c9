// Brute-force brake on login: failures are counted per login and per client IP over a sliding
// window; past the limit the caller answers 429 with Retry-After. In memory: a restart resets it,
// which is acceptable for one gateway process.
export interface RateLimitOptions {
  windowMs: number;
  maxFailuresPerLogin: number;
  maxFailuresPerIp: number;
  now(): number;
}

export const DEFAULT_RATE_LIMIT = { windowMs: 5 * 60_000, maxFailuresPerLogin: 5, maxFailuresPerIp: 20 };

export interface LoginRateLimiter {
  /** 0 when an attempt is allowed, else milliseconds until it will be. */
  retryAfterMs(login: string, ip: string): number;
  recordFailure(login: string, ip: string): void;
  /** A success clears the login's failures (not the IP's: one good password does not excuse a spray). */
  recordSuccess(login: string): void;
  /** Logins and addresses currently remembered (memory stays bounded under a spray). */
  trackedKeys(): number;
}

export function createLoginRateLimiter(options: RateLimitOptions): LoginRateLimiter {
  const failures = new Map<string, number[]>();
  /** Keys are only pruned when touched; sweep everything now and then so a spray cannot grow memory. */
  const sweep = () => {
    if (failures.size < 10_000) return;
    const since = options.now() - options.windowMs;
    for (const [key, list] of failures) if (!list.some((t) => t > since)) failures.delete(key);
  };
  const recent = (key: string): number[] => {
    const since = options.now() - options.windowMs;
    const list = (failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) failures.set(key, list);
    else failures.delete(key);
    return list;
  };
  const wait = (key: string, max: number): number => {
    const list = recent(key);
    if (list.length < max) return 0;
    // Blocked until the oldest failure that keeps us at the limit leaves the window.
    const oldest = list[list.length - max] ?? options.now();
    return Math.max(1, oldest + options.windowMs - options.now());
  };
  return {
    retryAfterMs: (login, ip) => Math.max(wait(`l:${login.toLowerCase()}`, options.maxFailuresPerLogin), wait(`i:${ip}`, options.maxFailuresPerIp)),
    recordFailure(login, ip) {
      sweep();
      for (const key of [`l:${login.toLowerCase()}`, `i:${ip}`]) failures.set(key, [...recent(key), options.now()]);
    },
    recordSuccess(login) {
      failures.delete(`l:${login.toLowerCase()}`);
    },
    trackedKeys: () => failures.size,
  };
}
