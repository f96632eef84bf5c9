import { describe, expect, it } from 'vitest';
import { formatAge, formatDuration, formatTime } from './format.ts';

describe('format', () => {
  it.each([
    [45_000, '45 s'],
    [12 * 60_000, '12 min'],
    [3 * 3600_000 + 5 * 60_000, '3 h 05'],
    [2 * 86_400_000 + 4 * 3600_000, '2 j 4 h'],
    [-90 * 60_000, '−1 h 30'],
  ])('formatDuration(%i) = %s', (ms, text) => expect(formatDuration('fr', ms)).toBe(text));

  it('speaks English too', () => {
    expect(formatAge('en', 12_000)).toBe('12 s ago');
    expect(formatAge('fr', 12_000)).toBe('il y a 12 s');
  });

  it('shows Paris time', () => {
    expect(formatTime('fr', Date.UTC(2026, 0, 5, 8, 30))).toBe('09:30');
  });
});
