// The support cell's dashboard against the real gateway and simulator (one gateway for the file, a
// still estate: no background faults, no simulated staff, so every change on screen is ours):
// sign-in → every site on the map; a probe change forced through the gateway's test hook reaches
// the map; acknowledge + start intervention from the UI stop the GTI clock; a probe named like
// markup shows as text in the site panel, the incident list and on the wall.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { launchChromium, recordDialogs, screenshotPath, VIEWPORTS } from './browser.ts';
import { startGateway, stopGateway, type Gateway } from './gateway-process.ts';
import { demoAccounts, injectProbeState, signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { canvasPixels, CRITICAL_RGB, legendCounts, probesOfSite, total } from './map-readers.ts';

const ROOT = join(import.meta.dirname, '..');
const HOSTILE = '<img src=x onerror=alert(1)>';

// The estate the gateway simulates (SIM_SCALE=small, default seed 57), to pick probes and count sites.
const estate = generateEstate({ seed: 57, scale: 'small' });
const withSites = estate.collectivites.filter((c) => estate.sites.some((s) => s.collectiviteId === c.id));
/** A probe renamed like markup, in the first collectivité by name (the wall shows it first among criticals). */
const hostileCollectivite = withSites[0]!;
const hostileSite = estate.sites.find((s) => s.collectiviteId === hostileCollectivite.id)!;
const hostileProbe = probesOfSite(estate, hostileSite.id)[0]!;
/** Town halls elsewhere in the département; the first one without a problem at start gets broken live. */
const liveCandidates = withSites.slice(Math.floor(withSites.length / 2)).map((c) => estate.sites.find((s) => s.collectiviteId === c.id)!);
let liveSite = liveCandidates[0]!;
let liveProbe = probesOfSite(estate, liveSite.id)[0]!;

let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let support: DemoAccount;
let page: Page;
/** Site counts by state once signed in, before any forced change. */
let baseline: Record<string, number> = {};
/** When the dashboard last asked for its incident list (it refetches on live changes, at most every 5 s). */
let listReadAt = 0;
const dialogs: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build the SPA first (npm run test:e2e does)');
  dataDir = await freshDataDir('vigie-dashboard-e2e-'); // migrated template: no initdb per file
  [gateway, browser] = await Promise.all([
    startGateway({ dataDir, env: stillEstateEnv({ [hostileProbe.id]: HOSTILE }) }),
    launchChromium(),
  ]);
  support = (await demoAccounts(gateway)).find((a) => a.role === 'support')!;
  page = await browser.newPage({ viewport: VIEWPORTS.wall });
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/v1/incidents') listReadAt = Date.now();
  });
  recordDialogs(page, dialogs);
});

afterAll(async () => {
  await browser?.close();
  if (gateway) await stopGateway(gateway);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const problems = () => page.getByRole('region', { name: /^Problèmes en cours/ });
const gtiItem = (probeName: string, siteName: string) =>
  page.getByRole('region', { name: 'GTI — interventions en cours' }).getByRole('listitem').filter({ hasText: `${siteName} · ${probeName}` });
const incidentItem = (probeName: string, siteName: string) =>
  page.getByRole('region', { name: 'Incidents' }).getByRole('listitem').filter({ has: page.getByRole('button', { name: `Détails de l’incident ${probeName}` }) }).filter({ hasText: siteName });

test('support signs in and sees every site of the département on the map', async () => {
  await signIn(page, gateway.url, support);
  await page.getByRole('region', { name: 'Carte des sites supervisés' }).waitFor();
  await expect.poll(async () => total(await legendCounts(page)), { timeout: 20_000 }).toBe(estate.sites.length);
  await expect.poll(() => canvasPixels(page), { timeout: 10_000 }).toBeGreaterThan(500);
  baseline = await legendCounts(page);
  await page.screenshot({ path: screenshotPath('dashboard-overview-1920x1080') });
  // Support's scope picker knows every collectivité: "Toutes" and the first 50 listed, the rest counted.
  await page.getByRole('combobox', { name: 'Périmètre', exact: true }).click();
  const scopeList = page.getByRole('listbox', { name: 'Périmètre', exact: true });
  expect(await scopeList.getByRole('option').count()).toBe(1 + Math.min(50, estate.collectivites.length));
  if (estate.collectivites.length > 50) await scopeList.getByText(`+ ${estate.collectivites.length - 50} autres : précisez la recherche`).waitFor();
  await page.keyboard.press('Escape');
});

test('a probe change forced in the engine reaches the map, the problem list and the GTI panel', async () => {
  // After a quiet spell (no list request for longer than its refresh gap), so the list has no reason to wait.
  while (listReadAt === 0 || Date.now() - listReadAt < 5_200) await page.waitForTimeout(Math.max(100, listReadAt + 5_200 - Date.now()));
  // A healthy site (a still estate may start with a few nearly full disks), so its state visibly changes.
  const troubled = (await problems().getByRole('listitem').allTextContents()).join('\n');
  liveSite = liveCandidates.find((site) => !troubled.includes(site.name))!;
  liveProbe = probesOfSite(estate, liveSite.id)[0]!;
  const before = await legendCounts(page);
  const redBefore = await canvasPixels(page, CRITICAL_RGB);
  const sent = Date.now();
  await injectProbeState(dataDir, liveProbe.id, 'CRITICAL', 'PING CRITICAL - Packet loss = 100%');
  await expect.poll(async () => (await legendCounts(page)).Critique, { timeout: 10_000, interval: 100 }).toBe((before.Critique ?? 0) + 1);
  const latencyMs = Date.now() - sent;
  expect(total(await legendCounts(page))).toBe(total(before));
  // The canvas itself: the site (or the cluster holding it) now carries a red square.
  await expect.poll(() => canvasPixels(page, CRITICAL_RGB), { timeout: 5_000 }).toBeGreaterThan(redBefore);
  // A desk row: "Critique <commune> · <site> · <probe> <age>".
  await problems().getByRole('button', { name: new RegExp(`^Critique .* · ${escape(liveSite.name)} · ${escape(liveProbe.name)} `) }).waitFor();
  await expect.poll(() => gtiItem(liveProbe.name, liveSite.name).getByRole('timer').getAttribute('data-gti-status'), { timeout: 10_000 }).toMatch(/^(on-track|at-risk)$/);
  // The new incident enters the incident list at once too, not after a refresh gap.
  await incidentItem(liveProbe.name, liveSite.name).waitFor({ timeout: 2_000 });
  console.log(`live change: engine → legend in ${latencyMs} ms, → incident list in ${Date.now() - sent} ms`);
});

test('acknowledging then starting an intervention from the UI stops the GTI clock', async () => {
  const item = incidentItem(liveProbe.name, liveSite.name);
  await item.getByRole('button', { name: `Détails de l’incident ${liveProbe.name}` }).click();
  const actions = item.getByRole('form', { name: 'Actions' });
  // Acknowledging needs a comment: the form says so instead of sending.
  await actions.getByRole('button', { name: 'Acquitter' }).click();
  await actions.getByRole('alert').waitFor();
  await actions.getByLabel('Commentaire').fill('Pris en charge par la cellule (e2e)');
  await actions.getByRole('button', { name: 'Acquitter' }).click();
  await item.getByText('Incident acquitté.').waitFor();
  await item.getByText('Acquitté', { exact: true }).first().waitFor();
  // Acknowledging alone does not stop the GTI clock.
  expect(await gtiItem(liveProbe.name, liveSite.name).getByRole('timer').getAttribute('data-gti-status')).toMatch(/^(on-track|at-risk)$/);

  await item.getByRole('button', { name: 'Démarrer l’intervention' }).click();
  await item.getByText('Intervention démarrée.').waitFor();
  const timer = gtiItem(liveProbe.name, liveSite.name).getByRole('timer');
  await expect.poll(() => timer.getAttribute('data-gti-status'), { timeout: 10_000 }).toBe('met');
  expect(await timer.textContent()).toMatch(/Respectée\s*intervention à \d\d\/\d\d\/\d{4} \d\d:\d\d:\d\d/);
  const history = await item.getByRole('region', { name: liveProbe.name }).getByRole('list').first().textContent();
  expect(history).toContain('Acquittement');
  expect(history).toContain('Début d’intervention');
  await page.screenshot({ path: screenshotPath('dashboard-1920x1080') });
  await item.getByRole('button', { name: 'Fermer' }).click();

  // The probe recovers: the incident resolves and leaves the GTI panel, the map is as before.
  await injectProbeState(dataDir, liveProbe.id, 'OK', 'PING OK - Packet loss = 0%, RTA = 1.20 ms');
  await expect.poll(() => legendCounts(page), { timeout: 10_000 }).toEqual(baseline);
  await gtiItem(liveProbe.name, liveSite.name).waitFor({ state: 'detached', timeout: 10_000 });
});

test('a probe named like markup shows as text in the site panel, the incident list and on the wall', async () => {
  await injectProbeState(dataDir, hostileProbe.id, 'CRITICAL', `CHECK CRITICAL - ${HOSTILE}`);
  // Site panel, opened from the problem list.
  await problems().getByRole('button', { name: new RegExp(`^Critique .* · ${escape(hostileSite.name)} · ${escape(HOSTILE)} `) }).click();
  const panel = page.getByRole('complementary', { name: hostileSite.name });
  await panel.getByText(HOSTILE, { exact: true }).waitFor();
  expect(await panel.getByText(`CHECK CRITICAL - ${HOSTILE}`, { exact: true }).count()).toBe(1);
  await page.keyboard.press('Escape');
  // Incident list, row and details.
  const item = incidentItem(HOSTILE, hostileSite.name);
  await item.getByRole('button', { name: `Détails de l’incident ${HOSTILE}` }).click();
  await item.getByRole('heading', { name: HOSTILE, level: 3 }).waitFor();
  // GTI panel.
  await gtiItem(HOSTILE, hostileSite.name).waitFor();
  await expectNoMarkupInjected(page);

  const wall = await browser.newPage({ viewport: VIEWPORTS.wall });
  recordDialogs(wall, dialogs);
  await wall.goto(`${gateway.url}/wall?token=${gateway.kioskToken}&rotate=5`);
  await expect.poll(() => wall.locator('#wall-focus-title').textContent(), { timeout: 20_000 }).toBe(hostileCollectivite.name);
  const focus = wall.getByRole('main');
  await focus.getByText(HOSTILE).first().waitFor();
  expect(await focus.textContent()).toContain(`CHECK CRITICAL - ${HOSTILE}`);
  await expectNoMarkupInjected(wall);
  await wall.screenshot({ path: screenshotPath('wall-hostile-probe-1920x1080') });
  await wall.close();
  expect(dialogs).toEqual([]);
});

test('the dashboard and the wall run under the gateway’s Content-Security-Policy without one violation', async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS.wall });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations = (p: Page) => p.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  const dashboard = await context.newPage();
  const response = await dashboard.goto(`${gateway.url}/login`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  expect(response?.headers()['x-frame-options']).toBe('DENY');
  await signIn(dashboard, gateway.url, support);
  await expect.poll(async () => total(await legendCounts(dashboard)), { timeout: 20_000 }).toBe(estate.sites.length);
  // The site panel, the incident details and the SLA charts are drawn too.
  await dashboard.getByRole('region', { name: 'Incidents' }).getByRole('listitem').first().getByRole('button').first().click();
  await dashboard.waitForTimeout(500);
  expect(await violations(dashboard)).toEqual([]);
  const wall = await context.newPage();
  await wall.goto(`${gateway.url}/wall?token=${gateway.kioskToken}&rotate=5`);
  await wall.locator('#wall-focus-title').waitFor();
  await wall.waitForTimeout(500);
  expect(await violations(wall)).toEqual([]);
  await context.close();
});

/** No element was made from the probe's text, and nothing ran. */
async function expectNoMarkupInjected(p: Page): Promise<void> {
  // Give a would-be onerror time to fire.
  await p.waitForTimeout(300);
  expect(await p.locator('img[src="x"], [onerror]').count()).toBe(0);
  expect(dialogs).toEqual([]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
