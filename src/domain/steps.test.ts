import { describe, expect, it } from 'vitest';
import { complete, sortInSteps, type Steps } from './steps.ts';

function* sum(values: number[]): Steps<number> {
  let total = 0;
  for (const v of values) {
    total += v;
    yield;
  }
  return total;
}

describe('complete', () => {
  it('runs every step and returns the result', () => {
    expect(complete(sum([1, 2, 3]))).toBe(6);
    expect(complete(sum([]))).toBe(0);
  });
});

describe('sortInSteps', () => {
  it('sorts as Array.prototype.sort does, stable, over many steps', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (const length of [0, 1, 5, 511, 512, 513, 3000, 7152]) {
      const items = Array.from({ length }, (_, position) => ({ key: Math.floor(random() * 50), position }));
      const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
      const expected = [...items].sort(byKey);
      const steps = sortInSteps(items, byKey, 64);
      let yields = 0;
      let next = steps.next();
      for (; !next.done; next = steps.next()) yields += 1;
      expect(next.value).toEqual(expected); // same keys and, within a key, the same positions
      if (length > 2000) expect(yields).toBeGreaterThan(length / 1024);
    }
  });
});
