// First start on an empty database: a support account and a référent for two collectivités, with
// random passwords returned once so the entry point can print them. Never touches existing accounts.
// A first start that saw too few collectivités (an engine not connected yet) records how many
// référents it still owes; they are created when their collectivités first appear.
import type { Storage } from '../ports.ts';
import type { Estate } from '../../src/protocol/schemas.ts';
import { hashPassword, randomPassword } from './password.ts';

export interface DemoCredential {
  login: string;
  password: string;
  role: 'support' | 'referent';
  collectiviteId?: string;
  collectiviteName?: string;
}

/** A login from a collectivité name: 'Ars-sur-Moselle' → 'referent-ars-sur-moselle'. */
export function referentLogin(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
  return `referent-${slug || 'collectivite'}`;
}

/** Settings key: how many demo référents the first start could not create yet. */
export const DEMO_REFERENTS_OWED = 'demo_referents_owed';

const collectivitesWithSites = (estate: Estate) => {
  const withSites = new Set(estate.sites.map((s) => s.collectiviteId));
  return estate.collectivites.filter((c) => withSites.has(c.id));
};

function referentCredential(c: Estate['collectivites'][number], generatePassword: (login: string) => string): DemoCredential {
  const login = referentLogin(c.name);
  return { login, password: generatePassword(login), role: 'referent', collectiviteId: c.id, collectiviteName: c.name };
}

async function store(storage: Pick<Storage, 'accounts'>, credentials: DemoCredential[]): Promise<void> {
  for (const credential of credentials) {
    await storage.accounts.upsert({
      login: credential.login,
      role: credential.role,
      ...(credential.collectiviteId !== undefined && { collectiviteId: credential.collectiviteId }),
      displayName: credential.role === 'support' ? 'Cellule support (démo)' : `Référent ${credential.collectiviteName} (démo)`,
      passwordHash: await hashPassword(credential.password),
      disabled: false,
      version: 1,
    });
  }
}

/**
 * The demo référents a first start owed (its estate had too few collectivités), for the
 * collectivités now present that have no référent yet; never an existing login. Returns the new
 * credentials (empty when nothing is owed or nothing new appeared).
 */
export async function ensureOwedDemoReferents(
  storage: Pick<Storage, 'accounts'>,
  estate: Estate,
  options: { generatePassword?: (login: string) => string } = {},
): Promise<DemoCredential[]> {
  const { generatePassword = () => randomPassword() } = options;
  const owed = Number((await storage.accounts.getSetting(DEMO_REFERENTS_OWED)) ?? 0);
  if (!(owed > 0)) return [];
  const accounts = await storage.accounts.list();
  const covered = new Set(accounts.filter((a) => a.role === 'referent').map((a) => a.collectiviteId));
  const logins = new Set(accounts.map((a) => a.login));
  const fresh = collectivitesWithSites(estate).filter((c) => !covered.has(c.id) && !logins.has(referentLogin(c.name)));
  const credentials = fresh.slice(0, owed).map((c) => referentCredential(c, generatePassword));
  if (!credentials.length) return [];
  await store(storage, credentials);
  await storage.accounts.setSetting(DEMO_REFERENTS_OWED, String(owed - credentials.length));
  return credentials;
}

export async function ensureDemoAccounts(
  storage: Pick<Storage, 'accounts'>,
  estate: Estate,
  options: { referents?: number; generatePassword?: (login: string) => string } = {},
): Promise<DemoCredential[]> {
  const { referents = 2, generatePassword = () => randomPassword() } = options;
  if ((await storage.accounts.list()).length > 0) return [];
  const credentials: DemoCredential[] = [{ login: 'support', password: generatePassword('support'), role: 'support' }];
  for (const c of collectivitesWithSites(estate).slice(0, referents)) credentials.push(referentCredential(c, generatePassword));
  await store(storage, credentials);
  const owed = referents - (credentials.length - 1);
  if (owed > 0) await storage.accounts.setSetting(DEMO_REFERENTS_OWED, String(owed));
  return credentials;
}
