import { expect, it } from 'vitest';
import type { Estate } from '../../src/protocol/schemas.ts';
import { ensureDemoAccounts, ensureOwedDemoReferents, referentLogin } from './demo-accounts.ts';
import { createMemoryAccountStore } from './memory-account-store.ts';
import { verifyPassword } from './password.ts';

const estate: Estate = {
  collectivites: [
    { id: 'c-empty', insee: '1', name: 'Sans site', lat: 49, lng: 6 },
    { id: 'c-ars', insee: '57032', name: 'Ars-sur-Moselle', lat: 49, lng: 6 },
    { id: 'c-zz', insee: '57999', name: 'Œutrange Été', lat: 49, lng: 6 },
    { id: 'c-3', insee: '57001', name: 'Troisième', lat: 49, lng: 6 },
  ],
  sites: ['c-ars', 'c-zz', 'c-3'].map((c) => ({ id: `s-${c}`, collectiviteId: c, name: 'Mairie', kind: 'mairie' as const, lat: 49, lng: 6 })),
  equipment: [],
  probes: [],
};

it('makes slug logins from collectivité names', () => {
  expect(referentLogin('Ars-sur-Moselle')).toBe('referent-ars-sur-moselle');
  expect(referentLogin('Œutrange Été')).toBe('referent-utrange-ete');
});

it('creates support and two référents on an empty store only, returning working credentials', async () => {
  const store = { accounts: createMemoryAccountStore() };
  const credentials = await ensureDemoAccounts(store, estate);
  expect(credentials.map((c) => [c.login, c.role, c.collectiviteId])).toEqual([
    ['support', 'support', undefined],
    ['referent-ars-sur-moselle', 'referent', 'c-ars'],
    ['referent-utrange-ete', 'referent', 'c-zz'],
  ]);
  for (const c of credentials) expect(await verifyPassword(c.password, (await store.accounts.get(c.login))!.passwordHash)).toBe(true);
  expect(await ensureDemoAccounts(store, estate)).toEqual([]);
});

it('owes the référents a first start could not create, and creates them when their collectivités first appear', async () => {
  const store = { accounts: createMemoryAccountStore() };
  const empty: Estate = { collectivites: [], sites: [], equipment: [], probes: [] };
  // The engine was not connected yet: only support.
  expect((await ensureDemoAccounts(store, empty)).map((c) => c.login)).toEqual(['support']);
  expect(await ensureOwedDemoReferents(store, empty)).toEqual([]);
  // One collectivité with sites appears (the other has none): one référent now…
  const one: Estate = { ...estate, sites: estate.sites.filter((s) => s.collectiviteId === 'c-ars') };
  const first = await ensureOwedDemoReferents(store, one);
  expect(first.map((c) => [c.login, c.collectiviteId])).toEqual([['referent-ars-sur-moselle', 'c-ars']]);
  expect(await verifyPassword(first[0]!.password, (await store.accounts.get('referent-ars-sur-moselle'))!.passwordHash)).toBe(true);
  // …the second when more appear, never a third, never twice the same.
  expect((await ensureOwedDemoReferents(store, estate)).map((c) => c.login)).toEqual(['referent-utrange-ete']);
  expect(await ensureOwedDemoReferents(store, estate)).toEqual([]);
  expect((await store.accounts.list()).map((a) => a.login).sort()).toEqual(['referent-ars-sur-moselle', 'referent-utrange-ete', 'support']);
});

it('owes nothing after a first start that found its collectivités', async () => {
  const store = { accounts: createMemoryAccountStore() };
  await ensureDemoAccounts(store, estate);
  await store.accounts.remove('referent-utrange-ete'); // an administrator's choice stays
  expect(await ensureOwedDemoReferents(store, estate)).toEqual([]);
});
