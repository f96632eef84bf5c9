// A référent finds their yearly contribution from their own page on a 390×844 phone, by taps: the
// section under their managed IT says the probes in use, the pack and the euros (as the domain
// counts them from the estate), its link opens the contribution sheet with their row only, and
// they download their appel à contribution. axe WCAG 2 AA on both views.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { yearlyContribution } from '../src/domain/contribution.ts';
import { indexEstate } from '../src/domain/estate-index.ts';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { popplerMissing } from '../server/reports/pdf/pdf-tools.test-kit.ts';
import { axeReport } from './axe.ts';
import { recordDialogs, screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

const estate = generateEstate({ seed: 57, scale: 'small' });
const own = estate.collectivites.find((c) => estate.sites.some((s) => s.collectiviteId === c.id))!;
const probesInUse = indexEstate(estate).probeIdsIn(own.id).length;
const { packSize } = yearlyContribution(probesInUse);

let stack: E2eStack | undefined;
let gateway: Gateway;
let browser: Browser;
let referent: DemoAccount;
const dialogs: string[] = [];

beforeAll(async () => {
  stack = await startE2eStack('vigie-referent-contribution-e2e-', stillEstateEnv());
  ({ gateway, browser } = stack);
  referent = stack.referentOf(own.name)!;
  expect(referent, `a demo référent for ${own.name}`).toBeDefined();
}, 60_000);

afterAll(async () => {
  await stopE2eStack(stack);
});

test('a référent on a phone reads their contribution on their page and opens its sheet and PDF by taps', async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, acceptDownloads: true });
  const phone = await context.newPage();
  recordDialogs(phone, dialogs);
  await signIn(phone, gateway.url, referent);
  await phone.getByRole('region', { name: 'Carte des sites supervisés' }).waitFor();

  const section = phone.getByRole('region', { name: /^Votre contribution \d{4}$/ });
  await section.scrollIntoViewIfNeeded();
  const sentence = section.getByTestId('contribution-summary');
  await expect.poll(() => sentence.textContent(), { timeout: 20_000 }).toMatch(new RegExp(`^${probesInUse} sondes? en service : pack de ${packSize} sondes, soit ${packSize},00\\s€ pour l’année\\.$`));
  expect(await axeReport(phone, 'référent page, contribution section (phone)')).toEqual([]);
  await section.screenshot({ path: screenshotPath('referent-contribution-section-390x844') });

  await section.getByRole('link', { name: 'Détail et appel à contribution' }).tap();
  await phone.waitForURL((u) => u.pathname === '/contribution');
  const rows = phone.getByTestId('contribution-row');
  await expect.poll(() => rows.first().textContent(), { timeout: 15_000 }).toContain(own.name);
  expect(await rows.count()).toBe(1);
  expect(await phone.getByTestId('contribution-total').count()).toBe(0);
  expect(await axeReport(phone, 'contribution sheet, référent (phone)')).toEqual([]);
  await phone.screenshot({ path: screenshotPath('referent-contribution-390x844') });

  const [pdf] = await Promise.all([phone.waitForEvent('download'), phone.getByRole('button', { name: `Appel à contribution de ${own.name} (PDF)` }).tap()]);
  expect(pdf.suggestedFilename()).toContain(own.id);
  if (!popplerMissing) {
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', (await pdf.path())!, '-']).toString('utf8');
    expect(text).toContain(own.name);
    expect(text).toMatch(/Appel à contribution \d{4}/);
  }
  // And back to their page with the header's home link.
  await phone.getByRole('link', { name: 'Vigie' }).tap();
  await phone.getByRole('region', { name: 'Carte des sites supervisés' }).waitFor();
  expect(dialogs).toEqual([]);
  await context.close();
});
