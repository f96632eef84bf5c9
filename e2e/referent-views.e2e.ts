// #16 items 1, 2, 3 and 5 as a référent lives them on a phone (390×844) and a tablet (820×1180):
// their incidents (open first, then the past 12 months, filtered by site and state with a thumb),
// the site sheet that starts with the failing probe (perfdata behind "détails", the map still in
// view), their SLA per service in one sentence (this month, a past month, a past semester), and a
// running maintenance shown on the site. axe WCAG 2 AA on each view; nothing scrolls sideways.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { axeReport } from './axe.ts';
import { screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { injectProbeState, signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { horizontalOverflow, probesOfSite } from './map-readers.ts';
import { startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

const estate = generateEstate({ seed: 57, scale: 'small' });
const sitesOf = (collectiviteId: string) => estate.sites.filter((s) => s.collectiviteId === collectiviteId);
const own = estate.collectivites.find((c) => sitesOf(c.id).length >= 2 && sitesOf(c.id).every((s) => probesOf(s.id).length >= 3))!;
function probesOf(siteId: string) {
  return probesOfSite(estate, siteId);
}
const [siteA, siteB] = sitesOf(own.id);
const VIEWS = [
  ['phone', VIEWPORTS.phone, 0],
  ['tablet', { width: 820, height: 1180 }, 1],
] as const;

let stack: E2eStack | undefined;
let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let referent: DemoAccount;
let support: DemoAccount;

beforeAll(async () => {
  stack = await startE2eStack('vigie-referent-views-e2e-', stillEstateEnv());
  ({ dataDir, gateway, browser } = stack);
  referent = stack.referentOf(own.name)!;
  support = stack.support;
  expect(referent, `a demo référent for ${own.name}`).toBeDefined();
}, 60_000);

afterAll(async () => {
  await stopE2eStack(stack);
});

async function referentPage(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await signIn(page, gateway.url, referent);
  await page.getByRole('region', { name: 'Carte des sites supervisés' }).waitFor();
  return { context, page };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const overlap = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) * Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

for (const [name, viewport, probeIndex] of VIEWS) {
  test(`on a ${name}: the site sheet starts with the failing probe, the map stays in view; the incident moves from open to the past 12 months; filters by site and state`, async () => {
    const probe = probesOf(siteA!.id)[probeIndex]!;
    const { context, page } = await referentPage(viewport);
    try {
      await injectProbeState(dataDir, probe.id, 'CRITICAL', 'PING CRITICAL - Packet loss = 100%|rta=0.00ms;5;10;0');
      const incidents = page.getByRole('region', { name: 'Incidents' });
      const open = incidents.getByRole('region', { name: /^En cours/ });
      const past = incidents.getByRole('region', { name: 'Les 12 derniers mois' });
      const rowIn = (section: typeof open) => section.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Détails de l’incident ${probe.name}` }) });
      await rowIn(open).getByText(/^Ouvert à \d\d:\d\d, en attente de prise en charge$/).waitFor({ timeout: 20_000 });

      // The site sheet, from the problem list: failing probe first, its sentence, perfdata hidden.
      await page.getByRole('region', { name: /^Problèmes en cours/ }).getByRole('button', { name: new RegExp(`^${escape(probe.name)} ${escape(siteA!.name)} `) }).first().tap();
      const sheet = page.getByRole('complementary', { name: siteA!.name });
      await sheet.waitFor();
      expect(await sheet.locator('li[data-probe-id]').first().getAttribute('data-probe-id')).toBe(probe.id);
      const first = sheet.locator('li[data-probe-id]').first();
      await first.getByText('PING CRITICAL - Packet loss = 100%', { exact: true }).waitFor();
      expect(await first.getByText('rta=0.00ms;5;10;0').isVisible()).toBe(false);
      await first.getByText('détails', { exact: true }).tap();
      await first.getByText('rta=0.00ms;5;10;0').waitFor();
      // The map stays in view: the sheet is beside it (tablet) or under it (phone), never over it.
      const map = (await page.getByRole('region', { name: 'Carte des sites supervisés' }).boundingBox())!;
      const sheetBox = (await sheet.boundingBox())!;
      expect(map.width).toBeGreaterThan(name === 'tablet' ? 400 : 380);
      expect(map.height).toBeGreaterThan(300);
      expect(overlap(map, sheetBox)).toBe(0);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeReport(page, `référent site sheet, ${name}`)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`referent-site-sheet-${name}`) });

      // Back to OK: the incident leaves "En cours" for the past 12 months, live.
      await injectProbeState(dataDir, probe.id, 'OK', 'PING OK - rta=1.2ms|rta=1.2ms;5;10;0');
      await rowIn(past).getByText(/^Résolu à \d\d:\d\d$/).waitFor({ timeout: 20_000 });
      expect(await rowIn(open).count()).toBe(0);

      // Filters: another site hides it, its site shows it again, "Résolus" leaves the open section out.
      await incidents.getByLabel('Site').selectOption({ label: siteB!.name });
      await expect.poll(() => rowIn(past).count(), { timeout: 10_000 }).toBe(0);
      await incidents.getByLabel('Site').selectOption({ label: siteA!.name });
      await rowIn(past).waitFor({ timeout: 10_000 });
      await incidents.getByLabel('État').selectOption({ label: 'Résolus' });
      await expect.poll(() => open.count(), { timeout: 10_000 }).toBe(0);
      await rowIn(past).waitFor();
      await incidents.getByLabel('État').selectOption({ label: 'En attente de prise en charge' });
      await expect.poll(() => past.count(), { timeout: 10_000 }).toBe(0);
      await open.getByText('Aucun incident en cours pour ces filtres.').waitFor();
      await incidents.getByLabel('État').selectOption({ label: 'Tous' });
      await rowIn(past).getByRole('button').tap();
      await rowIn(past).getByText('Historique').waitFor();
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeReport(page, `référent incidents, ${name}`)).toEqual([]);
      await incidents.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: screenshotPath(`referent-incidents-${name}`) });
    } finally {
      await context.close();
    }
  });

  test(`on a ${name}: the SLA per service in one sentence, this month, last month and last semester`, async () => {
    const { context, page } = await referentPage(viewport);
    try {
      const services = page.getByRole('region', { name: 'Vos services : disponibilité' });
      const sentences = services.locator('[data-sentence]');
      await sentences.first().waitFor({ timeout: 20_000 });
      const names = await services.getByRole('heading', { level: 3 }).allTextContents();
      expect(names.length).toBeGreaterThan(0);
      for (const service of names) expect(['Accès à Internet', 'Liens inter-sites et réseau', 'Serveurs et disques', 'Caméras']).toContain(service);
      for (const sentence of await sentences.allTextContents()) expect(sentence).toMatch(/^Ce mois-ci : /);
      expect(await services.textContent()).toContain('Comment on compte');
      expect(await services.textContent()).not.toMatch(/cumul des sondes|non mesuré \(/);
      // The last month: its own sentences (nothing measured yet in this fresh installation).
      const options = await services.getByLabel('Période').locator('option').allTextContents();
      const lastMonth = options[1]!;
      expect(lastMonth).toMatch(/^[A-ZÉÛ][a-zéû]+ \d{4}$/);
      await services.getByLabel('Période').selectOption({ label: lastMonth });
      await expect.poll(() => sentences.first().textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^${lastMonth} : `));
      const lastSemester = options.find((o) => /^(1er|2e) semestre \d{4}$/.test(o))!;
      await services.getByLabel('Période').selectOption({ label: lastSemester });
      await expect.poll(() => sentences.first().textContent(), { timeout: 15_000 }).toMatch(new RegExp(`^${lastSemester} : `));
      await services.getByLabel('Période').selectOption({ label: 'Ce mois-ci' });
      await expect.poll(() => sentences.first().textContent(), { timeout: 15_000 }).toMatch(/^Ce mois-ci : /);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeReport(page, `référent SLA, ${name}`)).toEqual([]);
      await services.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: screenshotPath(`referent-sla-${name}`) });
    } finally {
      await context.close();
    }
  });
}

test('a maintenance starting while the site sheet is open reads "maintenance en cours" there, live, and in their maintenance list with its nature (phone and tablet)', async () => {
  // A warning on the site first, so that its sheet opens from the problem list (a probe in
  // maintenance is no problem to act on: the list leaves it out once the window runs).
  const warned = probesOf(siteB!.id)[0]!;
  await injectProbeState(dataDir, warned.id, 'WARNING', 'SWITCH WARNING - port 3 en erreur');
  const pages: Array<{ name: string; context: BrowserContext; page: Page }> = [];
  try {
    for (const [name, viewport] of VIEWS) {
      const { context, page } = await referentPage(viewport);
      pages.push({ name, context, page });
      await page.getByRole('region', { name: /^Problèmes en cours/ }).getByRole('button', { name: new RegExp(`^${escape(warned.name)} ${escape(siteB!.name)} `) }).first().tap();
      await page.getByRole('complementary', { name: siteB!.name }).waitFor();
    }
    const login = await fetch(`${gateway.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: support.login, password: support.password }) });
    const { token } = (await login.json()) as { token: string };
    const start = Date.now();
    const res = await fetch(`${gateway.url}/api/v1/maintenances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ collectiviteId: own.id, siteIds: [siteB!.id], start, end: start + 2 * 3_600_000, nature: 'Remplacement du commutateur' }),
    });
    expect(res.status).toBe(201);
    for (const { name, page } of pages) {
      const sheet = page.getByRole('complementary', { name: siteB!.name });
      await sheet.getByTestId('site-maintenance').getByText(`Maintenance en cours sur ${probesOf(siteB!.id).length} sondes de ce site`).waitFor({ timeout: 15_000 });
      expect(await sheet.getByText('Maintenance en cours', { exact: true }).count()).toBe(probesOf(siteB!.id).length);
      const maintenance = page.getByRole('region', { name: 'Maintenances planifiées' });
      await maintenance.getByText(/: Remplacement du commutateur$/).waitFor({ timeout: 15_000 });
      // The list's badge follows the page's clock, which ticks every 5 s (maintenance-panel.tsx).
      await maintenance.getByText(/^maintenance en cours$/i).first().waitFor({ timeout: 10_000 });
      await expect.poll(() => page.getByRole('region', { name: /^Problèmes en cours/ }).getByRole('button', { name: new RegExp(`^${escape(warned.name)} `) }).count(), { timeout: 10_000 }).toBe(0);
      expect(await horizontalOverflow(page)).toBe(0);
      expect(await axeReport(page, `référent maintenance, ${name}`)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`referent-maintenance-${name}`) });
    }
  } finally {
    for (const { context } of pages) await context.close();
  }
});
