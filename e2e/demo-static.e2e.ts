// The offline demo end to end: dist-demo (rebuilt when sources are newer) served by vite preview on
// 127.0.0.1, opened in Debian's Chromium with no gateway anywhere: MSW's service worker answers the
// API, the simulator runs in the page, and the map must show sites and then the storm arriving.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, VIEWPORTS } from './browser.ts';

const ROOT = join(import.meta.dirname, '..');
const CONFIG = join(ROOT, 'vite.demo.config.ts');
const BUILT = join(ROOT, 'dist-demo', 'index.html');

let server: PreviewServer;
let browser: Browser;
let url: string;

function newestSource(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => (name.startsWith('.') ? 0 : newestSource(join(path, name)))));
}

beforeAll(async () => {
  const sources = ['src', 'mocks', 'server', 'public', 'index.html', 'vite.config.ts', 'vite.demo.config.ts', 'package-lock.json'];
  const stale = !existsSync(BUILT) || Math.max(...sources.map((s) => newestSource(join(ROOT, s)))) > statSync(BUILT).mtimeMs;
  if (stale) await build({ root: ROOT, configFile: CONFIG, logLevel: 'warn' });
  server = await preview({ root: ROOT, configFile: CONFIG, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  url = server.resolvedUrls!.local[0]!;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The map legend's entries ("Critique 58", "OK 500"…). */
const legendItems = (page: Page) => page.locator('figure', { has: page.locator('figcaption', { hasText: /^Légende$/ }) }).locator('li');

/** Site counts by state, read from the map legend. */
async function legendCounts(page: Page): Promise<Record<string, number>> {
  const items = await legendItems(page).allTextContents();
  // Phones also get a compact legend without counts: only entries with a number count.
  const counted = items.map((text) => [text.replace(/[\d\s]+$/, '').trim(), Number(/(\d+)\s*$/.exec(text)?.[1] ?? NaN)] as const);
  return Object.fromEntries(counted.filter(([, n]) => Number.isFinite(n)));
}

/** Non-transparent pixels on the canvas the site layer draws markers on. */
function paintedPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('canvas.vigie-site-canvas');
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || canvas.width === 0) return 0;
    const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) painted++;
    return painted;
  });
}

test('the static demo runs with no server: map markers, then a storm seen live', async () => {
  const page = await browser.newPage({ viewport: VIEWPORTS.wall });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${url}?scenario=storm&speed=120`);
  await page.getByRole('region', { name: 'Carte des sites supervisés' }).waitFor();
  await legendItems(page).first().waitFor();
  await expect.poll(() => paintedPixels(page), { timeout: 15_000 }).toBeGreaterThan(500);
  const before = await legendCounts(page);
  const sites = Object.values(before).reduce((a, b) => a + b, 0);
  expect(sites).toBeGreaterThan(400); // the small Moselle estate: 60 collectivités, ~450 sites (430 for seed 57)
  // At ×120 the fibre cut (5 simulated minutes in) lands within seconds and turns hard soon after.
  await expect.poll(async () => (await legendCounts(page)).Critique, { timeout: 30_000, interval: 500 }).toBeGreaterThanOrEqual((before.Critique ?? 0) + 20);
  await expect(page.getByRole('note').textContent()).resolves.toContain('Démo hors ligne');
  await page.screenshot({ path: screenshotPath('demo-static-wall') });
  expect(errors).toEqual([]);
  await page.close();
});

/**
 * The SLA figures of a dashboard once every panel has answered: two availability gauges and two
 * GTI compliance cards, each either a figure or its error. The gateway's report code runs in the
 * page here (MSW): a Node-only call in it answered every /availability with a 500.
 */
async function slaFigures(page: Page) {
  const availability = page.getByRole('region', { name: 'Disponibilité en heures couvertes' });
  const gti = page.getByRole('region', { name: 'GTI — interventions en cours' });
  const gtiAnswers = gti.getByTestId('gti-compliance').or(gti.getByText('Aucune GTI échue sur la période.'));
  const settled = async () =>
    (await availability.getByTestId('availability-value').count()) + (await availability.getByRole('alert').count()) === 2 &&
    (await gtiAnswers.count()) + (await gti.getByRole('alert').count()) === 2;
  // The SPA retries a 5xx three times (backoff up to 8 s) before it shows the error.
  await expect.poll(settled, { timeout: 45_000, interval: 500 }).toBe(true);
  return {
    errors: [...(await availability.getByRole('alert').allTextContents()), ...(await gti.getByRole('alert').allTextContents())],
    availability: await availability.getByTestId('availability-value').allTextContents(),
    gti: await gtiAnswers.allTextContents(),
  };
}

test('the support dashboard’s availability and GTI panels show figures, not errors', async () => {
  const page = await browser.newPage({ viewport: VIEWPORTS.wall });
  await page.goto(`${url}?`);
  const figures = await slaFigures(page);
  expect(figures.errors).toEqual([]);
  // A percentage with a decimal comma, or "non mesurée" when nothing was measured yet in a period.
  expect(figures.availability).toHaveLength(2);
  for (const value of figures.availability) expect(value).toMatch(/^(\d{1,3}(,\d+)?\s?%|non mesurée)$/);
  expect(figures.availability.some((value) => value.includes('%')), figures.availability.join(' | ')).toBe(true);
  expect(figures.gti).toHaveLength(2);
  for (const value of figures.gti) expect(value).toMatch(/^(\d{1,3}(,\d+)?\s?%|Aucune GTI échue sur la période\.)$/);
  await page.getByRole('region', { name: 'Disponibilité en heures couvertes' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('demo-static-sla-wall') });
  await page.close();
});

test('the référent demo’s SLA reads one sentence per service, not an error', async () => {
  const page = await browser.newPage({ viewport: VIEWPORTS.phone });
  await page.goto(`${url}?as=referent`);
  const services = page.getByRole('region', { name: 'Vos services : disponibilité' });
  // The SPA retries a 5xx three times (backoff up to 8 s) before it shows the error.
  await expect.poll(async () => (await services.locator('[data-sentence]').count()) + (await services.getByRole('alert').count()), { timeout: 45_000, interval: 500 }).toBeGreaterThan(0);
  expect(await services.getByRole('alert').count()).toBe(0);
  for (const sentence of await services.locator('[data-sentence]').allTextContents()) expect(sentence).toMatch(/^Ce mois-ci : /);
  await services.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('demo-static-sla-phone') });
  await page.close();
});

test('a référent demo session only ever gets their own collectivité, through the service worker', async () => {
  const page = await browser.newPage({ viewport: VIEWPORTS.phone });
  await page.goto(`${url}?as=referent`);
  // On a phone the legend may be folded away: attached is enough to read its counts.
  await legendItems(page).first().waitFor({ state: 'attached' });
  const answer = await page.evaluate(async () => {
    const session = JSON.parse(sessionStorage.getItem('vigie.session') ?? '{}') as { token?: string; user?: { collectiviteId?: string } };
    const headers = { Authorization: `Bearer ${session.token}` };
    const list = (await (await fetch('/api/v1/collectivites', { headers })).json()) as Array<{ id: string }>;
    // Another collectivité of the demo estate (read from the in-page gateway, never over the API).
    const demo = (window as unknown as { vigieDemo: { gateway: { supervision: { estate(): { collectivites: Array<{ id: string }> } } } } }).vigieDemo;
    const otherId = demo.gateway.supervision.estate().collectivites.find((c) => c.id !== session.user?.collectiviteId)?.id;
    const other = await fetch(`/api/v1/collectivites/${otherId}`, { headers });
    return { own: session.user?.collectiviteId, ids: list.map((c) => c.id), otherStatus: other.status, controlled: navigator.serviceWorker.controller !== null };
  });
  expect(answer.controlled).toBe(true);
  expect(answer.ids).toEqual([answer.own]);
  expect(answer.otherStatus).toBe(403);
  const sites = Object.entries(await legendCounts(page)).reduce((a, [entry, n]) => (entry === 'En maintenance' ? a : a + n), 0); // maintenance: already counted by state
  expect(sites).toBeGreaterThan(0);
  expect(sites).toBeLessThan(41); // one collectivité's sites, never the estate
  await expect.poll(() => paintedPixels(page), { timeout: 15_000 }).toBeGreaterThan(50);
  await page.screenshot({ path: screenshotPath('demo-static-referent-phone') });
  await page.close();
});

test('the login page and the kiosk link work against the demo gateway', async () => {
  const page = await browser.newPage({ viewport: VIEWPORTS.wall });
  await page.goto(`${url}?as=none`);
  await page.getByLabel('Identifiant').fill('support');
  await page.getByLabel('Mot de passe').fill('wrong');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByText('Identifiant ou mot de passe incorrect.').waitFor();
  await page.getByLabel('Mot de passe').fill('demo');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('region', { name: 'Carte des sites supervisés' }).waitFor();

  const wall = await browser.newPage({ viewport: VIEWPORTS.wall });
  await wall.goto(`${url}wall?token=demo-kiosk-token-moselle-fibre&as=none`);
  await expect.poll(() => wall.evaluate(() => JSON.parse(sessionStorage.getItem('vigie.session') ?? '{}').user?.role), { timeout: 15_000 }).toBe('kiosk');
  await expect.poll(() => new URL(wall.url()).searchParams.has('token')).toBe(false);
  await wall.waitForTimeout(2_000);
  await wall.screenshot({ path: screenshotPath('demo-static-kiosk-wall') });
  await page.close();
  await wall.close();
});
