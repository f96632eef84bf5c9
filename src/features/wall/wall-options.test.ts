import { describe, expect, it } from 'vitest';
import { DEFAULT_STALE_AFTER_MS } from '../../live/freshness.ts';
import { DEFAULT_ROTATE_MS, parseWallOptions } from './wall-options.ts';

describe('parseWallOptions', () => {
  it.each([
    ['', { rotateMs: DEFAULT_ROTATE_MS, sound: false, staleAfterMs: DEFAULT_STALE_AFTER_MS }],
    ['?rotate=30&sound=1&stale=120', { rotateMs: 30_000, sound: true, staleAfterMs: 120_000 }],
    ['?rotate=1', { rotateMs: 5_000, sound: false, staleAfterMs: DEFAULT_STALE_AFTER_MS }],
    ['?rotate=abc&sound=0&stale=', { rotateMs: DEFAULT_ROTATE_MS, sound: false, staleAfterMs: DEFAULT_STALE_AFTER_MS }],
    ['?rotate=99999&stale=1', { rotateMs: 600_000, sound: false, staleAfterMs: 10_000 }],
  ])('%s', (search, options) => {
    expect(parseWallOptions(search)).toEqual(options);
  });
});
