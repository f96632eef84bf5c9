// What the dashboard e2e tests need on top of gateway-process.ts: the demo accounts printed once in
// the start banner, signing in through the real login page, and the gateway's test hooks
// (VIGIE_TEST_HOOKS=1, docs/configuration.md) to force a probe change now.
import type { Page } from 'playwright-core';
import { sendTestHook } from '../server/test-hooks/test-hooks.ts';
import type { Gateway } from './gateway-process.ts';

export interface DemoAccount {
  login: string;
  password: string;
  role: 'support' | 'referent';
  /** The référent's collectivité, by name as printed in the banner. */
  collectiviteName?: string;
}

const ACCOUNT_LINE = /^ {4}(\S+)\s+(\S+)\s{3}(support|referent)(?: — (.+))?$/gm;

export function parseDemoAccounts(banner: string): DemoAccount[] {
  return [...banner.matchAll(ACCOUNT_LINE)].map(([, login, password, role, collectiviteName]) => ({
    login: login!,
    password: password!,
    role: role as DemoAccount['role'],
    ...(collectiviteName && { collectiviteName: collectiviteName.trim() }),
  }));
}

/** The demo accounts of a fresh data folder (support + two référents), waiting for the whole banner. */
export async function demoAccounts(gateway: Gateway, timeoutMs = 10_000): Promise<DemoAccount[]> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const accounts = parseDemoAccounts(gateway.output());
    if (accounts.filter((a) => a.role === 'referent').length >= 2 && accounts.some((a) => a.role === 'support')) return accounts;
    if (Date.now() > until) throw new Error(`no demo accounts in the banner:\n${gateway.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, url: string, account: Pick<DemoAccount, 'login' | 'password'>): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('Identifiant').fill(account.login);
  await page.getByLabel('Mot de passe').fill(account.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
}

/** Forces a probe's state now (HARD), through the gateway's test-hooks socket in its data folder. */
export function injectProbeState(dataDir: string, probeId: string, state: 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN', output: string): Promise<string> {
  return sendTestHook(dataDir, ['inject', probeId, state, output]);
}

/** Test-hook environment for a still estate: no background faults, no simulated support staff. */
export function stillEstateEnv(probeNames: Record<string, string> = {}): Record<string, string> {
  return {
    VIGIE_TEST_HOOKS: '1',
    VIGIE_TEST_SIM_OPTIONS: JSON.stringify({ activity: 0, staff: [] }),
    VIGIE_TEST_PROBE_NAMES: JSON.stringify(probeNames),
  };
}
