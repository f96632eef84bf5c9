// The dashboard's frame against the real gateway: the map's tiles come from the gateway's TILE_URL
// (written into the index.html it serves, however awkward the URL), and on a 1920×1080 desk the page
// itself never scrolls — only the side column does (an absolutely placed screen-reader text inside it
// once stretched the document, so wheel or Page Down ran into an empty page below the dashboard).
// On the wall, a long site name wraps beside its state badge instead of squeezing it onto two lines.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { injectProbeState, signIn } from './gateway-session.ts';
import { startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

/** Nothing listens on the discard port: each tile fails at once, and the request is what we check. */
const TILE_URL = 'http://127.0.0.1:9/tiles/{z}/{x}/{y}.png?style="dark"&lang=<fr>';
const TILE_ATTRIBUTION = '© Tuiles de test';

const SHELL_ENV = { TILE_URL, TILE_ATTRIBUTION, SIM_SCENARIO: 'storm', VIGIE_TEST_HOOKS: '1' };

let stack: E2eStack | undefined;
let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let page: Page;
const tileRequests: string[] = [];

beforeAll(async () => {
  stack = await startE2eStack('vigie-shell-e2e-', SHELL_ENV);
  ({ dataDir, gateway, browser } = stack);
  const support = stack.support;
  page = await browser.newPage({ viewport: VIEWPORTS.wall });
  page.on('request', (request) => {
    if (request.url().startsWith('http://127.0.0.1:9/')) tileRequests.push(request.url());
  });
  await signIn(page, gateway.url, support);
  await page.getByText('Données en direct').waitFor();
});

afterAll(async () => {
  await stopE2eStack(stack);
});

test("the map asks the gateway's TILE_URL for its tiles and credits them", async () => {
  await expect.poll(() => tileRequests.length, { timeout: 10_000 }).toBeGreaterThan(0);
  const first = new URL(tileRequests[0]!);
  expect(first.pathname).toMatch(/^\/tiles\/\d+\/\d+\/\d+\.png$/);
  expect(first.searchParams.get('style')).toBe('"dark"');
  expect(first.searchParams.get('lang')).toBe('<fr>');
  await page.locator('.leaflet-control-attribution').getByText(TILE_ATTRIBUTION).waitFor();
  // The tiles cannot load: markers stay on a plain background and the notice says so.
  await page.getByText('Fond de carte indisponible', { exact: false }).waitFor();
});

test('on a 1920×1080 desk the page never scrolls; the side column does', async () => {
  const sizes = await page.evaluate(() => {
    const column = document.querySelector('#content > :nth-child(2)')!;
    return { document: document.documentElement.scrollHeight, viewport: innerHeight, column: column.scrollHeight, columnBox: column.clientHeight };
  });
  expect(sizes.column, 'the side column holds more than a screen (the case that used to break)').toBeGreaterThan(sizes.columnBox);
  expect(sizes.document).toBe(sizes.viewport);
  await page.keyboard.press('End');
  await page.evaluate(() => window.scrollTo(0, 10_000));
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.screenshot({ path: screenshotPath('dashboard-shell-1920x1080') });
});

test('on the wall, a long site name wraps beside a state badge that stays on one line', async () => {
  const estate = generateEstate({ seed: 57, scale: 'small' });
  await injectProbeState(dataDir, estate.probes[0]!.id, 'CRITICAL', 'CHECK CRITICAL - forced by the e2e test');
  const wall = await browser.newPage({ viewport: VIEWPORTS.wall });
  try {
    await wall.goto(`${gateway.url}/wall?token=${gateway.kioskToken}`);
    await wall.locator('[data-wall-state-badge]').first().waitFor();
    const badges = await wall.evaluate(() => {
      for (const name of document.querySelectorAll('[data-wall-site-name]')) name.textContent = 'Mairie annexe de Aboncourt-sur-Seille et de Saint-Julien-lès-Gorze';
      return [...document.querySelectorAll('[data-wall-state-badge]')].map((badge) => ({
        height: badge.getBoundingClientRect().height,
        lineHeight: parseFloat(getComputedStyle(badge).lineHeight),
      }));
    });
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect(badge.height).toBeLessThan(badge.lineHeight * 1.5);
  } finally {
    await wall.close();
  }
});
