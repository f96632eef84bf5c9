import { describe, expect, it } from 'vitest';
import { createPrng, deriveSeed } from './prng.ts';

const draws = (seed: number, n = 20) => {
  const prng = createPrng(seed);
  return Array.from({ length: n }, () => prng.next());
};

describe('createPrng', () => {
  it('replays the same sequence for the same seed, another for another seed', () => {
    expect(draws(42)).toEqual(draws(42));
    expect(draws(42)).not.toEqual(draws(43));
  });

  it.each([
    [0, 0],
    [-3, 3],
    [1, 6],
  ])('int(%i, %i) stays within its bounds and reaches both', (lo, hi) => {
    const prng = createPrng(7);
    const seen = new Set(Array.from({ length: 500 }, () => prng.int(lo, hi)));
    expect(Math.min(...seen)).toBe(lo);
    expect(Math.max(...seen)).toBe(hi);
  });

  it('draws exponential waits with about the requested mean', () => {
    const prng = createPrng(1);
    const n = 20_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += prng.exponential(10);
    expect(sum / n).toBeGreaterThan(9.5);
    expect(sum / n).toBeLessThan(10.5);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createPrng(1).pick([])).toThrow(RangeError);
  });
});

describe('deriveSeed', () => {
  it('gives independent streams per label and per seed', () => {
    const seeds = new Set([deriveSeed(1, 'estate'), deriveSeed(1, 'simulation'), deriveSeed(2, 'estate')]);
    expect(seeds.size).toBe(3);
    expect(deriveSeed(1, 'estate')).toBe(deriveSeed(1, 'estate'));
  });
});
