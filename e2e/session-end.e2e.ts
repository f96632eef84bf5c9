// Ending and guarding sessions on a phone (390×844, touch) against the real gateway process:
// "Se déconnecter" brings back the login page and the old token is dead at once; someone guessing a
// password is held back after 5 tries, the right password included; and restarting the gateway
// (SIGTERM, then start on the same data folder) revives neither the token nor the guesser's tries.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { launchChromium, recordDialogs, screenshotPath, VIEWPORTS } from './browser.ts';
import { ROOT, startGateway, stopGateway, type Gateway } from './gateway-process.ts';
import { demoAccounts, signIn, type DemoAccount } from './gateway-session.ts';

let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let support: DemoAccount;
let referent: DemoAccount;
let loggedOutToken: string;
const dialogs: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build the SPA first (npm run test:e2e does)');
  dataDir = await freshDataDir('vigie-session-end-e2e-');
  [gateway, browser] = await Promise.all([startGateway({ dataDir }), launchChromium()]);
  const accounts = await demoAccounts(gateway);
  support = accounts.find((a) => a.role === 'support')!;
  referent = accounts.find((a) => a.role === 'referent')!;
  context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  page = await context.newPage();
  recordDialogs(page, dialogs);
});

afterAll(async () => {
  await browser?.close();
  if (gateway) await stopGateway(gateway);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const me = (token: string) => fetch(`${gateway.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });

/** Types a login and password and presses Enter, as a person would; resolves with the gateway's answer. */
async function attempt(login: string, password: string): Promise<number> {
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/session') && r.request().method() === 'POST');
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByLabel('Mot de passe').press('Enter');
  return (await answered).status();
}

test('after 5 wrong passwords the login page holds the guesser back, even with the right one', async () => {
  await page.goto(`${gateway.url}/login`);
  for (let i = 0; i < 5; i++) {
    expect(await attempt(support.login, `not-the-password-${i}`)).toBe(401);
    await page.getByText('Identifiant ou mot de passe incorrect.').waitFor();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
  }
  expect(await attempt(support.login, support.password)).toBe(429);
  await page.getByText('Trop de tentatives. Patientez quelques minutes avant de réessayer.').waitFor();
  await page.screenshot({ path: screenshotPath('phone-login-rate-limited') });
  expect(new URL(page.url()).pathname).toBe('/login');
});

test('"Se déconnecter" brings back the login page and the old token is refused at once', async () => {
  await signIn(page, gateway.url, referent);
  await page.getByRole('region', { name: 'Carte des sites supervisés' }).waitFor();
  loggedOutToken = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('vigie.session') ?? '{}') as { token: string }).token);
  expect((await me(loggedOutToken)).status).toBe(200);

  await page.getByRole('button', { name: 'Se déconnecter' }).tap();
  await page.waitForURL((u) => u.pathname.endsWith('/login'));
  await page.getByLabel('Identifiant').waitFor();
  expect(await page.evaluate(() => sessionStorage.getItem('vigie.session'))).toBeNull();
  expect((await me(loggedOutToken)).status).toBe(401);
  expect(dialogs).toEqual([]);
});

test('a gateway restart revives neither the logged-out token nor the guesser’s tries', { timeout: 180_000 }, async () => {
  await stopGateway(gateway);
  gateway = await startGateway({ dataDir });
  expect((await me(loggedOutToken)).status).toBe(401);

  await page.goto(`${gateway.url}/login`);
  expect(await attempt(support.login, support.password)).toBe(429);
  await page.getByText('Trop de tentatives. Patientez quelques minutes avant de réessayer.').waitFor();
  // The référent, who logged out properly, signs in again normally.
  expect(await attempt(referent.login, referent.password)).toBe(200);
  await page.waitForURL((u) => !u.pathname.endsWith('/login'));
});
