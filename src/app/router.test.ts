import { describe, expect, it } from 'vitest';
import { matchRoute } from './router.ts';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'dashboard' }],
    ['/login', { name: 'login' }],
    ['/wall?token=abc', { name: 'wall', token: 'abc' }],
    ['/wall/', { name: 'wall', token: null }],
    ['/c/c-57463', { name: 'collectivite', id: 'c-57463' }],
    ['/c/a%20b', { name: 'collectivite', id: 'a b' }],
    ['/elsewhere', { name: 'not-found' }],
  ])('%s', (href, route) => expect(matchRoute(href)).toEqual(route));
});
