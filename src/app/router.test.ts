import { describe, expect, it } from 'vitest';
import { matchRoute, nextAfterLogin } from './router.ts';

describe('matchRoute', () => {
  it.each([
    ['/', { name: 'dashboard' }],
    ['/login', { name: 'login' }],
    ['/wall?token=abc', { name: 'wall', token: 'abc' }],
    ['/wall/', { name: 'wall', token: null }],
    ['/c/c-57463', { name: 'collectivite', id: 'c-57463' }],
    ['/c/a%20b', { name: 'collectivite', id: 'a b' }],
    ['/incidents/c-57463-s1-e1-p1%401772442000000', { name: 'incident', id: 'c-57463-s1-e1-p1@1772442000000' }],
    ['/incidents/', { name: 'not-found' }],
    ['/elsewhere', { name: 'not-found' }],
  ])('%s', (href, route) => expect(matchRoute(href)).toEqual(route));
});

describe('nextAfterLogin', () => {
  it.each([
    ['?next=%2Fincidents%2Fi%401', '/incidents/i@1'],
    ['?next=%2Fc%2Fc-57463', '/c/c-57463'],
    ['', '/'],
    ['?next=https%3A%2F%2Fevil.example%2F', '/'],
    ['?next=%2F%2Fevil.example%2Fincidents%2Fx', '/'],
    ['?next=%2Flogin%3Fnext%3D%2F', '/'],
    ['?next=%2Fwall', '/'],
    ['?next=%2Fnowhere', '/'],
  ])('%s → %s', (search, to) => expect(nextAfterLogin(search)).toBe(to));
});
