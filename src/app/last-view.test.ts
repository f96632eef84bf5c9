import { describe, expect, it } from 'vitest';
import { launchView, rememberView } from './last-view.ts';

function memory(initial?: string) {
  const data = new Map<string, string>(initial ? [['vigie.lastView', initial]] : []);
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('last view', () => {
  it('remembers dashboard pages, not the login page, the wall or unknown paths', () => {
    const s = memory();
    rememberView('/c/c-57463', s);
    rememberView('/login', s);
    rememberView('/wall', s);
    rememberView('/nowhere', s);
    expect(s.data.get('vigie.lastView')).toBe('/c/c-57463');
  });

  it.each([
    ['/?source=pwa', '/c/c-57463', '/c/c-57463'],
    ['/?source=pwa', undefined, '/'],
    ['/?source=pwa', '//evil.example/c/x', '/'],
    ['/?source=pwa', '/wall', '/'],
    ['/', '/c/c-57463', undefined],
    ['/c/other?source=pwa', '/c/c-57463', undefined],
  ])('a launch at %s with %s remembered lands on %s', (href, saved, want) => {
    expect(launchView(href, memory(saved))).toBe(want);
  });

  it('opens normally when storage is refused', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(() => rememberView('/', broken)).not.toThrow();
    expect(launchView('/?source=pwa', broken)).toBe('/');
  });
});
