// #17's journeys against the real gateway and simulator: an EPCI-wide fibre cut starts while the
// wall is already running (the cut area is on screen at once, not after a 39-minute cycle), the
// support cell acknowledges the whole cut with one comment from the desk, and triages another
// problem with the keyboard only. The cut is forced through the gateway's test hooks (a still
// estate: no background faults), everything else is driven as people would, in Chromium.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { indexEstate } from '../src/domain/estate-index.ts';
import { searchFold } from '../src/domain/search-fold.ts';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { axeReport } from './axe.ts';
import { screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { injectProbeState, stillEstateEnv } from './gateway-session.ts';
import { openSupportDesk, startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

const estate = generateEstate({ seed: 57, scale: 'small' });
const index = indexEstate(estate);
/** The cut area: the EPCI with the most sites (an EPCI-wide fibre cut, as SIM_SCENARIO=storm does). */
const EPCI = (() => {
  const sites = new Map<string, number>();
  for (const s of estate.sites) {
    const epci = index.collectivites.get(s.collectiviteId)?.epci;
    if (epci) sites.set(epci, (sites.get(epci) ?? 0) + 1);
  }
  return [...sites].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
})();
const cutSites = estate.sites.filter((s) => index.collectivites.get(s.collectiviteId)?.epci === EPCI);
const accessOf = (siteId: string) => index.probesBySite.get(siteId)?.find((p) => p.kind === 'internet');
const cutAccess = cutSites.flatMap((s) => accessOf(s.id) ?? []);
/** What the cut leaves unmeasured on a site (UNKNOWN "site unreachable"): two of its cameras or hosts. */
const unreachableOn = (siteId: string) => (index.probesBySite.get(siteId) ?? []).filter((q) => q.kind === 'camera' || q.kind === 'host').slice(0, 2);
const firstName = [...estate.collectivites].sort((a, b) => a.name.localeCompare(b.name, 'fr'))[0]!;
const calmDisk = estate.probes.find((p) => p.kind === 'disk' && index.probeRef(p.id)?.collectiviteId === firstName.id)!;
const lone = estate.probes.find((p) => p.kind === 'camera' && index.collectivites.get(index.probeRef(p.id)!.collectiviteId)?.epci !== EPCI)!;
const loneCommune = index.collectivites.get(index.probeRef(lone.id)!.collectiviteId)!;

let stack: E2eStack | undefined;
let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let wall: Page;
let desk: Page;

beforeAll(async () => {
  expect(cutAccess.length).toBeGreaterThanOrEqual(20);
  stack = await startE2eStack('vigie-storm-e2e-', stillEstateEnv());
  ({ dataDir, gateway, browser } = stack);
  // Before the storm: one warning elsewhere, so the wall is already rotating (on the first name).
  await injectProbeState(dataDir, calmDisk.id, 'WARNING', 'DISK WARNING - free space: / 9%|/=91%;85;95');
  wall = await browser.newPage({ viewport: VIEWPORTS.wall });
  await wall.goto(`${gateway.url}/wall?token=${gateway.kioskToken}&rotate=600`);
  await wall.getByRole('heading', { level: 2, name: firstName.name }).waitFor();
  desk = await openSupportDesk(stack);
}, 60_000);

afterAll(async () => {
  await stopE2eStack(stack);
});

test('a storm that starts while the wall runs is on screen at once, with its summary card', async () => {
  for (const site of cutSites) {
    const access = accessOf(site.id);
    if (access) await injectProbeState(dataDir, access.id, 'CRITICAL', 'PING CRITICAL - Packet loss = 100%|rta=0.00ms');
    for (const p of unreachableOn(site.id)) {
      await injectProbeState(dataDir, p.id, 'UNKNOWN', 'UNKNOWN - site unreachable (access router down), check could not run');
    }
  }
  const cutNames = new Set(cutSites.map((s) => index.collectivites.get(s.collectiviteId)!.name));
  // The rotation step is 10 minutes: only the priority queue can bring the cut on screen now.
  await wall.locator('[data-wall-news]').waitFor({ timeout: 15_000 });
  const onScreen = await wall.locator('#wall-focus-title').textContent();
  expect(cutNames.has(onScreen ?? '')).toBe(true);
  await wall.getByText(new RegExp(`Coupure fibre — ${EPCI} — ${cutAccess.length} sites — depuis \\d\\d:\\d\\d`)).waitFor({ timeout: 15_000 });
  // The collectivité's card folds each cut site by its cause: one line with how many probes the cut
  // leaves unmeasured, not the access probe followed by every camera "site unreachable".
  const shown = estate.collectivites.find((c) => c.name === onScreen)!;
  const unmeasured = new Set(cutSites.filter((s) => s.collectiviteId === shown.id).map((s) => unreachableOn(s.id).length).filter((n) => n > 0));
  expect(unmeasured.size).toBeGreaterThan(0);
  const card = wall.locator('section[aria-labelledby="wall-focus-title"]');
  const causeLines = card.locator('[data-wall-cause="site-cut"]');
  await causeLines.first().waitFor({ timeout: 15_000 });
  const counts = async () => (await causeLines.allTextContents()).map((text) => Number(/Coupure d’accès — (\d+) sondes? injoignables?/.exec(text)?.[1]));
  // Polled: the last injections may still be on their way.
  await expect.poll(async () => (await counts()).every((n) => unmeasured.has(n)), { timeout: 10_000 }).toBe(true);
  expect(await card.getByText(/site unreachable/).count()).toBe(0);
  // Every site in trouble is either on a card in view or counted as not shown in the header.
  const header = await wall.locator('header:has(#wall-focus-title)').textContent();
  const inTrouble = Number(/(\d+) sites? en anomalie/.exec(header ?? '')?.[1]);
  const notShown = Number(/\+ (\d+) sites? non affichés?/.exec(header ?? '')?.[1] ?? 0);
  const inView = await card.locator('ul').first().evaluate((ul) => {
    const box = ul.getBoundingClientRect();
    return [...ul.children].filter((li) => {
      const r = li.getBoundingClientRect();
      return r.left >= box.left - 1 && r.right <= box.right + 1 && r.bottom <= box.bottom + 1;
    }).length;
  });
  expect(inTrouble).toBeGreaterThan(0);
  expect(inView + notShown).toBe(inTrouble);
  expect(await axeReport(wall, 'wall-storm')).toEqual([]);
  await wall.screenshot({ path: screenshotPath('wall-storm-1920x1080') });
  await wall.setViewportSize({ width: 3840, height: 2160 });
  await wall.screenshot({ path: screenshotPath('wall-storm-3840x2160') });
});

test('the desk folds the cut into one row and acknowledges all its incidents with one comment', async () => {
  const desk$ = desk.getByRole('region', { name: /Problèmes en cours/ });
  const row = desk$.getByRole('listitem').filter({ hasText: `Coupure d’accès — ${cutAccess.length} sites, ${EPCI}` });
  await row.waitFor({ timeout: 15_000 });
  await row.getByRole('button', { name: 'Afficher le détail' }).click();
  await expect.poll(() => row.getByRole('listitem').count()).toBeGreaterThan(cutAccess.length);
  let bulkRequests = 0;
  desk.on('request', (r) => void (r.url().endsWith('/api/v1/incidents/actions') && (bulkRequests += 1)));
  await row.getByRole('checkbox').check();
  await desk$.getByLabel('Commentaire (obligatoire pour prendre en charge)').fill('Coupure fibre — opérateur prévenu');
  await desk$.getByRole('button', { name: 'Prendre en charge' }).click();
  await desk$.getByRole('status').getByText(`${cutAccess.length} incidents pris en charge.`).waitFor({ timeout: 15_000 });
  expect(bulkRequests).toBe(1);
  await row.getByText('Pris en charge').waitFor();
  await desk.screenshot({ path: screenshotPath('desk-storm-1920x1080') });
  // Recorded per incident, by whom, with the one comment.
  const token = await desk.evaluate(() => (JSON.parse(sessionStorage.getItem('vigie.session') ?? '{}') as { token?: string }).token);
  const res = await fetch(`${gateway.url}/api/v1/incidents?status=acknowledged&pageSize=500`, { headers: { Authorization: `Bearer ${token}` } });
  const { items } = (await res.json()) as { items: Array<{ probeId: string; timeline: Array<{ kind: string; by?: string; comment?: string }> }> };
  const acked = items.filter((i) => cutAccess.some((p) => p.id === i.probeId));
  expect(acked).toHaveLength(cutAccess.length);
  for (const i of acked) expect(i.timeline.at(-1)).toMatchObject({ kind: 'acknowledged', by: 'support', comment: 'Coupure fibre — opérateur prévenu' });
  // Someone on the wall sees it too, on the cut's folded line.
  await wall.locator('[data-wall-cause="site-cut"] [data-handling="acknowledged"]').first().waitFor({ timeout: 10_000 });
});

test('keyboard-only triage: / search, j to the row, a + comment + Enter, ? for help, Esc', async () => {
  await injectProbeState(dataDir, lone.id, 'CRITICAL', 'CAMERA CRITICAL - offline, no answer to ONVIF GetStatus');
  const desk$ = desk.getByRole('region', { name: /Problèmes en cours/ });
  await desk$.getByText(`${loneCommune.name} · `, { exact: false }).first().waitFor({ timeout: 15_000 });
  await desk.locator('body').click({ position: { x: 5, y: 5 } });
  await desk.keyboard.press('/');
  expect(await desk.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search');
  await desk.keyboard.type(`${loneCommune.name} ${lone.name}`);
  await desk.keyboard.press('Escape'); // leaves the field (the search stays)
  await desk.keyboard.press('j');
  const focused = () => desk.evaluate(() => document.activeElement?.closest('[data-row-id]')?.getAttribute('data-row-id'));
  expect(await focused()).toBe(`probe:${lone.id}`);
  await desk.keyboard.press('a');
  await expect.poll(() => desk.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
  await desk.keyboard.type('Caméra vue hors ligne, technicien prévenu');
  await desk.keyboard.press('Enter');
  await desk$.getByRole('status').getByText('1 incident pris en charge.').waitFor({ timeout: 10_000 });
  await desk$.locator(`[data-row-id="probe:${lone.id}"] [data-handling="acknowledged"]`).waitFor();
  await desk.keyboard.press('?');
  await desk.getByRole('dialog', { name: 'Raccourcis clavier' }).waitFor();
  await desk.keyboard.press('Escape');
  await expect.poll(() => desk.getByRole('dialog', { name: 'Raccourcis clavier' }).isVisible()).toBe(false);

  // Any site, in trouble or not, by name: "/" then the name, Tab to it, Enter opens it on the map.
  const quiet = estate.sites.find((s) => s.collectiviteId === firstName.id && s.id !== index.probeRef(calmDisk.id)!.siteId) ?? estate.sites[0]!;
  await desk.keyboard.press('/');
  await desk.keyboard.press('Control+A');
  await desk.keyboard.type(`${firstName.name} ${quiet.name}`);
  const hit = desk$.getByRole('region', { name: 'Sites (afficher sur la carte)' }).getByRole('button', { name: `${firstName.name} · ${quiet.name}` });
  await hit.waitFor();
  await hit.focus();
  await desk.keyboard.press('Enter');
  await desk.getByRole('heading', { name: quiet.name }).first().waitFor({ timeout: 10_000 });
});

test('the incidents filter finds a collectivité among hundreds by typing, accents and case aside, keyboard only', async () => {
  const filter = desk.getByRole('combobox', { name: 'Collectivité' });
  await filter.focus();
  // Typed the way people type: lower case, no accents.
  await desk.keyboard.type(searchFold(loneCommune.name));
  const list = desk.getByRole('listbox', { name: 'Collectivité' });
  await expect.poll(() => list.getByRole('option').first().textContent()).toBe(loneCommune.name);
  await desk.screenshot({ path: screenshotPath('desk-collectivite-combobox-1920x1080') });
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('Enter');
  expect(await filter.inputValue()).toBe(loneCommune.name);
  const incidents = desk.getByRole('region', { name: 'Incidents' });
  // Only that collectivité's incidents (each row names one of its sites), the camera acknowledged
  // above among them, and the single collectivité's timeline.
  await incidents.getByRole('figure', { name: 'Chronologie des incidents' }).waitFor({ timeout: 10_000 });
  const ownSites = estate.sites.filter((s) => s.collectiviteId === loneCommune.id).map((s) => s.name);
  const rowTexts = await incidents.locator('[data-incident-id]').allTextContents();
  expect(rowTexts.length).toBeGreaterThan(0);
  for (const text of rowTexts) expect(ownSites.some((name) => text.includes(name))).toBe(true);
  expect(rowTexts.some((t) => t.includes(lone.name))).toBe(true);
});
