// Reports end to end in Chromium against the real gateway: support opens the reports screen,
// picks a collectivité and a period by clicks (previous period, year), downloads a table as CSV
// and the collectivité's PDF; a référent on a phone downloads their own semester report. The
// files are read back: the CSV's BOM, separator and rows, the PDF's text (pdftotext).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { copyFileSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { pdfPages, pdfText, popplerMissing } from '../server/reports/pdf/pdf-tools.test-kit.ts';
import { recordDialogs, screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { injectProbeState, signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { pickCollectivite } from './collectivite-picker.ts';
import { startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

const estate = generateEstate({ seed: 57, scale: 'small' });
const [own, other] = estate.collectivites.filter((c) => estate.sites.some((s) => s.collectiviteId === c.id));
const ownProbe = estate.probes.find((p) => estate.sites.find((s) => s.id === estate.equipment.find((e) => e.id === p.equipmentId)?.siteId)?.collectiviteId === own!.id)!;

let stack: E2eStack | undefined;
let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let support: DemoAccount;
let referent: DemoAccount;
const dialogs: string[] = [];

beforeAll(async () => {
  stack = await startE2eStack('vigie-reports-e2e-', stillEstateEnv());
  ({ dataDir, gateway, browser } = stack);
  support = stack.support;
  referent = stack.referentOf(own!.name)!;
  await injectProbeState(dataDir, ownProbe.id, 'CRITICAL', 'CRITICAL - lien coupé');
});

afterAll(async () => {
  await stopE2eStack(stack);
});

/** Clicks `button` and returns the file the browser downloads. */
async function downloadBy(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

test('support picks a collectivité and a period, downloads a CSV table and the PDF report by clicks', async () => {
  const desk = await browser.newPage({ viewport: VIEWPORTS.wall });
  recordDialogs(desk, dialogs);
  await signIn(desk, gateway.url, support);
  await desk.getByRole('link', { name: 'Rapports' }).click();
  await desk.getByRole('heading', { name: 'Rapports' }).waitFor();
  // All collectivités first: per collectivité table, no PDF (a PDF is per collectivité).
  await desk.getByRole('heading', { name: 'Disponibilité par collectivité' }).waitFor();
  await desk.getByText('Choisissez une collectivité pour son rapport PDF.').waitFor();
  await pickCollectivite(desk, own!.name, { label: 'Collectivité du rapport' });
  await desk.getByRole('heading', { name: 'Disponibilité par service' }).waitFor();
  // Per service = the convention's four services, named as in the référent's view.
  const serviceNames = await desk.getByRole('region', { name: 'Disponibilité par service' }).first().locator('tbody tr td:first-child').allTextContents();
  expect(serviceNames.length).toBeGreaterThan(0);
  for (const name of serviceNames) expect(['Accès à Internet', 'Liens inter-sites et réseau', 'Serveurs et disques', 'Caméras']).toContain(name);

  // The previous month is one click away, and back; then the whole year.
  const label = desk.getByText(/^Du \d\d\/\d\d\/\d{4} au \d\d\/\d\d\/\d{4}$/);
  const thisMonth = await label.textContent();
  await desk.getByRole('button', { name: '‹ Période précédente' }).click();
  await expect.poll(() => label.textContent()).not.toBe(thisMonth);
  await desk.getByRole('button', { name: 'Période suivante ›' }).click();
  await expect.poll(() => label.textContent()).toBe(thisMonth);
  await desk.getByRole('button', { name: 'Année' }).click();
  await expect.poll(() => label.textContent()).toMatch(/^Du 01\/01\/\d{4} au 31\/12\/\d{4}$/);
  await desk.getByRole('region', { name: 'Incidents' }).getByText(ownProbe.name).first().waitFor();
  await desk.screenshot({ path: screenshotPath('reports-support-1920x1080'), fullPage: false });

  const csv = await downloadBy(desk, () => desk.getByRole('button', { name: 'CSV — Incidents' }).click());
  expect(csv.name).toMatch(new RegExp(`^incidents-${own!.id}-\\d{4}-01-01\\.csv$`));
  const text = csv.bytes.toString('utf8');
  expect(text.startsWith('\uFEFFincident;collectivite_id;site;sonde;')).toBe(true);
  expect(text).toContain(ownProbe.name);
  expect(text).not.toContain(other!.id);
  await desk.getByRole('status').filter({ hasText: `Fichier téléchargé : ${csv.name}` }).waitFor();

  // Without the French option: ',' and no BOM.
  await desk.getByLabel('CSV pour tableur français (séparateur « ; », BOM UTF-8)').uncheck();
  const plain = await downloadBy(desk, () => desk.getByRole('button', { name: 'CSV — Disponibilité par service' }).click());
  expect(plain.bytes.toString('utf8').startsWith('service,sondes,disponibilite_pct,')).toBe(true);

  const pdf = await downloadBy(desk, () => desk.getByRole('button', { name: 'Télécharger le rapport PDF' }).click());
  expect(pdf.name).toMatch(new RegExp(`^rapport-${own!.id}-\\d{4}-01-01-\\d{4}-12-31\\.pdf$`));
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  if (!popplerMissing) {
    const pdfWords = pdfText(pdf.bytes);
    expect(pdfWords).toContain('Rapport de service');
    expect(pdfWords).toContain(own!.name);
    expect(pdfWords).toContain(ownProbe.name);
    expect(pdfWords).not.toContain(other!.name);
    // Its second page (availability chart and tables) as an image, for docs/screenshots.
    const pages = pdfPages(pdf.bytes, 80);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    copyFileSync(pages[1]!, screenshotPath('reports-pdf-page-2'));
  }
  expect(dialogs).toEqual([]);
});

test('a référent on a phone downloads their semester report', async () => {
  const phone = await (await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true })).newPage();
  recordDialogs(phone, dialogs);
  await signIn(phone, gateway.url, referent);
  await phone.getByRole('link', { name: 'Rapports' }).click();
  await phone.getByRole('heading', { name: 'Disponibilité par service' }).waitFor();
  // No choice of collectivité for a référent: their own only.
  expect(await phone.getByRole('combobox', { name: 'Collectivité du rapport' }).count()).toBe(0);
  await phone.getByRole('button', { name: 'Semestre' }).click();
  await phone.getByText(/^Du 01\/(01|07)\/\d{4} au (30\/06|31\/12)\/\d{4}$/).waitFor();
  await phone.screenshot({ path: screenshotPath('reports-referent-390x844') });
  const pdf = await downloadBy(phone, () => phone.getByRole('button', { name: 'Télécharger le rapport PDF' }).click());
  expect(pdf.name).toMatch(new RegExp(`^rapport-${own!.id}-`));
  if (!popplerMissing) {
    const words = pdfText(pdf.bytes);
    expect(words).toContain(own!.name);
    expect(words).not.toContain(other!.name);
  }
  expect(dialogs).toEqual([]);
});
