import { describe, expect, it } from 'vitest';
import type { Estate } from '../../src/protocol/schemas.ts';
import { createReportCache } from './report-cache.ts';

const estate = (): Estate => ({ collectivites: [], sites: [], equipment: [], probes: [] });

describe('report cache', () => {
  it('keeps final figures, recomputes running ones, and forgets all on a new estate', async () => {
    const cache = createReportCache();
    const e1 = estate();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await cache.get(e1, 'c1|jan', true, compute)).toBe(1);
    expect(await cache.get(e1, 'c1|jan', true, compute)).toBe(1);
    expect(await cache.get(e1, 'c1|now', false, compute)).toBe(2);
    expect(await cache.get(e1, 'c1|now', false, compute)).toBe(3);
    expect(await cache.get(estate(), 'c1|jan', true, compute)).toBe(4);
  });

  it('shares one computation between concurrent requests and does not keep failures', async () => {
    const cache = createReportCache();
    const e = estate();
    let calls = 0;
    let release!: (n: number) => void;
    const slow = () => new Promise<number>((resolve) => ((release = resolve), calls++));
    const a = cache.get(e, 'k', false, slow);
    const b = cache.get(e, 'k', false, slow);
    release(7);
    expect([await a, await b, calls]).toEqual([7, 7, 1]);
    await expect(cache.get(e, 'bad', true, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get(e, 'bad', true, async () => 1)).toBe(1);
  });

  it('serves a running figure again until its short TTL runs out', async () => {
    let now = 0;
    const cache = createReportCache(200, { ttlMs: 30_000, clock: () => now });
    const e = estate();
    let n = 0;
    const compute = async () => ++n;
    expect(await cache.get(e, 'c1|now', false, compute)).toBe(1);
    now = 29_999;
    expect(await cache.get(e, 'c1|now', false, compute)).toBe(1);
    now = 30_000;
    expect(await cache.get(e, 'c1|now', false, compute)).toBe(2);
    expect(await cache.get(estate(), 'c1|now', false, compute)).toBe(3); // a new estate forgets it
  });

  it('evicts the least recently used final entry', async () => {
    const cache = createReportCache(2);
    const e = estate();
    let n = 0;
    const compute = async () => ++n;
    await cache.get(e, 'a', true, compute);
    await cache.get(e, 'b', true, compute);
    await cache.get(e, 'a', true, compute); // a is now the most recent
    await cache.get(e, 'c', true, compute); // evicts b
    expect(await cache.get(e, 'a', true, compute)).toBe(1);
    expect(await cache.get(e, 'b', true, compute)).toBe(4);
  });
});
