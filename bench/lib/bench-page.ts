// Opens a bench page in headless Chromium (e2e/browser.ts flags) with the frame probe installed and
// a session in place, the way the SPA keeps it (sessionStorage 'vigie.session').
import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { VIEWPORTS } from '../../e2e/browser.ts';
import type { RunningGateway } from './gateway-process.ts';

export interface BenchPage {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  close(): Promise<void>;
}

export interface ProbeStatus {
  attached: boolean;
  sites: number;
  /** Incidents the live store holds (every one not closed yet). */
  incidents: number;
  seq?: number;
  connection?: string;
  firstFullPaint?: number;
  reflectedAt?: number;
  draws: number;
}

/** A support session through the real login route (the demo support account of this gateway). */
export async function supportSession(gateway: RunningGateway): Promise<unknown> {
  if (!gateway.support) throw new Error('the gateway created no demo support account');
  const response = await fetch(`${gateway.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(gateway.support),
  });
  if (!response.ok) throw new Error(`login failed: HTTP ${response.status}`);
  return response.json();
}

export async function openBenchPage(browser: Browser, options: { session?: unknown; viewport?: { width: number; height: number } } = {}): Promise<BenchPage> {
  const context = await browser.newContext({ viewport: options.viewport ?? VIEWPORTS.wall });
  await context.addInitScript({ path: join(import.meta.dirname, 'page-probe.js') });
  if (options.session) {
    await context.addInitScript((session: string) => sessionStorage.setItem('vigie.session', session), JSON.stringify(options.session));
  }
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error('  page error:', error.message));
  const cdp = await context.newCDPSession(page);
  return { context, page, cdp, close: () => context.close() };
}

export const probeStatus = (page: Page) => page.evaluate(() => (window as unknown as { __vigieBench: { status(): ProbeStatus } }).__vigieBench.status());

/** Poll the page's probe until `ready` holds (or throw after timeoutMs). */
export async function waitForProbe(page: Page, ready: (s: ProbeStatus) => boolean, timeoutMs: number, what: string): Promise<ProbeStatus> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await probeStatus(page);
    if (ready(status)) return status;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
