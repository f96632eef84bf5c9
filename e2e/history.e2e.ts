// History charts end to end (#18 item 3) in Chromium at 1920×1080 against the real gateway:
// support opens a critical probe's site sheet from the problems, then the probe's history by
// clicks; the state bands, the daily bars against 96 % and the data tables render with the stored
// states; the previous month is one click away; Esc closes the dialog only; the site's history too.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { axeReport } from './axe.ts';
import { recordDialogs, screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { injectProbeState, signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { horizontalOverflow } from './map-readers.ts';
import { startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

const estate = generateEstate({ seed: 57, scale: 'small' });
const siteOf = (equipmentId: string) => estate.sites.find((s) => s.id === estate.equipment.find((e) => e.id === equipmentId)?.siteId)!;
const probe = estate.probes[0]!;
const site = siteOf(probe.equipmentId);

let stack: E2eStack | undefined;
let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let page: Page;
let referent: DemoAccount;
const dialogs: string[] = [];

beforeAll(async () => {
  stack = await startE2eStack('vigie-history-e2e-', stillEstateEnv());
  ({ dataDir, gateway, browser } = stack);
  const support = stack.support;
  const collectivite = estate.collectivites.find((c) => c.id === site.collectiviteId)!;
  referent = stack.referentOf(collectivite.name)!;
  await injectProbeState(dataDir, probe.id, 'CRITICAL', 'CRITICAL - lien coupé');
  page = await browser.newPage({ viewport: VIEWPORTS.wall });
  recordDialogs(page, dialogs);
  await signIn(page, gateway.url, support);
});

afterAll(async () => {
  await stopE2eStack(stack);
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test("support opens a probe's history from the site sheet: charts and data tables with the stored states", async () => {
  await page.getByRole('region', { name: /^Problèmes en cours/ }).getByRole('button', { name: new RegExp(`^Critique .* · ${escape(site.name)} · `) }).first().click({ timeout: 20_000 });
  const panel = page.getByRole('complementary', { name: site.name });
  await panel.getByText('CRITICAL - lien coupé').waitFor();
  await panel.getByRole('button', { name: `Historique de la sonde ${probe.name}` }).click();

  const dialog = page.getByRole('dialog', { name: `Historique — ${probe.name}` });
  await dialog.waitFor();
  // The state bands: one stacked rectangle per band, CRITICAL's colour among them.
  const bands = dialog.getByTestId('history-timeline').locator('.recharts-bar-rectangle path');
  await expect.poll(() => bands.count(), { timeout: 15_000 }).toBeGreaterThan(1);
  expect(await bands.evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')))).toContain('#ef4444');
  // The daily chart draws the 96 % line.
  await dialog.getByTestId('history-daily').locator('.recharts-reference-line').waitFor({ state: 'attached' }); // a flat line: no height, never "visible"
  expect(await dialog.getByTestId('history-daily').textContent()).toMatch(/96\s%/); // its label (the axis says 0, 25, 50, 75, 100 %)

  // The same figures as tables, behind "Voir les données".
  await dialog.getByText('Voir les données').click();
  const bandRows = dialog.getByRole('region', { name: 'États sur la période' }).getByRole('row');
  await expect.poll(() => bandRows.filter({ hasText: 'Critique' }).count()).toBe(1);
  expect(await bandRows.last().locator('td').last().textContent()).toBe('Critique'); // the latest state: still critical
  const dayRows = dialog.getByRole('region', { name: 'Disponibilité par jour' }).getByRole('row');
  const days = (await dayRows.count()) - 1; // without the header
  expect(days).toBeGreaterThanOrEqual(28);
  expect(days).toBeLessThanOrEqual(31);
  // Every measured day has its bar, and only those (nothing is drawn for the unmeasured ones).
  const measured = await dayRows.filter({ hasText: /\d,\d\d\s%/ }).count();
  const bars = await dialog.getByTestId('history-daily').locator('.recharts-bar-rectangle path').count();
  expect(bars).toBe(measured);
  console.log(`history e2e: ${days} days, ${measured} measured (bars), ${await bandRows.count() - 1} bands`);

  expect(await axeReport(page, 'history dialog')).toEqual([]);
  await page.screenshot({ path: screenshotPath('history-probe-1920x1080') });

  // The previous month is one click away: the label moves back and the tables follow (one row per day).
  const label = dialog.getByText(/^Du \d\d\/\d\d\/\d{4} au \d\d\/\d\d\/\d{4}$/);
  const thisMonth = await label.textContent();
  await dialog.getByRole('button', { name: '‹ Période précédente' }).click();
  await expect.poll(() => label.textContent()).not.toBe(thisMonth);
  const lastDay = Number((await label.textContent())!.match(/au (\d\d)\//)![1]);
  await expect.poll(() => dayRows.count(), { timeout: 15_000 }).toBe(lastDay + 1);
  expect(await dayRows.nth(1).locator('td').first().textContent()).toBe((await label.textContent())!.slice(3, 13));

  // Escape closes the dialog, not the site sheet under it.
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  await panel.waitFor();

  // The site's history: its worst probe, so the critical band too.
  await panel.getByRole('button', { name: `Historique du site ${site.name}` }).click();
  const siteDialog = page.getByRole('dialog', { name: `Historique — ${site.name}` });
  await siteDialog.getByText('Voir les données').click();
  await expect.poll(() => siteDialog.getByRole('region', { name: 'États sur la période' }).getByRole('row').filter({ hasText: 'Critique' }).count(), { timeout: 15_000 }).toBe(1);
  await siteDialog.getByRole('button', { name: 'Fermer' }).click();
  await siteDialog.waitFor({ state: 'detached' });
  expect(dialogs).toEqual([]);
});

test("a référent on a 390×844 phone opens their site's history by touch, in English, with no sideways scroll", async () => {
  const phone = await browser.newPage({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
  try {
    await signIn(phone, gateway.url, referent);
    await phone.getByRole('group', { name: 'Langue' }).getByRole('button', { name: 'English' }).tap();
    await phone.getByRole('region', { name: /^(Current problems|Problèmes en cours)/ }).getByRole('button', { name: new RegExp(`^${escape(probe.name)} ${escape(site.name)} `) }).first().tap({ timeout: 20_000 });
    await phone.getByRole('complementary', { name: site.name }).getByRole('button', { name: `History of site ${site.name}` }).tap();
    const dialog = phone.getByRole('dialog', { name: `History — ${site.name}` });
    await dialog.getByText('Show the data').tap();
    await expect.poll(() => dialog.getByRole('region', { name: 'States over the period' }).getByRole('row').filter({ hasText: 'Critical' }).count(), { timeout: 15_000 }).toBe(1);
    expect(await horizontalOverflow(phone)).toBe(0);
    await phone.screenshot({ path: screenshotPath('history-site-phone-en') });
  } finally {
    await phone.close();
  }
});
