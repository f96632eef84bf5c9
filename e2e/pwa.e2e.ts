// #16 item 6 (installable on a phone): the web manifest and its icons as a browser reads them, the
// service worker's app shell on a flaky mobile connection (a reload with no network shows the app
// and says the stream is down, never the browser's error page; the network back, the live data
// resumes by itself), and a home-screen launch landing on the last view. Phone viewport, Chromium.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { signIn } from './gateway-session.ts';
import { pickCollectivite } from './collectivite-picker.ts';
import { startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

let stack: E2eStack | undefined;
let gateway: Gateway;
let browser: Browser;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  stack = await startE2eStack('vigie-pwa-e2e-');
  ({ gateway, browser } = stack);
  const support = stack.support;
  context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  page = await context.newPage();
  await signIn(page, gateway.url, support);
  await page.getByText('Données en direct').waitFor({ timeout: 20_000 });
}, 60_000);

afterAll(async () => {
  await stopE2eStack(stack);
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

test('the manifest makes an installable app: standalone, theme colour, PNG icons of the sizes it names', async () => {
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (await fetch(new URL(href!, gateway.url))).json()) as {
    display: string;
    start_url: string;
    theme_color: string;
    icons: Array<{ src: string; sizes: string; type: string; purpose: string }>;
  };
  expect(manifest).toMatchObject({ display: 'standalone', start_url: '/?source=pwa', theme_color: '#0f172a' });
  const png = manifest.icons.filter((i) => i.type === 'image/png');
  expect(png.map((i) => `${i.sizes} ${i.purpose}`).sort()).toEqual(['192x192 any', '512x512 any', '512x512 maskable']);
  for (const icon of png) {
    const res = await fetch(new URL(icon.src, gateway.url));
    expect(res.headers.get('content-type')).toBe('image/png');
    const [w, h] = icon.sizes.split('x').map(Number);
    expect(pngSize(Buffer.from(await res.arrayBuffer()))).toEqual({ width: w, height: h });
  }
  expect(await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.active?.scriptURL))).toBe(`${gateway.url}/sw.js`);
});

test('offline, a reload shows the app and says the stream is down; back online it resumes by itself', async () => {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await context.setOffline(true);
  await page.reload();
  await page.getByText('Flux interrompu').waitFor({ timeout: 20_000 });
  expect(await page.locator('#root').innerText()).toContain('Vigie');
  await page.screenshot({ path: screenshotPath('pwa-offline-390x844') });
  await context.setOffline(false);
  await page.getByText('Données en direct').waitFor({ timeout: 30_000 });
});

test('a launch from the home screen opens on the last view', async () => {
  const collectivite = await page.evaluate(async () => {
    const token = (JSON.parse(sessionStorage.getItem('vigie.session') ?? '{}') as { token?: string }).token;
    const list = (await (await fetch('/api/v1/collectivites', { headers: { Authorization: `Bearer ${token}` } })).json()) as Array<{ id: string; name: string }>;
    return list[1]!;
  });
  await pickCollectivite(page, collectivite.name, { label: 'Périmètre' });
  await page.waitForURL((u) => u.pathname === `/c/${encodeURIComponent(collectivite.id)}`);
  await page.goto(`${gateway.url}/?source=pwa`);
  await page.waitForURL((u) => u.pathname === `/c/${encodeURIComponent(collectivite.id)}`);
  await page.getByText('Données en direct').waitFor({ timeout: 20_000 });
});
