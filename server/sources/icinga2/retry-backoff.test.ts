import { describe, expect, it } from 'vitest';
import { createRetryBackoff } from './retry-backoff.ts';

describe('createRetryBackoff', () => {
  it('doubles each wait up to the cap, and starts again after a reset', () => {
    const backoff = createRetryBackoff(500, 4_000);
    expect(Array.from({ length: 6 }, () => backoff.next())).toEqual([500, 1_000, 2_000, 4_000, 4_000, 4_000]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });
});
