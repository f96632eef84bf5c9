// Managed IT (infogérance) end to end in Chromium against the real gateway: support records a
// convention and, on the wall-sized desk, logs an action and sees the balance change; the référent
// opens an assistance request on a 390×844 phone (text with markup stays text); support links an
// action to it and the référent sees it counted. axe (WCAG 2 A/AA) on both new views.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { axeReport } from './axe.ts';
import { recordDialogs, screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { pickCollectivite } from './collectivite-picker.ts';
import { startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

const estate = generateEstate({ seed: 57, scale: 'small' });
const [own] = estate.collectivites.filter((c) => estate.sites.some((s) => s.collectiviteId === c.id));
const SUBJECT = '<img src=x onerror=alert(1)> Poste de l’accueil';

let stack: E2eStack | undefined;
let gateway: Gateway;
let browser: Browser;
let support: DemoAccount;
let referent: DemoAccount;
let desk: Page;
let phone: Page;
const dialogs: string[] = [];

beforeAll(async () => {
  stack = await startE2eStack('vigie-managed-it-e2e-', stillEstateEnv());
  ({ gateway, browser } = stack);
  support = stack.support;
  referent = stack.referentOf(own!.name)!;
});

afterAll(async () => {
  await stopE2eStack(stack);
});

const notice = (page: Page) => page.getByTestId('managed-it-notice');

test('support records a convention and logs an action on the 1920×1080 desk; the balance changes', async () => {
  desk = await browser.newPage({ viewport: VIEWPORTS.wall });
  recordDialogs(desk, dialogs);
  await signIn(desk, gateway.url, support);
  await desk.getByRole('link', { name: 'Infogérance' }).click();
  await desk.waitForURL((u) => u.pathname === '/infogerance');
  await desk.getByText('Aucune convention d’infogérance.').waitFor();

  await desk.getByRole('button', { name: 'Nouvelle convention' }).click();
  const conventionForm = desk.getByRole('form', { name: 'Nouvelle convention' });
  await pickCollectivite(conventionForm, own!.name);
  await conventionForm.getByLabel('Numéro de convention').click();
  await desk.keyboard.type('2026SUP042');
  await conventionForm.getByLabel('Unités souscrites').fill('10');
  await conventionForm.getByRole('button', { name: 'Enregistrer' }).click();
  await notice(desk).filter({ hasText: 'Convention enregistrée.' }).waitFor();
  const balance = desk.getByTestId(`balances-${own!.id}`);
  await balance.getByText('10 unités restantes').waitFor();

  const form = desk.getByRole('form', { name: 'Saisir une action' });
  await pickCollectivite(form, own!.name);
  await form.getByLabel('Durée (minutes)').fill('20');
  await form.getByLabel('Lieu').selectOption({ label: 'Sur site' });
  await form.getByLabel('Nature').selectOption({ label: 'Préventive' });
  await form.getByLabel('Technicien').click();
  await desk.keyboard.type('Camille Martin');
  await form.getByLabel('Description').click();
  await desk.keyboard.type('Mises à jour de sécurité du serveur');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  // 20 minutes = 2 units (one per started quarter of an hour), as the gateway counted them.
  await notice(desk).filter({ hasText: 'Action enregistrée : 2 unités décomptées, 8 restantes.' }).waitFor();
  await balance.getByText('8 unités restantes').waitFor();
  const row = desk.getByTestId('managed-it-action').first();
  expect(await row.textContent()).toContain('Mises à jour de sécurité du serveur');
  expect(await row.textContent()).toContain('Sur site');
  expect(await axeReport(desk, 'managed IT, support')).toEqual([]);
  await desk.screenshot({ path: screenshotPath('managed-it-support-1920x1080') });
});

test('the référent opens an assistance request on a 390×844 phone; its markup stays text', async () => {
  phone = await (await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true })).newPage();
  recordDialogs(phone, dialogs);
  await signIn(phone, gateway.url, referent);
  const section = phone.getByRole('region', { name: 'Infogérance' });
  await section.getByText('8 unités restantes').waitFor();
  const form = section.getByRole('form', { name: 'Nouvelle demande d’assistance' });
  await form.scrollIntoViewIfNeeded();
  await form.getByLabel('Objet').tap();
  await phone.keyboard.type(SUBJECT);
  await form.getByLabel('Description').tap();
  await phone.keyboard.type('Le poste ne démarre plus.');
  await phone.keyboard.press('Enter');
  await phone.keyboard.type('Écran noir depuis ce matin.');
  await form.getByRole('button', { name: 'Envoyer la demande' }).tap();
  await section.getByRole('status').filter({ hasText: 'Demande envoyée.' }).waitFor();
  const ticket = section.getByTestId('ticket').filter({ hasText: 'Poste de l’accueil' });
  await ticket.waitFor();
  expect(await ticket.getByText(SUBJECT, { exact: true }).count()).toBe(1);
  expect(await ticket.getByTestId('ticket-status').textContent()).toBe('ouverte');
  expect(await phone.locator('img[src="x"]').count()).toBe(0);
  // A référent reads the count and asks; no status to change, no action to log.
  expect(await ticket.getByRole('combobox').count()).toBe(0);
  expect(await phone.getByRole('form', { name: 'Saisir une action' }).count()).toBe(0);
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await ticket.scrollIntoViewIfNeeded();
  expect(await axeReport(phone, 'managed IT, référent phone')).toEqual([]);
  await phone.screenshot({ path: screenshotPath('managed-it-referent-390x844') });
});

test('support links an action to the request; the référent sees it counted', async () => {
  await desk.reload();
  const form = desk.getByRole('form', { name: 'Saisir une action' });
  await pickCollectivite(form, own!.name);
  await form.getByLabel('Demande liée').selectOption({ label: SUBJECT });
  await form.getByLabel('Durée (minutes)').fill('45');
  await form.getByLabel('Technicien').click();
  await desk.keyboard.type('Camille Martin');
  await form.getByLabel('Description').click();
  await desk.keyboard.type('Remplacement de l’alimentation');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await notice(desk).filter({ hasText: 'Action enregistrée : 3 unités décomptées, 5 restantes.' }).waitFor();
  const ticket = desk.getByTestId('ticket').filter({ hasText: 'Poste de l’accueil' });
  await ticket.getByTestId('ticket-actions').filter({ hasText: '1 action liée, 3 unités' }).waitFor();
  await ticket.getByLabel('Statut').selectOption({ label: 'résolue' });
  await ticket.getByTestId('ticket-status').filter({ hasText: 'résolue' }).waitFor();

  await phone.reload();
  const section = phone.getByRole('region', { name: 'Infogérance' });
  await section.getByText('5 unités restantes').waitFor();
  const referentTicket = section.getByTestId('ticket').filter({ hasText: 'Poste de l’accueil' });
  await referentTicket.getByTestId('ticket-actions').filter({ hasText: '1 action liée, 3 unités' }).waitFor();
  expect(await referentTicket.getByTestId('ticket-status').textContent()).toBe('résolue');

  // The référent downloads their semester activity report (art. 7) and it holds what was done.
  const report = section.getByRole('form', { name: 'Rapport d’activité semestriel' });
  await report.scrollIntoViewIfNeeded();
  const [file] = await Promise.all([phone.waitForEvent('download'), report.getByRole('button', { name: 'Télécharger le PDF' }).tap()]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`^activite-infogerance-${own!.id}-\\d{4}-(01|07)\\.pdf$`));
  await report.getByRole('status').filter({ hasText: `Téléchargé : ${file.suggestedFilename()}` }).waitFor();
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', (await file.path())!, '-']).toString('utf8');
  expect(text).toContain(own!.name);
  expect(text).toMatch(/Unités restantes : 5/);
  expect(text).toContain('Remplacement de l’alimentation');
  expect(text).toContain(SUBJECT);
  expect(dialogs).toEqual([]);
});

test('support downloads the contribution list (CSV) and an appel à contribution (PDF); the référent sees their own row', async () => {
  await desk.getByRole('link', { name: 'Contribution' }).click();
  await desk.waitForURL((u) => u.pathname === '/contribution');
  const rows = desk.getByTestId('contribution-row');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(estate.collectivites.length);
  await desk.getByTestId('contribution-total').waitFor();
  expect(await axeReport(desk, 'contribution, support')).toEqual([]);
  await desk.screenshot({ path: screenshotPath('contribution-support-1920x1080') });

  const [csv] = await Promise.all([desk.waitForEvent('download'), desk.getByRole('button', { name: 'Exporter en CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^contribution-\d{4}\.csv$/);
  const text = readFileSync((await csv.path())!, 'utf8');
  expect(text.startsWith('\uFEFFannee;collectivite_id;collectivite;sondes_en_service;pack_souscrit;euros_par_an')).toBe(true);
  expect(text).toContain(`;${own!.id};${own!.name};`);
  expect(text).toMatch(/;TOTAL;\d+ collectivités;/);

  const [pdf] = await Promise.all([desk.waitForEvent('download'), desk.getByRole('button', { name: `Appel à contribution de ${own!.name} (PDF)` }).click()]);
  const pdfText = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', (await pdf.path())!, '-']).toString('utf8');
  expect(pdfText).toContain(own!.name);
  expect(pdfText).toMatch(/Appel à contribution \d{4}/);
  expect(pdfText).toMatch(/Montant de la contribution : [\d\u202f]+,00 €/);

  await phone.goto(`${gateway.url}/contribution`);
  const own1 = phone.getByTestId('contribution-row');
  await own1.first().waitFor();
  expect(await own1.count()).toBe(1);
  // The name comes with the live estate, which may land just after the list (the id shows until then).
  await expect.poll(() => own1.first().textContent(), { timeout: 15_000 }).toContain(own!.name);
  expect(await phone.getByTestId('contribution-total').count()).toBe(0);
  expect(dialogs).toEqual([]);
});
