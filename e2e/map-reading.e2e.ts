// Reading the map as the support cell and a référent do, with tiles that cannot load (an offline
// wall, a blocked tile server): the Moselle is still drawn — département, EPCI and commune borders
// from the shipped IGN data, credited — with place names that fit the zoom; hover and focus labels
// sit on a solid background; and the sites are reached, read and opened with the keyboard alone.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { launchChromium, screenshotPath, VIEWPORTS } from './browser.ts';
import { ROOT, startGateway, stopGateway, type Gateway } from './gateway-process.ts';
import { demoAccounts, signIn } from './gateway-session.ts';

/** Nothing listens on the discard port: every tile fails at once. */
const TILE_URL = 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png';

let dataDir: string;
let gateway: Gateway;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build the SPA first (npm run test:e2e does)');
  dataDir = await freshDataDir('vigie-map-reading-e2e-');
  [gateway, browser] = await Promise.all([startGateway({ dataDir, env: { TILE_URL, VIGIE_TEST_HOOKS: '1' } }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  if (gateway) await stopGateway(gateway);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function supportPage(viewport: { width: number; height: number }): Promise<Page> {
  const support = (await demoAccounts(gateway)).find((a) => a.role === 'support')!;
  const page = await browser.newPage({ viewport });
  await signIn(page, gateway.url, support);
  await page.getByText('Données en direct').waitFor();
  return page;
}

/** Painted pixels of the boundaries' canvas (Leaflet's canvas renderer in its own pane). */
const boundaryPixels = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.leaflet-vigie-boundaries-pane canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || canvas.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  });

const placeNames = (page: Page) => page.locator('.leaflet-vigie-place-names-pane span').allTextContents();

test.each([
  ['wall', VIEWPORTS.wall],
  ['phone', VIEWPORTS.phone],
])('without tiles the Moselle is still drawn and named, and credited (%s)', async (name, viewport) => {
  const page = await supportPage(viewport);
  try {
    await page.getByText('Fond de carte indisponible', { exact: false }).waitFor();
    await expect.poll(() => boundaryPixels(page), { timeout: 10_000 }).toBeGreaterThan(10_000);
    await page.locator('.leaflet-control-attribution').getByText('© IGN — Admin Express COG 2018, Licence Ouverte').waitFor();
    await expect.poll(() => placeNames(page)).toContain('Metz Métropole');
    await page.screenshot({ path: screenshotPath(`map-without-tiles-${name}`) });
  } finally {
    await page.close();
  }
});

test('on the desk, the support cell reaches, reads and opens a site with the keyboard alone', async () => {
  const page = await supportPage(VIEWPORTS.wall);
  try {
    const map = page.locator('.leaflet-container');
    const label = page.locator('.vigie-site-tooltip');
    for (let i = 0; i < 40 && !(await map.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    expect(await map.evaluate((el) => el === document.activeElement), 'Tab reaches the map').toBe(true);

    // The focus lands on a site or group: labelled on a solid box, announced, with the keys explained.
    await label.waitFor();
    const first = await label.textContent();
    expect(first).toMatch(/^(\d+ sites — pire état : .+|.+ — .+)$/);
    const background = await label.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background, 'an opaque colour (no alpha)').toMatch(/^(oklch|rgb)\([^/]*\)$/);
    expect(await page.locator('.leaflet-container [role="status"]').textContent()).toBe(first);
    await page.getByText('Flèches : site suivant', { exact: false }).waitFor();

    // Arrows move between sites; Escape lets go.
    const seen = new Set([first]);
    for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
      await page.keyboard.press(key);
      seen.add(await label.textContent());
    }
    expect(seen.size, 'the arrows moved the focus').toBeGreaterThan(1);
    await page.keyboard.press('Escape');
    await label.waitFor({ state: 'hidden' });
    await page.keyboard.press('ArrowRight');
    await label.waitFor();

    // Enter zooms into a group until a single site holds the focus, then opens it.
    for (let i = 0; i < 6 && /^\d+ sites — /.test((await label.textContent()) ?? ''); i++) {
      const before = await label.textContent();
      await page.keyboard.press('Enter');
      await expect.poll(() => label.textContent()).not.toBe(before);
    }
    const text = (await label.textContent())!;
    expect(text, 'a single site holds the focus').not.toMatch(/^\d+ sites — /);
    await page.screenshot({ path: screenshotPath('map-keyboard-focus-1920x1080') });
    const siteName = text.replace(/ \(.*$| — .*$/, '');
    await page.keyboard.press('Enter');
    await page.getByRole('complementary', { name: siteName }).waitFor();
  } finally {
    await page.close();
  }
});
