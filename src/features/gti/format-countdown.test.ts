import { describe, expect, it } from 'vitest';
import { formatCountdown } from './format-countdown.ts';

describe('formatCountdown', () => {
  it.each([
    [0, '0:00:00'],
    [999, '0:00:00'],
    [8 * 3_600_000, '8:00:00'],
    [3_600_000 + 2 * 60_000 + 5_000, '1:02:05'],
    [-(90 * 60_000), '1:30:00'],
    [30 * 3_600_000, '30:00:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});
