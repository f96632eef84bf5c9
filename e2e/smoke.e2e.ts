import { afterAll, beforeAll, expect, test } from 'vitest';
import { preview, type PreviewServer } from 'vite';
import type { Browser } from 'playwright-core';
import { launchChromium, screenshotPath, VIEWPORTS } from './browser.ts';

let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('the built app renders in Chromium', async () => {
  const url = server.resolvedUrls?.local[0];
  expect(url).toBeTruthy();
  const page = await browser.newPage({ viewport: VIEWPORTS.wall });
  // Signed out, the app lands on its login page.
  await page.goto(url!);
  await page.waitForURL(/\/login$/);
  await expect(page.getByRole('heading', { name: 'Connexion à Vigie' }).textContent()).resolves.toBe('Connexion à Vigie');
  await page.screenshot({ path: screenshotPath('smoke-wall') });
});
