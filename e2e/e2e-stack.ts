// One e2e file's world: the built SPA checked, a fresh data folder, the real gateway and Chromium
// started side by side, the demo accounts read from the gateway's banner; and its tear-down
// (Chromium closed, the gateway stopped by PID, the folder removed). A part that did start is
// stopped even when another part failed to, so a failed set-up leaves no process behind.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { launchChromium, VIEWPORTS } from './browser.ts';
import { ROOT, startGateway, stopGateway, type Gateway } from './gateway-process.ts';
import { demoAccounts, signIn, type DemoAccount } from './gateway-session.ts';

export interface E2eStack {
  dataDir: string;
  gateway: Gateway;
  browser: Browser;
  accounts: DemoAccount[];
  /** The demo support account. */
  support: DemoAccount;
  /** The demo référent of a collectivité, by its name (undefined when it has none). */
  referentOf(collectiviteName: string): DemoAccount | undefined;
}

/** Call in beforeAll; `env` goes to the gateway (e.g. stillEstateEnv()). */
export async function startE2eStack(dataDirPrefix: string, env?: Record<string, string>): Promise<E2eStack> {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build the SPA first (npm run test:e2e does)');
  const dataDir = await freshDataDir(dataDirPrefix);
  const [gateway, browser] = await Promise.allSettled([startGateway({ dataDir, ...(env && { env }) }), launchChromium()]);
  const started = { dataDir, ...(gateway.status === 'fulfilled' && { gateway: gateway.value }), ...(browser.status === 'fulfilled' && { browser: browser.value }) };
  try {
    if (gateway.status === 'rejected') throw gateway.reason;
    if (browser.status === 'rejected') throw browser.reason;
    const accounts = await demoAccounts(gateway.value);
    const support = accounts.find((a) => a.role === 'support');
    if (!support) throw new Error(`no demo support account in the gateway's banner:\n${gateway.value.output()}`);
    const referentOf = (name: string) => accounts.find((a) => a.role === 'referent' && a.collectiviteName === name);
    return { dataDir, gateway: gateway.value, browser: browser.value, accounts, support, referentOf };
  } catch (error) {
    await stopE2eStack(started);
    throw error;
  }
}

/** Call in afterAll with what startE2eStack returned (or nothing, if it failed). */
export async function stopE2eStack(stack: Partial<Pick<E2eStack, 'dataDir' | 'gateway' | 'browser'>> | undefined): Promise<void> {
  await stack?.browser?.close();
  if (stack?.gateway) await stopGateway(stack.gateway);
  if (stack?.dataDir) rmSync(stack.dataDir, { recursive: true, force: true });
}

/** The support cell's 1920×1080 desk: a new page signed in as support, once its data is live. */
export async function openSupportDesk(stack: E2eStack): Promise<Page> {
  const desk = await stack.browser.newPage({ viewport: VIEWPORTS.wall });
  await signIn(desk, stack.gateway.url, stack.support);
  await desk.getByText('Données en direct').waitFor();
  return desk;
}
