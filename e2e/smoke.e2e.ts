import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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

test('the production build ships no source maps and points to none', () => {
  // dist/ as `npm run test:e2e` just built it (vite build, without VIGIE_SOURCEMAP).
  const assets = join(import.meta.dirname, '..', 'dist', 'assets');
  const files = readdirSync(assets);
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
  for (const f of files.filter((name) => /\.(js|css)$/.test(name))) expect(readFileSync(join(assets, f), 'utf8'), f).not.toContain('sourceMappingURL');
});
