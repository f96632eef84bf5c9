import { describe, expect, test } from 'vitest';
import { DEFAULT_DEMO_SETTINGS, demoSettings } from './demo-settings.ts';

describe('demo settings from the URL', () => {
  test.each([
    ['', DEFAULT_DEMO_SETTINGS],
    ['?scenario=storm&speed=120&seed=7&as=referent', { scenario: 'storm', speed: 120, seed: 7, as: 'referent' }],
    ['?scenario=tornado&speed=100000&seed=-1', DEFAULT_DEMO_SETTINGS],
    ['?speed=abc&as=none', { ...DEFAULT_DEMO_SETTINGS, as: 'none' }],
  ])('%s', (search, expected) => {
    expect(demoSettings(search)).toEqual(expected);
  });
});
