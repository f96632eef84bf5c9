// The one collectivité picker (src/ui/collectivite-picker.tsx) as support uses it, in Chromium
// against the real gateway: on a 390×844 phone, a managed-IT form refuses to be sent without a
// collectivité and says why in French, the list fits the screen, a name is found typed without its
// accents and tapped; on the 1920×1080 desk, the reports screen's picker by keyboard alone
// (type, arrows, Esc keeps the choice, Enter picks). The header's "Périmètre" (which collectivité
// the desk shows): by keys on the desk, by taps on the phone, the header within the phone's width.
// axe WCAG 2 A/AA with the list open.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { searchFold } from '../src/domain/search-fold.ts';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { axeReport } from './axe.ts';
import { recordDialogs, screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { legendCounts, total } from './map-readers.ts';
import { signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

const estate = generateEstate({ seed: 57, scale: 'small' });
/** A name with an accent, typed without it. */
const accented = estate.collectivites.find((c) => c.name !== searchFold(c.name) && /^[A-Za-z]/.test(c.name) && /[À-ÿ]/.test(c.name.slice(1)))!;
const REQUIRED = 'Choisissez une collectivité dans la liste.';
const sitesOf = (id: string) => estate.sites.filter((s) => s.collectiviteId === id).length;

let stack: E2eStack | undefined;
let gateway: Gateway;
let browser: Browser;
let support: DemoAccount;
const dialogs: string[] = [];

beforeAll(async () => {
  expect(accented).toBeDefined();
  stack = await startE2eStack('vigie-collectivite-picker-e2e-', stillEstateEnv());
  ({ gateway, browser } = stack);
  support = stack.support;
});

afterAll(async () => {
  await stopE2eStack(stack);
  expect(dialogs).toEqual([]);
});

test('on a 390×844 phone, a form without a collectivité is refused in French; typed without accents, the name is tapped in a list that fits', async () => {
  const phone = await browser.newPage({ viewport: VIEWPORTS.phone, hasTouch: true, isMobile: true });
  recordDialogs(phone, dialogs);
  await signIn(phone, gateway.url, support);
  await phone.goto(`${gateway.url}/infogerance`);
  await phone.getByText('Aucune convention d’infogérance.').waitFor();
  await phone.getByRole('button', { name: 'Nouvelle convention' }).tap();
  const form = phone.getByRole('form', { name: 'Nouvelle convention' });
  await form.getByLabel('Numéro de convention').fill('2026SUP043');
  await form.getByRole('button', { name: 'Enregistrer' }).tap();

  const box = form.getByRole('combobox', { name: 'Collectivité', exact: true });
  await form.getByText(REQUIRED).waitFor();
  expect(await box.getAttribute('aria-invalid')).toBe('true');
  expect(await box.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe(REQUIRED);
  expect(await box.evaluate((input) => input === document.activeElement)).toBe(true);
  expect(await phone.getByText('Convention enregistrée.').count()).toBe(0);

  await (await tapOpen(phone, form, 'Collectivité', 'collectivite-picker-open-390x844')).tap();
  expect(await box.inputValue()).toBe(accented.name);
  expect(await box.getAttribute('aria-invalid')).toBeNull();
  expect(await form.getByText(REQUIRED).count()).toBe(0);
  await form.getByRole('button', { name: 'Enregistrer' }).tap();
  await phone.getByTestId('managed-it-notice').filter({ hasText: 'Convention enregistrée.' }).waitFor();
  await phone.close();
});

test('on the 1920×1080 desk, the reports screen’s picker works by keyboard alone: type, arrows, Esc keeps the choice, Enter picks', async () => {
  const desk = await browser.newPage({ viewport: VIEWPORTS.wall });
  recordDialogs(desk, dialogs);
  await signIn(desk, gateway.url, support);
  await desk.getByRole('link', { name: 'Rapports' }).click();
  const box = desk.getByRole('combobox', { name: 'Collectivité du rapport', exact: true });
  await box.focus();
  expect(await box.inputValue()).toBe('Toutes les collectivités');

  await desk.keyboard.type(searchFold(accented.name));
  const list = desk.getByRole('listbox', { name: 'Collectivité du rapport', exact: true });
  await expect.poll(() => list.getByRole('option').first().textContent()).toBe(accented.name);
  expect(await axeReport(desk, 'collectivité picker open, desk')).toEqual([]);
  await desk.screenshot({ path: screenshotPath('collectivite-picker-open-1920x1080') });
  // Esc closes and keeps "Toutes"; ↓ reopens it on "Toutes", ↑ wraps to the last entry shown.
  await desk.keyboard.press('Escape');
  expect(await box.getAttribute('aria-expanded')).toBe('false');
  expect(await box.inputValue()).toBe('Toutes les collectivités');
  expect(new URL(desk.url()).search).toBe('');

  await desk.keyboard.type(searchFold(accented.name));
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('ArrowUp');
  await desk.keyboard.press('Enter');
  await desk.waitForURL((u) => u.searchParams.get('c') === accented.id);
  await desk.getByRole('heading', { name: 'Disponibilité par service' }).waitFor();
  expect(await desk.getByRole('combobox', { name: 'Collectivité du rapport', exact: true }).inputValue()).toBe(accented.name);
  await desk.close();
});

test('on the 1920×1080 desk, the header’s Périmètre by keys: typed without accents, Enter shows that collectivité, Esc keeps it, "toutes" shows them all again', async () => {
  const desk = await browser.newPage({ viewport: VIEWPORTS.wall });
  recordDialogs(desk, dialogs);
  await signIn(desk, gateway.url, support);
  const header = desk.getByRole('banner');
  const box = header.getByRole('combobox', { name: 'Périmètre', exact: true });
  const list = header.getByRole('listbox', { name: 'Périmètre', exact: true });
  const focused = () => box.evaluate((input) => input === document.activeElement);
  expect(await box.inputValue()).toBe('Toutes les collectivités');
  await expect.poll(async () => total(await legendCounts(desk)), { timeout: 20_000 }).toBe(estate.sites.length);
  // Right after the title link, by Tab.
  await header.getByRole('link', { name: 'Vigie' }).focus();
  await desk.keyboard.press('Tab');
  expect(await focused()).toBe(true);

  await desk.keyboard.type(searchFold(accented.name));
  const first = list.getByRole('option').first();
  await expect.poll(() => first.textContent()).toBe(accented.name);
  expect(await first.getAttribute('id')).toBe(await box.getAttribute('aria-activedescendant'));
  expect(await axeReport(desk, 'header scope picker open, desk')).toEqual([]);
  await desk.screenshot({ path: screenshotPath('header-scope-open-1920x1080') });
  await desk.keyboard.press('Enter');
  await desk.waitForURL((u) => u.pathname === `/c/${encodeURIComponent(accented.id)}`);
  // The one-collectivité view (the map's legend counts its sites only), the box naming it and keeping the focus.
  await expect.poll(async () => total(await legendCounts(desk)), { timeout: 15_000 }).toBe(sitesOf(accented.id));
  expect(await box.inputValue()).toBe(accented.name);
  expect(await focused()).toBe(true);

  // Esc after typing another name: the list closes, the scope stays.
  const other = estate.collectivites.find((c) => c.id !== accented.id)!;
  await desk.keyboard.type(searchFold(other.name));
  await list.getByRole('option', { name: other.name, exact: true }).waitFor();
  await desk.keyboard.press('Escape');
  expect(await box.getAttribute('aria-expanded')).toBe('false');
  expect(await box.inputValue()).toBe(accented.name);
  expect(new URL(desk.url()).pathname).toBe(`/c/${encodeURIComponent(accented.id)}`);

  // "Toutes les collectivités" is found by its words and leads back to '/'.
  await desk.keyboard.type('toutes');
  await expect.poll(() => first.textContent()).toBe('Toutes les collectivités');
  await desk.keyboard.press('Enter');
  await desk.waitForURL((u) => u.pathname === '/');
  expect(await box.inputValue()).toBe('Toutes les collectivités');
  await expect.poll(async () => total(await legendCounts(desk)), { timeout: 15_000 }).toBe(estate.sites.length);

  // A deep link to a collectivité names it in the box once the estate is known.
  await desk.goto(`${gateway.url}/c/${encodeURIComponent(other.id)}`);
  await expect.poll(() => box.inputValue(), { timeout: 15_000 }).toBe(other.name);
  await desk.close();
});

test('on a 390×844 phone, the header’s Périmètre by taps: the header stays within the screen, the list too; a tapped name shows that collectivité, "Toutes les collectivités" all of them', async () => {
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
  const phone = await context.newPage();
  recordDialogs(phone, dialogs);
  await signIn(phone, gateway.url, support);
  const header = phone.getByRole('banner');
  const box = header.getByRole('combobox', { name: 'Périmètre', exact: true });
  await box.waitFor();
  const headerBox = (await header.boundingBox())!;
  expect(headerBox.x + headerBox.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  const field = (await box.boundingBox())!;
  expect(field.x + field.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  expect(field.width).toBeGreaterThanOrEqual(150); // a name fits, not a sliver
  await phone.screenshot({ path: screenshotPath('header-scope-390x844') });

  await (await tapOpen(phone, header, 'Périmètre', 'header-scope-open-390x844')).tap();
  await phone.waitForURL((u) => u.pathname === `/c/${encodeURIComponent(accented.id)}`);
  expect(await box.inputValue()).toBe(accented.name);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(VIEWPORTS.phone.width);

  // Tapped again, nothing typed: "Toutes les collectivités" heads the list.
  await box.tap();
  await header.getByRole('listbox', { name: 'Périmètre', exact: true }).getByRole('option', { name: 'Toutes les collectivités', exact: true }).tap();
  await phone.waitForURL((u) => u.pathname === '/');
  expect(await box.inputValue()).toBe('Toutes les collectivités');
  await context.close();
});

/**
 * On the phone: taps the picker `label` inside `where`, types the start of the accented name without
 * its accents; the open list stays inside the phone's width (axe-checked, pictured). Returns the
 * name's option, to be tapped.
 */
async function tapOpen(phone: Page, where: Locator, label: string, shot: string): Promise<Locator> {
  const box = where.getByRole('combobox', { name: label, exact: true });
  await box.tap();
  await box.pressSequentially(searchFold(accented.name).slice(0, 6));
  const list = where.getByRole('listbox', { name: label, exact: true });
  const option = list.getByRole('option', { name: accented.name, exact: true });
  await option.waitFor();
  const listBox = (await list.boundingBox())!;
  expect(listBox.x).toBeGreaterThanOrEqual(0);
  expect(listBox.x + listBox.width).toBeLessThanOrEqual(VIEWPORTS.phone.width);
  expect(await axeReport(phone, `${label} picker open, phone`)).toEqual([]);
  await phone.screenshot({ path: screenshotPath(shot) });
  return option;
}
