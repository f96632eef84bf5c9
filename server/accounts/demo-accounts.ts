// First start on an empty database: a support account and a référent for two collectivités, with
// random passwords returned once so the entry point can print them. Never touches existing accounts.
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

export async function ensureDemoAccounts(
  storage: Pick<Storage, 'accounts'>,
  estate: Estate,
  options: { referents?: number; generatePassword?: (login: string) => string } = {},
): Promise<DemoCredential[]> {
  const { referents = 2, generatePassword = () => randomPassword() } = options;
  if ((await storage.accounts.list()).length > 0) return [];
  const credentials: DemoCredential[] = [{ login: 'support', password: generatePassword('support'), role: 'support' }];
  const withSites = new Set(estate.sites.map((s) => s.collectiviteId));
  for (const c of estate.collectivites.filter((c) => withSites.has(c.id)).slice(0, referents)) {
    const login = referentLogin(c.name);
    credentials.push({ login, password: generatePassword(login), role: 'referent', collectiviteId: c.id, collectiviteName: c.name });
  }
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
  return credentials;
}
