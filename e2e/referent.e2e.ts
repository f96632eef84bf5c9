// A référent on a phone (390×844, touch) against the real gateway and simulator: they see their
// collectivité only — in the UI, in every HTTP response and in every socket frame the page
// receives — while changes elsewhere in the département (one on a probe renamed like markup) are
// forced through the gateway's test hook; their own change reaches their map; the layout has no
// sideways scroll and the map, problem list and site panel work by touch.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { launchChromium, recordDialogs, screenshotPath, VIEWPORTS } from './browser.ts';
import { startGateway, stopGateway, type Gateway } from './gateway-process.ts';
import { demoAccounts, injectProbeState, signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { canvasPixels, CRITICAL_RGB, horizontalOverflow, legendCounts, legendItems, probesOfSite, total } from './map-readers.ts';

const ROOT = join(import.meta.dirname, '..');
const HOSTILE = '<img src=x onerror=alert(1)>';
/** Any collectivité id, alone or as the prefix of a site, equipment or probe id. */
const COLLECTIVITE_ID = /\bc-\d{5}\b/g;

const estate = generateEstate({ seed: 57, scale: 'small' });
// The demo référents belong to the first two collectivités having sites (docs/accounts.md).
const [own, other] = estate.collectivites.filter((c) => estate.sites.some((s) => s.collectiviteId === c.id));
const ownSites = estate.sites.filter((s) => s.collectiviteId === own!.id);
const ownProbe = probesOfSite(estate, ownSites[0]!.id)[0]!;
const otherSite = estate.sites.find((s) => s.collectiviteId === other!.id)!;
const otherProbe = probesOfSite(estate, otherSite.id)[0]!;

let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let referent: DemoAccount;
/** Everything the référent's page received: HTTP bodies (by URL) and socket frames. */
const bodies: Array<{ url: string; body: Promise<string> }> = [];
const frames: string[] = [];
const dialogs: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build the SPA first (npm run test:e2e does)');
  dataDir = await freshDataDir('vigie-referent-e2e-'); // migrated template: no initdb per file
  [gateway, browser] = await Promise.all([startGateway({ dataDir, env: stillEstateEnv({ [otherProbe.id]: HOSTILE }) }), launchChromium()]);
  referent = (await demoAccounts(gateway)).find((a) => a.role === 'referent' && a.collectiviteName === own!.name)!;
  expect(referent, `a demo référent for ${own!.name}`).toBeDefined();
  context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  page = await context.newPage();
  page.on('response', (response) => bodies.push({ url: response.url(), body: response.text().catch(() => '') }));
  page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8'))));
  recordDialogs(page, dialogs);
});

afterAll(async () => {
  await browser?.close();
  if (gateway) await stopGateway(gateway);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

/** Schedule a window as support over the API (the support UI has its own test); returns its id. */
async function scheduleAsSupport(collectiviteId: string, siteId: string, nature: string): Promise<string> {
  const support = (await demoAccounts(gateway)).find((a) => a.role === 'support')!;
  const login = await fetch(`${gateway.url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: support.login, password: support.password }) });
  const { token } = (await login.json()) as { token: string };
  const start = Date.now() + 3_600_000;
  const res = await fetch(`${gateway.url}/api/v1/maintenances`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ collectiviteId, siteIds: [siteId], start, end: start + 2 * 3_600_000, nature }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

const problemButton = (probeName: string, siteName: string) =>
  page.getByRole('region', { name: /^Problèmes en cours/ }).getByRole('button', { name: new RegExp(`^${escape(probeName)} ${escape(siteName)} `) });

test('a référent sees their collectivité only: in the UI, every HTTP response and every socket frame', async () => {
  await signIn(page, gateway.url, referent);
  await page.getByRole('region', { name: 'Carte des sites supervisés' }).waitFor();
  // The phone shows the compact legend; the counted one is in the page, hidden: attached is enough.
  await legendItems(page).first().waitFor({ state: 'attached' });
  await expect.poll(async () => total(await legendCounts(page)), { timeout: 20_000 }).toBe(ownSites.length);
  expect(await page.getByRole('banner').textContent()).toContain(own!.name);
  expect(await page.getByRole('combobox', { name: 'Périmètre' }).count()).toBe(0);

  // Elsewhere first (a markup-named probe of the other référent's collectivité), then at home: the
  // stream is ordered, so once our own change is on screen a leaked one would have come first.
  // Support schedules maintenance elsewhere (hostile nature) and at home: pushed live to scopes.
  const otherWindow = await scheduleAsSupport(other!.id, otherSite.id, `Travaux ${HOSTILE}`);
  const ownWindow = await scheduleAsSupport(own!.id, ownSites[0]!.id, 'mise à jour du serveur');
  await injectProbeState(dataDir, otherProbe.id, 'CRITICAL', `CHECK CRITICAL - ${HOSTILE}`);
  await injectProbeState(dataDir, ownProbe.id, 'CRITICAL', 'PING CRITICAL - Packet loss = 100%');
  await problemButton(ownProbe.name, ownSites[0]!.name).waitFor();
  await expect.poll(async () => (await legendCounts(page)).Critique, { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
  await expect.poll(() => canvasPixels(page, CRITICAL_RGB), { timeout: 5_000 }).toBeGreaterThan(0);
  await page.getByRole('region', { name: 'GTI — interventions en cours' }).getByText(ownProbe.name).first().waitFor();
  await page.getByRole('region', { name: 'Vos services : disponibilité' }).locator('[data-sentence]').first().waitFor();
  expect(await page.getByText(HOSTILE).count()).toBe(0);

  const http = await Promise.all(bodies.map(async ({ url, body }) => ({ url, body: await body })));
  const api = http.filter((r) => new URL(r.url).pathname.startsWith('/api/'));
  // The capture works: the page read its own collectivité over both channels.
  expect(api.length).toBeGreaterThan(3);
  expect(api.some((r) => r.body.includes(own!.id))).toBe(true);
  expect(frames.some((f) => f.includes(own!.id) && f.includes(ownProbe.id))).toBe(true);
  expect(frames.some((f) => f.includes('maintenances') && f.includes(ownWindow))).toBe(true);
  expect(frames.filter((f) => f.includes(otherWindow))).toEqual([]);

  const seen = new Map<string, string>();
  for (const { url, body } of http) for (const id of body.match(COLLECTIVITE_ID) ?? []) if (id !== own!.id) seen.set(id, url);
  for (const f of frames) for (const id of f.match(COLLECTIVITE_ID) ?? []) if (id !== own!.id) seen.set(id, `socket frame ${f.slice(0, 120)}`);
  expect(Object.fromEntries(seen)).toEqual({});
  expect(http.filter((r) => r.body.includes(HOSTILE) || r.body.includes(otherProbe.id)).map((r) => r.url)).toEqual([]);
  expect(frames.filter((f) => f.includes(HOSTILE) || f.includes(otherProbe.id))).toEqual([]);
  expect(dialogs).toEqual([]);

  // Asking for the other collectivité directly, with the référent's own token, is refused.
  const refused = await page.evaluate(async ({ otherId, otherProbeId }) => {
    const token = (JSON.parse(sessionStorage.getItem('vigie.session') ?? '{}') as { token?: string }).token;
    const headers = { Authorization: `Bearer ${token}` };
    const one = await fetch(`/api/v1/collectivites/${otherId}`, { headers });
    const incidents = await fetch(`/api/v1/incidents?collectiviteId=${otherId}`, { headers });
    const bulk = await fetch('/api/v1/incidents/actions', {
      method: 'POST',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({ incidentIds: [`x@${otherId}@1`], action: { action: 'comment', comment: 'hello' } }),
    });
    const windows = await fetch(`/api/v1/maintenances?collectiviteId=${otherId}`, { headers });
    const schedule = await fetch('/api/v1/maintenances', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ collectiviteId: otherId, siteIds: [], start: Date.now() + 3_600_000, end: Date.now() + 7_200_000, nature: 'x' }) });
    // Alarm recipients (#15): saving one for the other collectivité is refused, the list holds only the caller.
    const recipient = { audience: 'referent', collectiviteId: otherId, name: 'x', email: 'x@example.fr', language: 'fr', rules: { events: {}, smsWindow: 'always' } };
    const save = await fetch('/api/v1/alarms/recipients/x-other', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(recipient) });
    const recipients = await fetch('/api/v1/alarms/recipients', { headers });
    // Dead letters are support's (they name every collectivité's recipients).
    const deadLetters = await fetch('/api/v1/alarms/dead-letters', { headers });
    const retry = await fetch('/api/v1/alarms/dead-letters/retry', { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ ids: ['x'] }) });
    // Managed IT (#18): the other collectivité's conventions, actions and tickets are refused, and a référent logs no action.
    const json = { ...headers, 'content-type': 'application/json' };
    const managedIt = [
      await fetch(`/api/v1/managed-it/conventions?collectiviteId=${otherId}`, { headers }),
      await fetch(`/api/v1/managed-it/actions?collectiviteId=${otherId}`, { headers }),
      await fetch(`/api/v1/managed-it/tickets?collectiviteId=${otherId}`, { headers }),
      await fetch(`/api/v1/managed-it/report.pdf?collectiviteId=${otherId}`, { headers }),
      await fetch(`/api/v1/export/contribution.csv?collectiviteId=${otherId}`, { headers }),
      await fetch(`/api/v1/contribution/appel.pdf?collectiviteId=${otherId}`, { headers }),
      await fetch('/api/v1/managed-it/tickets', { method: 'POST', headers: json, body: JSON.stringify({ collectiviteId: otherId, subject: 'x', description: 'y' }) }),
      await fetch('/api/v1/managed-it/actions', { method: 'POST', headers: json, body: JSON.stringify({ collectiviteId: otherId, at: Date.now(), durationMinutes: 15, place: 'remote', kind: 'curative', technician: 't', description: 'd' }) }),
      await fetch('/api/v1/managed-it/conventions', { method: 'POST', headers: json, body: JSON.stringify({ collectiviteId: otherId, number: 'X', start: Date.now(), end: Date.now() + 1000, unitsBought: 1 }) }),
    ].map((r) => r.status);
    // History charts (#18): another collectivité's probe is refused.
    const history = await fetch(`/api/v1/history?probeId=${encodeURIComponent(otherProbeId)}`, { headers });
    return [one.status, incidents.status, bulk.status, windows.status, schedule.status, save.status, deadLetters.status, retry.status, history.status, recipients.status, await recipients.text(), ...managedIt];
  }, { otherId: other!.id, otherProbeId: otherProbe.id });
  expect(refused.slice(0, 10)).toEqual([403, 403, 403, 403, 403, 403, 403, 403, 403, 200]);
  expect(refused.slice(11)).toEqual([403, 403, 403, 403, 403, 403, 403, 403, 403]);
  // The other référent's recipient exists (demo recipients): the list must not carry it.
  expect(refused[10]).not.toContain(other!.id);
  expect(refused[10]).toContain(own!.id);
});

test('on a 390×844 phone the map, the problems and the site panel work by touch, with no sideways scroll', async () => {
  expect(await horizontalOverflow(page)).toBe(0);
  const map = await page.getByRole('region', { name: 'Carte des sites supervisés' }).boundingBox();
  expect(map!.width).toBeGreaterThanOrEqual(VIEWPORTS.phone.width - 2);
  expect(map!.height).toBeGreaterThanOrEqual(300);
  await expect.poll(() => canvasPixels(page), { timeout: 10_000 }).toBeGreaterThan(50);
  await page.screenshot({ path: screenshotPath('referent-phone-390x844') });

  const problem = problemButton(ownProbe.name, ownSites[0]!.name);
  const target = await problem.boundingBox();
  expect(target!.height).toBeGreaterThanOrEqual(44); // a comfortable touch target
  await problem.tap();
  const panel = page.getByRole('complementary', { name: ownSites[0]!.name });
  await panel.getByText('PING CRITICAL - Packet loss = 100%', { exact: true }).waitFor();
  const box = await panel.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(VIEWPORTS.phone.width + 0.5);
  expect(await horizontalOverflow(page)).toBe(0);
  // The selected (critical) site stays in sight in the part of the map the sheet leaves visible.
  await expect.poll(() => canvasPixels(page, CRITICAL_RGB, box!.y), { timeout: 5_000 }).toBeGreaterThan(20);
  await page.screenshot({ path: screenshotPath('referent-phone-site-panel') });

  const close = panel.getByRole('button', { name: 'Fermer le détail du site' });
  const closeBox = await close.boundingBox();
  expect(Math.min(closeBox!.width, closeBox!.height)).toBeGreaterThanOrEqual(24); // WCAG 2.5.8 target size
  await close.tap();
  await panel.waitFor({ state: 'detached' });

  // In English (longer labels), the phone still has no sideways scroll.
  await page.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).tap();
  await page.getByRole('region', { name: /^Current problems/ }).waitFor();
  expect(await horizontalOverflow(page)).toBe(0);
  await page.screenshot({ path: screenshotPath('referent-phone-english') });
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: 'fr' }).tap();
  await page.getByRole('region', { name: /^Problèmes en cours/ }).waitFor();
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
