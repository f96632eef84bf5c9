import { describe, expect, it } from 'vitest';
import { createLoginRateLimiter } from './login-rate-limiter.ts';

function limiter() {
  let t = 1_000_000;
  const l = createLoginRateLimiter({ windowMs: 300_000, maxFailuresPerLogin: 5, maxFailuresPerIp: 20, now: () => t });
  return { l, advance: (ms: number) => (t += ms) };
}

describe('login rate limiter', () => {
  it('blocks a login after 5 failures until the oldest leaves the 5-minute window', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < 5; i++) {
      expect(l.retryAfterMs('alice', '10.0.0.1')).toBe(0);
      l.recordFailure('alice', '10.0.0.1');
      advance(10_000);
    }
    // Oldest failure was 50 s ago: 250 s to wait, from any address, whatever the case of the login.
    expect(l.retryAfterMs('Alice', '10.0.0.2')).toBe(250_000);
    advance(249_999);
    expect(l.retryAfterMs('alice', '10.0.0.2')).toBe(1);
    advance(1);
    expect(l.retryAfterMs('alice', '10.0.0.2')).toBe(0);
  });

  it('blocks an address spraying many logins, and a success clears only the login', () => {
    const { l } = limiter();
    for (let i = 0; i < 20; i++) l.recordFailure(`user${i}`, '10.0.0.9');
    expect(l.retryAfterMs('someone-else', '10.0.0.9')).toBeGreaterThan(0);
    expect(l.retryAfterMs('someone-else', '10.0.0.8')).toBe(0);
    for (let i = 0; i < 5; i++) l.recordFailure('bob', '10.0.0.7');
    l.recordSuccess('bob');
    expect(l.retryAfterMs('bob', '10.0.0.6')).toBe(0);
  });

  it('sweeps stale keys once many logins were sprayed', () => {
    const { l, advance } = limiter();
    for (let i = 0; i < 10_000; i++) l.recordFailure(`spray${i}`, `198.51.100.${i % 250}`);
    expect(l.trackedKeys()).toBe(10_250);
    advance(300_001);
    l.recordFailure('late', '203.0.113.1');
    // The sprayed keys have left the window and are gone; only the fresh failure is remembered.
    expect(l.trackedKeys()).toBe(2);
    for (let i = 0; i < 4; i++) l.recordFailure('late', '203.0.113.1');
    expect(l.retryAfterMs('late', '203.0.113.2')).toBeGreaterThan(0);
  });
});
