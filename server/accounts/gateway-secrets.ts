// Secrets the gateway keeps in the settings table, created on first start: the key that signs
// session tokens and the kiosk token of the wall display (rotatable; rotation ends kiosk sessions).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccountStore } from '../ports.ts';

const SESSION_SECRET = 'session_secret';
const KIOSK_TOKEN = 'kiosk_token';
const KIOSK_GENERATION = 'kiosk_generation';

export async function ensureSessionSecret(accounts: AccountStore): Promise<string> {
  const existing = await accounts.getSetting(SESSION_SECRET);
  if (existing) return existing;
  const secret = randomBytes(32).toString('base64url');
  await accounts.setSetting(SESSION_SECRET, secret);
  return secret;
}

export interface KioskToken {
  token: string;
  /** Bumped on each rotation; kiosk sessions carry it and die when it moves. */
  generation: number;
}

export async function readKioskToken(accounts: AccountStore): Promise<KioskToken | undefined> {
  const token = await accounts.getSetting(KIOSK_TOKEN);
  if (!token) return undefined;
  return { token, generation: Number((await accounts.getSetting(KIOSK_GENERATION)) ?? 1) };
}

export async function rotateKioskToken(accounts: AccountStore): Promise<KioskToken> {
  const generation = ((await readKioskToken(accounts))?.generation ?? 0) + 1;
  const token = `kiosk-${randomBytes(24).toString('base64url')}`;
  await accounts.setSetting(KIOSK_TOKEN, token);
  await accounts.setSetting(KIOSK_GENERATION, String(generation));
  return { token, generation };
}

export async function ensureKioskToken(accounts: AccountStore): Promise<KioskToken> {
  return (await readKioskToken(accounts)) ?? rotateKioskToken(accounts);
}

/** Constant-time equality of two secrets of any length (compares their SHA-256). */
export function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}
