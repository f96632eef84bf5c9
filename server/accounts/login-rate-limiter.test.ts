import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter } from './login-rate-limiter.ts';
import { createMemoryLoginAttempts } from './memory-login-attempts.ts';

function limiter() {
  let t = 1_000_000;
  const store = createMemoryLoginAttempts();
  const l = createLoginRateLimiter(store, { windowMs: 300_000, maxFailuresPerLogin: 5, maxFailuresPerIp: 20, now: () => t });
  /** 0 when the attempt was let through (and kept as a failure), else the wait. */
  const blockedFor = async (login: string, ip: string) => {
    const r = await l.reserve(login, ip);
    return r.ok ? 0 : r.retryAfterMs;
  };
  return { l, store, blockedFor, advance: (ms: number) => (t += ms) };
}

describe('login rate limiter', () => {
  it('blocks a login after 5 failures until the oldest leaves the 5-minute window', async () => {
    const { blockedFor, advance } = limiter();
    for (let i = 0; i < 5; i++) {
      expect(await blockedFor('alice', '10.0.0.1')).toBe(0);
      advance(10_000);
    }
    // Oldest failure was 50 s ago: 250 s to wait, from any address, whatever the case of the login.
    expect(await blockedFor('Alice', '10.0.0.2')).toBe(250_000);
    advance(249_999);
    expect(await blockedFor('alice', '10.0.0.2')).toBe(1);
    advance(1);
    expect(await blockedFor('alice', '10.0.0.2')).toBe(0);
  });

  it('blocks an address spraying many logins, and a success clears only the login', async () => {
    const { l, blockedFor } = limiter();
    for (let i = 0; i < 20; i++) expect(await blockedFor(`user${i}`, '10.0.0.9')).toBe(0);
    expect(await blockedFor('someone-else', '10.0.0.9')).toBeGreaterThan(0);
    expect(await blockedFor('someone-else', '10.0.0.8')).toBe(0);
    for (let i = 0; i < 4; i++) await l.reserve('bob', '10.0.0.7');
    const good = await l.reserve('bob', '10.0.0.7');
    if (!good.ok) throw new Error('the fifth attempt is under the limit');
    await good.succeeded();
    expect(await blockedFor('bob', '10.0.0.6')).toBe(0);
    // The address keeps its 4 failures: 16 more, then it is held back.
    for (let i = 0; i < 16; i++) expect(await blockedFor(`other${i}`, '10.0.0.7')).toBe(0);
    expect(await blockedFor('other16', '10.0.0.7')).toBeGreaterThan(0);
  });

  it('counts attempts before their outcome: 50 parallel attempts on one login, 5 let through', async () => {
    const { l } = limiter();
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => l.reserve('alice', `10.1.0.${i}`)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
  });

  it('keeps memory bounded under a spray: refused attempts are not stored, stale ones are pruned', async () => {
    const { store, blockedFor, advance } = limiter();
    for (let i = 0; i < 10_000; i++) await blockedFor(`spray${i}`, `198.51.100.${i % 250}`);
    // 20 attempts kept per address (the rest were refused before being stored): 5,000 logins + 250 addresses.
    expect(store.trackedKeys()).toBe(5_250);
    advance(300_001);
    await blockedFor('late', '203.0.113.1');
    // The sprayed keys have left the window and are gone; only the fresh failure is remembered.
    expect(store.trackedKeys()).toBe(2);
    for (let i = 0; i < 4; i++) await blockedFor('late', '203.0.113.1');
    expect(await blockedFor('late', '203.0.113.2')).toBeGreaterThan(0);
  });
});
