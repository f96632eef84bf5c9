import { describe, expect, it } from 'vitest';
import { topN } from './top-n.ts';

const byValue = (a: { v: number }, b: { v: number }) => a.v - b.v;

describe('topN', () => {
  it.each([
    { name: 'fewer items than the limit', values: [3, 1, 2], limit: 5 },
    { name: 'more items than the limit', values: [9, 4, 7, 1, 8, 2, 6, 3, 5], limit: 3 },
    { name: 'already sorted', values: [1, 2, 3, 4, 5, 6], limit: 4 },
    { name: 'reverse sorted', values: [6, 5, 4, 3, 2, 1], limit: 4 },
    { name: 'ties', values: [2, 1, 2, 1, 2, 1], limit: 4 },
    { name: 'limit 0', values: [1, 2], limit: 0 },
    { name: 'empty', values: [], limit: 3 },
  ])('matches a full stable sort: $name', ({ values, limit }) => {
    const items = values.map((v, i) => ({ v, i }));
    const { top, total } = topN(items, limit, byValue);
    expect(total).toBe(values.length);
    expect(top).toEqual([...items].sort(byValue).slice(0, limit));
  });

  it('agrees with a full sort on 10,000 random items', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const items = Array.from({ length: 10_000 }, (_, i) => ({ v: Math.floor(random() * 500), i }));
    expect(topN(items, 50, byValue).top).toEqual([...items].sort(byValue).slice(0, 50));
  });
});
