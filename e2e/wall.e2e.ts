// The wall display against the real gateway and simulator: kiosk sign-in by token, rotation through
// the collectivités with open incidents, then the gateway is stopped (stale banner at once) and
// started again on the same port (the wall recovers by itself, without a reload).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { launchChromium, screenshotPath, VIEWPORTS } from './browser.ts';
import { canvasPixels } from './map-readers.ts';
import { startGateway as startGatewayProcess, stopGateway, type Gateway } from './gateway-process.ts';

const ROOT = join(import.meta.dirname, '..');

let dataDir: string;
let browser: Browser;
let gateway: Gateway | undefined;

const startGateway = (port: number) => startGatewayProcess({ dataDir, port, env: { SIM_SCENARIO: 'gti-breach' } });

const freshness = (page: Page) => page.locator('[data-freshness]').getAttribute('data-freshness');
const rotation = (page: Page) => page.getByTestId('wall-rotation').textContent();

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build the SPA first (npm run test:e2e does)');
  dataDir = await freshDataDir('vigie-wall-e2e-'); // migrated template: no initdb per file
  gateway = await startGateway(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (gateway) await stopGateway(gateway);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the wall rotates, shows stale data when the gateway stops and recovers without a reload', async () => {
  const g = gateway!;
  const page = await browser.newPage({ viewport: VIEWPORTS.wall });
  await page.goto(`${g.url}/wall?token=${g.kioskToken}&rotate=5&stale=15`);
  await expect.poll(() => freshness(page), { timeout: 30_000 }).toBe('live');
  // The token leaves the address bar once exchanged for a session.
  expect(page.url()).not.toContain('token=');

  await expect.poll(() => rotation(page), { timeout: 20_000 }).toMatch(/^Collectivité 1 sur \d+ avec incident$/);
  const first = await page.locator('#wall-focus-title').textContent();
  // The map of the collectivité on screen has its sites painted, and nothing to click.
  await expect.poll(() => canvasPixels(page), { timeout: 15_000 }).toBeGreaterThan(0);
  expect(await page.locator('.leaflet-control-zoom').count()).toBe(0);
  await page.evaluate(() => Object.assign(document.querySelector('canvas.vigie-site-canvas')!, { __firstMount: true }));
  await expect.poll(() => rotation(page), { timeout: 15_000 }).toMatch(/^Collectivité 2 sur \d+ avec incident$/);
  expect(await page.locator('#wall-focus-title').textContent()).not.toBe(first);
  // Re-fitted, not re-created: still one map, the same canvas, markers painted.
  expect(await page.locator('.leaflet-container').count()).toBe(1);
  expect(await page.evaluate(() => (document.querySelector('canvas.vigie-site-canvas') as unknown as { __firstMount?: boolean }).__firstMount)).toBe(true);
  await expect.poll(() => canvasPixels(page), { timeout: 5_000 }).toBeGreaterThan(0);
  await page.screenshot({ path: screenshotPath('wall-1920x1080') });

  // A reload would lose this marker: recovery must happen in the same document.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  await stopGateway(g);
  await expect.poll(() => freshness(page), { timeout: 15_000 }).toBe('offline');
  expect(await page.getByRole('alert').first().textContent()).toContain('FLUX INTERROMPU');
  await page.screenshot({ path: screenshotPath('wall-stale') });

  gateway = await startGateway(g.port);
  await expect.poll(() => freshness(page), { timeout: 60_000 }).toBe('live');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect(await page.getByText('FLUX INTERROMPU').count()).toBe(0);
  await page.close();
});

test('the wall scales with a 4K screen', async () => {
  const g = gateway!;
  const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
  await page.goto(`${g.url}/wall?token=${g.kioskToken}`);
  await expect.poll(() => freshness(page), { timeout: 30_000 }).toBe('live');
  const rootFont = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(rootFont).toBe('40px');
  await page.screenshot({ path: screenshotPath('wall-3840x2160') });
  await page.close();
});
