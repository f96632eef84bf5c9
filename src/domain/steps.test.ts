import { describe, expect, it } from 'vitest';
import { complete, type Steps } from './steps.ts';

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
