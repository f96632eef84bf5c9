import { describe, expect, test } from 'vitest';
import { unitsBalance, unitsForAction } from './managed-it.ts';

const MIN = 60_000;

describe('one unit per started 15 minutes of action', () => {
  test.each([
    [0, 0],
    [1_000, 1],
    [15 * MIN - 1, 1],
    [15 * MIN, 1],
    [15 * MIN + 1, 2],
    [30 * MIN, 2],
    [95 * MIN, 7],
  ])('%i ms → %i units', (ms, units) => {
    expect(unitsForAction(ms)).toBe(units);
  });

  test.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY]])('%d ms is a programming error', (ms) => {
    expect(() => unitsForAction(ms)).toThrow(RangeError);
  });
});

describe('units balance', () => {
  const mins = (...durations: number[]) => durations.map((m) => ({ durationMs: m * MIN }));

  test.each([
    ['nothing done yet', 10, mins(), { used: 0, left: 10, overrun: 0, exhausted: false }],
    ['counted per action, not pooled', 10, mins(20, 10), { used: 3, left: 7, overrun: 0, exhausted: false }],
    ['used up exactly', 4, mins(60), { used: 4, left: 0, overrun: 0, exhausted: true }],
    ['overrun', 4, mins(60, 1), { used: 5, left: 0, overrun: 1, exhausted: true }],
    ['none bought', 0, mins(), { used: 0, left: 0, overrun: 0, exhausted: true }],
  ])('%s', (_name, bought, actions, expected) => {
    expect(unitsBalance(bought, actions)).toEqual(expected);
  });

  test('a fractional number of units bought is refused', () => {
    expect(() => unitsBalance(2.5, [])).toThrow(RangeError);
  });
});
