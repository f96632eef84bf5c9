import { describe, expect, it } from 'vitest';
import { formatAvailability, formatMinutes, formatShare } from './sla-format.ts';

// Intl puts a narrow no-break space before % in French; compare on plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('sla formats', () => {
  it('never rounds a miss up to the target', () => {
    expect(plain(formatAvailability('fr', 0.95999))).toBe('95,99 %');
    expect(plain(formatAvailability('en', 0.9876))).toBe('98.76%');
    expect(plain(formatAvailability('fr', 1))).toBe('100 %');
  });

  it('writes shares without decimals', () => {
    expect(plain(formatShare('fr', 0.96))).toBe('96 %');
  });

  it.each([
    [0, '0 min'],
    [45, '45 min'],
    [725, '12 h 05 min'],
    [-90, '1 h 30 min'],
  ])('%d minutes → %s', (min, text) => {
    expect(formatMinutes(min)).toBe(text);
  });
});
