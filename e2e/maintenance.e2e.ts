// Planned maintenance end to end in Chromium against the real gateway and simulator: support
// schedules a window from the dashboard (clicks and keys), the référent's phone shows it with the
// nature of the work, support cancels it and the référent's list follows live; a running window
// shows as "Maintenance en cours" on the wall, and the probe it covers opens no incident; on the
// desk's map the site under work has the dashed maintenance ring, a legend entry, and its keyboard
// label and announcement say "en maintenance".
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { recordDialogs, screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { injectProbeState, signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { canvasPixels, legendCounts, probesOfSite } from './map-readers.ts';
import { pickCollectivite } from './collectivite-picker.ts';
import { startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

const NATURE = 'mise à jour du serveur';
const estate = generateEstate({ seed: 57, scale: 'small' });
const [own] = estate.collectivites.filter((c) => estate.sites.some((s) => s.collectiviteId === c.id));
const ownSites = estate.sites.filter((s) => s.collectiviteId === own!.id);

let stack: E2eStack | undefined;
let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let support: DemoAccount;
let referent: DemoAccount;
const dialogs: string[] = [];

beforeAll(async () => {
  stack = await startE2eStack('vigie-maintenance-e2e-', stillEstateEnv());
  ({ dataDir, gateway, browser } = stack);
  support = stack.support;
  referent = stack.referentOf(own!.name)!;
});

afterAll(async () => {
  await stopE2eStack(stack);
});

const maintenanceRegion = (page: Page) => page.getByRole('region', { name: 'Maintenances planifiées' });

test('support schedules a window from the UI, the référent sees it with the nature of the work, cancelling reaches the référent live', async () => {
  const desk = await browser.newPage({ viewport: VIEWPORTS.wall });
  recordDialogs(desk, dialogs);
  await signIn(desk, gateway.url, support);
  const region = maintenanceRegion(desk);
  await region.getByText('Aucune maintenance prévue.').waitFor();
  await region.getByRole('button', { name: 'Planifier une maintenance' }).click();
  const form = region.getByRole('form', { name: 'Planifier une maintenance' });
  await pickCollectivite(form, own!.name);
  await form.getByLabel('Site concerné').selectOption({ label: ownSites[0]!.name });
  await form.getByLabel('Nature des travaux').click();
  await desk.keyboard.type(NATURE);
  await form.getByRole('button', { name: 'Planifier' }).click();
  await region.getByRole('status').filter({ hasText: 'Maintenance enregistrée.' }).waitFor();
  const row = region.getByRole('listitem').filter({ hasText: NATURE });
  await row.waitFor();
  expect(await row.textContent()).toMatch(new RegExp(`Maintenance prévue le \\d\\d/\\d\\d de \\d+ h à \\d+ h : ${NATURE}`));
  expect(await row.textContent()).toContain(ownSites[0]!.name);
  await desk.screenshot({ path: screenshotPath('maintenance-support-1920x1080') });

  const phone = await (await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true })).newPage();
  recordDialogs(phone, dialogs);
  await signIn(phone, gateway.url, referent);
  const referentRow = maintenanceRegion(phone).getByRole('listitem').filter({ hasText: NATURE });
  await referentRow.waitFor();
  expect(await referentRow.textContent()).toMatch(/Maintenance prévue le \d\d\/\d\d de \d+ h à \d+ h/);
  // A référent reads: no scheduling, no cancelling.
  expect(await maintenanceRegion(phone).getByRole('button').count()).toBe(0);
  await referentRow.scrollIntoViewIfNeeded();
  await phone.screenshot({ path: screenshotPath('maintenance-referent-390x844') });

  await row.getByRole('button', { name: 'Annuler' }).click();
  await region.getByRole('status').filter({ hasText: 'Maintenance annulée.' }).waitFor();
  // The référent's phone follows without a reload (live `maintenances` event).
  await maintenanceRegion(phone).getByText('Aucune maintenance prévue.').waitFor({ timeout: 10_000 });
  expect(dialogs).toEqual([]);
});

test('a running window: no incident for the work it covers, "Maintenance en cours" on the wall', async () => {
  const login = await fetch(`${gateway.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: support.login, password: support.password }) });
  const { token } = (await login.json()) as { token: string };
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${gateway.url}/api/v1${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  const start = Date.now();
  const created = await api('POST', '/maintenances', { collectiviteId: own!.id, siteIds: [ownSites[0]!.id], start, end: start + 2 * 3_600_000, nature: 'remplacement du commutateur' });
  expect(created.status).toBe(201);
  const covered = probesOfSite(estate, ownSites[0]!.id)[0]!;
  // The simulated engine puts the site's probes in downtime; the work then breaks one.
  await expect.poll(async () => ((await (await api('GET', `/probes/${covered.id}`)).json()) as { status?: { inDowntime: boolean } }).status?.inDowntime, { timeout: 10_000 }).toBe(true);
  await injectProbeState(dataDir, covered.id, 'CRITICAL', 'PING CRITICAL - commutateur débranché');
  // Elsewhere in the collectivité, a real problem: the wall rotates to collectivités with incidents.
  const elsewhere = ownSites[1] ? probesOfSite(estate, ownSites[1].id)[0]! : probesOfSite(estate, ownSites[0]!.id)[1]!;
  await injectProbeState(dataDir, elsewhere.id, 'CRITICAL', 'CHECK_NRPE CRITICAL - disque plein');
  const incidents = async () => ((await (await api('GET', `/incidents?collectiviteId=${own!.id}&status=active`)).json()) as { items: Array<{ probeId: string }> }).items.map((i) => i.probeId);
  await expect.poll(incidents, { timeout: 10_000 }).toContain(elsewhere.id);
  expect(await incidents()).not.toContain(covered.id);

  const wall = await browser.newPage({ viewport: VIEWPORTS.wall });
  await wall.goto(`${gateway.url}/wall?token=${gateway.kioskToken}&rotate=600`);
  const card = wall.getByRole('region', { name: 'Maintenance en cours' });
  await card.waitFor({ timeout: 20_000 });
  // The probes in downtime show at once, the window's sentence once the list is fetched.
  await expect.poll(() => card.textContent(), { timeout: 10_000 }).toMatch(/Maintenance en cours jusqu’à (\d\d\/\d\d )?\d+ h( \d\d)? : remplacement du commutateur/);
  await wall.screenshot({ path: screenshotPath('maintenance-wall-1920x1080') });
});

test('the desk map marks the site under planned work: dashed ring, legend entry, "en maintenance" for the keyboard', async () => {
  // The window of the previous test is still running on the first site.
  const desk = await browser.newPage({ viewport: VIEWPORTS.wall });
  recordDialogs(desk, dialogs);
  await signIn(desk, gateway.url, support);
  await pickCollectivite(desk, own!.name, { label: 'Périmètre' });
  await expect.poll(async () => (await legendCounts(desk))['En maintenance'], { timeout: 10_000 }).toBe(1);
  /** MAINTENANCE_STYLE.color (#7dd3fc), drawn only by the maintenance ring. */
  await expect.poll(() => canvasPixels(desk, [0x7d, 0xd3, 0xfc]), { timeout: 10_000 }).toBeGreaterThan(20);
  await desk.screenshot({ path: screenshotPath('maintenance-map-legend-1920x1080') });

  const map = desk.locator('.leaflet-container');
  const label = desk.locator('.vigie-site-tooltip');
  for (let i = 0; i < 40 && !(await map.evaluate((el) => el === document.activeElement)); i++) await desk.keyboard.press('Tab');
  await label.waitFor();
  const seen: string[] = [(await label.textContent())!];
  // From the first focus, short arrow paths (Escape and an arrow bring the focus back there) until
  // the site under work holds it; the sites of a commune sit a few pixels apart.
  const [L, R, U, D] = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
  const paths = [[L], [L, L], [L, L, L], [R], [U], [D], [L, U], [L, D], [U, L], [D, L], [R, R], [U, U], [D, D], [R, U], [R, D], [U, R], [D, R]];
  for (const path of paths) {
    if (seen.at(-1)!.includes('en maintenance')) break;
    await desk.keyboard.press('Escape');
    await desk.keyboard.press(R); // the focus comes back on the first site
    for (const key of path) {
      await desk.keyboard.press(key);
      seen.push((await label.textContent())!);
      if (seen.at(-1)!.includes('en maintenance')) break;
    }
  }
  const text = seen.at(-1)!;
  expect(text, `labels seen: ${[...new Set(seen)].join(' | ')}`).toMatch(new RegExp(`(^${escape(ownSites[0]!.name)} \\(${escape(own!.name)}\\) — .+ — en maintenance$)|(^\\d+ sites — pire état : .+ — 1 site en maintenance$)`));
  expect(await desk.locator('.leaflet-container [role="status"]').textContent()).toBe(text);
  await desk.screenshot({ path: screenshotPath('maintenance-map-marker-1920x1080') });
  expect(dialogs).toEqual([]);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
