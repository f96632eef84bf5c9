// Alarms end to end: a CRITICAL incident forced in the simulator becomes a mail that reaches a real
// SMTP server (smtp-server on 127.0.0.1, parsed back with mailparser) with the lock-screen subject,
// and the incident's timeline on the support desk says so; the badge shows the alarm service's
// health. Then a référent on a phone edits their own alarm settings: a bad number is refused with
// the gateway's reason, a good one is saved (and only then said to be). Last, support on the wall's
// 1920×1080 finds another collectivité by typing, adds an on-call address for it with clicks and
// keys (a bad address refused in French first), and a critical incident there mails that address.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startSmtpSink } from '../server/alarms/alarm-sinks.test-kit.ts';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { axeReport } from './axe.ts';
import { launchChromium, recordDialogs, screenshotPath, VIEWPORTS } from './browser.ts';
import { startGateway, stopGateway, type Gateway } from './gateway-process.ts';
import { demoAccounts, injectProbeState, signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { probesOfSite } from './map-readers.ts';
import { pickCollectivite } from './collectivite-picker.ts';

const ROOT = join(import.meta.dirname, '..');
const estate = generateEstate({ seed: 57, scale: 'small' });
const [own, other] = estate.collectivites.filter((c) => estate.sites.some((s) => s.collectiviteId === c.id));
const site = estate.sites.find((s) => s.collectiviteId === own!.id)!;
const probe = probesOfSite(estate, site.id)[0]!;
const otherSite = estate.sites.find((s) => s.collectiviteId === other!.id)!;
const otherProbe = probesOfSite(estate, otherSite.id)[0]!;

let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let accounts: DemoAccount[];
const dialogs: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build the SPA first (npm run test:e2e does)');
  dataDir = await freshDataDir('vigie-alarms-e2e-');
  smtp = await startSmtpSink();
  [gateway, browser] = await Promise.all([startGateway({ dataDir, env: { ...stillEstateEnv(), SMTP_URL: smtp.url, MAIL_FROM: 'Vigie <vigie@moselle-fibre.test>', ALARM_TICK_MS: '250' } }), launchChromium()]);
  accounts = await demoAccounts(gateway);
});

afterAll(async () => {
  await browser?.close();
  if (gateway) await stopGateway(gateway);
  await smtp?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('a critical incident in the simulator: a mail with the right subject reaches the SMTP server, and the timeline says so', async () => {
  await expect.poll(() => gateway.output()).toContain(`alarms: mail via 127.0.0.1:${smtp.port}`);
  const support = accounts.find((a) => a.role === 'support')!;
  const context = await browser.newContext({ viewport: VIEWPORTS.wall, deviceScaleFactor: 1 });
  const page = await context.newPage();
  recordDialogs(page, dialogs);
  await signIn(page, gateway.url, support);
  await page.getByRole('region', { name: 'Carte des sites supervisés' }).waitFor();
  await page.getByTestId('alarm-health').filter({ hasText: 'Alarmes' }).waitFor();

  await injectProbeState(dataDir, probe.id, 'CRITICAL', 'PING CRITICAL - Packet loss = 100%');
  // 30 s of group wait, then the message: the demo référent of this collectivité and the support.
  // Support may get it inside a digest: a still estate starts with old disk warnings whose GTIs,
  // dated from when the problem began (#14), are already breached — alarms for support only.
  const subject = `[Vigie] CRITIQUE ${own!.name} · ${site.name} · ${probe.name}`;
  const ours = () => smtp.mails.filter((m) => m.parsed.text?.includes('PING CRITICAL - Packet loss = 100%') || m.parsed.text?.includes(`${site.name} · ${probe.name}`));
  await expect
    .poll(() => [...new Set(ours().map((m) => m.envelopeTo[0]))].sort(), { timeout: 60_000, interval: 500 })
    .toEqual(['astreinte@vigie-demo.test', expect.stringMatching(/^referent-.*@vigie-demo\.test$/)]);
  const toReferent = ours().filter((m) => m.envelopeTo[0]?.startsWith('referent-'));
  expect(toReferent.map((m) => m.parsed.subject)).toEqual([subject]);
  const toSupport = ours().filter((m) => m.envelopeTo[0] === 'astreinte@vigie-demo.test');
  expect(toSupport).toHaveLength(1);
  expect(toSupport[0]!.parsed.subject).toMatch(new RegExp(`^(${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|\\[Vigie\\] \\d+ alarmes · .*)$`));

  const item = page.getByRole('region', { name: 'Incidents' }).getByRole('listitem').filter({ has: page.getByRole('button', { name: `Détails de l’incident ${probe.name}` }) }).filter({ hasText: site.name });
  await item.getByRole('button', { name: `Détails de l’incident ${probe.name}` }).click();
  await item.getByText('Mail envoyé au support').waitFor({ timeout: 10_000 });
  await item.getByText('Mail envoyé au référent').waitFor({ timeout: 10_000 });
  expect(await item.textContent()).not.toContain('Notification envoyée');
  await expect.poll(() => page.getByTestId('alarm-health').getAttribute('data-state')).toBe('ok');
  await page.screenshot({ path: screenshotPath('alarms-desk-timeline-1920x1080') });

  await page.goto(`${gateway.url}/wall?token=${gateway.kioskToken}`);
  await page.getByTestId('alarm-health').waitFor();
  await page.screenshot({ path: screenshotPath('alarms-wall-badge-1920x1080') });
  await context.close();
  expect(dialogs).toEqual([]);
});

test('a référent on a phone edits their own alarm settings: a landline is refused with the reason, a mobile is saved', async () => {
  const referent = accounts.find((a) => a.role === 'referent' && a.collectiviteName === own!.name)!;
  const context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await signIn(page, gateway.url, referent);
  await page.locator('summary', { hasText: 'Mes alarmes' }).click();
  const form = page.getByRole('form', { name: /Référent/ });
  await form.getByLabel('Adresse mail').waitFor();
  expect(await form.getByLabel('Adresse mail').inputValue()).toMatch(/@vigie-demo\.test$/);
  await form.getByLabel('Mobile (SMS)').fill('03 87 00 00 00');
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await form.getByText(/Non enregistré : numéro de mobile invalide/).waitFor();
  expect(await form.getByText('Enregistré.').count()).toBe(0);
  await form.getByLabel('Mobile (SMS)').fill('06 12 34 56 78');
  await form.getByLabel('Incident critique — SMS').check();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await form.getByText('Enregistré.').waitFor();
  await page.screenshot({ path: screenshotPath('alarms-referent-settings-390x844'), fullPage: true });
  // The gateway stored it, normalised to E.164: a reload reads it back.
  await page.reload();
  await page.locator('summary', { hasText: 'Mes alarmes' }).click();
  await expect.poll(() => page.getByRole('form', { name: /Référent/ }).getByLabel('Mobile (SMS)').inputValue(), { timeout: 10_000 }).toBe('+33612345678');
  await context.close();
});

test('support on the wall screen adds an on-call address for one collectivité by keyboard; a critical incident there mails it', async () => {
  const support = accounts.find((a) => a.role === 'support')!;
  const address = 'astreinte-nuit@collectivite.test';
  const context = await browser.newContext({ viewport: VIEWPORTS.wall, deviceScaleFactor: 1 });
  const page = await context.newPage();
  recordDialogs(page, dialogs);
  await signIn(page, gateway.url, support);
  await page.getByRole('region', { name: 'Carte des sites supervisés' }).waitFor();
  const summary = page.locator('summary', { hasText: 'Alarmes par mail et SMS' });
  await summary.click();
  const settings = page.locator('details', { has: summary });

  // ~500 collectivités in production: the shared picker you type into, not a list of all of them.
  await pickCollectivite(settings, other!.name, { by: 'keyboard' });
  const picker = settings.getByRole('combobox', { name: 'Collectivité', exact: true });
  const recipients = page.getByRole('region', { name: `Destinataires — ${other!.name}` });
  await recipients.waitFor();
  expect(await recipients.getByText(address).count()).toBe(0);
  await picker.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('alarms-support-picker-1920x1080') });

  await recipients.getByRole('button', { name: 'Ajouter un destinataire' }).click();
  const form = recipients.getByRole('form');
  await form.getByLabel('Nom').click();
  await page.keyboard.type('Astreinte de nuit');
  await form.getByLabel('Adresse mail').click();
  await page.keyboard.type('astreinte nuit@collectivite.test');
  await form.getByLabel('Public').selectOption({ label: 'Cellule support' });
  await form.getByLabel('Périmètre').selectOption({ label: `seulement ${other!.name}` });
  // The browser's own check of type=email is bypassed on purpose: the gateway's refusal is the one that counts.
  await form.evaluate((f: HTMLFormElement) => (f.noValidate = true));
  await form.getByLabel('Adresse mail').press('Enter');
  await form.getByText(/Non enregistré : adresse mail invalide/).waitFor();
  expect(await form.getByText('Enregistré.').count()).toBe(0);
  expect(await recipients.getByRole('listitem', { name: 'Astreinte de nuit' }).count()).toBe(0);

  await form.getByLabel('Adresse mail').fill('');
  await form.getByLabel('Adresse mail').click();
  await page.keyboard.type(address);
  await form.getByLabel('Incident critique — Mail').check();
  await form.getByRole('button', { name: 'Enregistrer' }).click();
  await form.getByText('Enregistré.').waitFor();
  const row = recipients.getByRole('listitem', { name: 'Astreinte de nuit' });
  await row.getByText(address).waitFor();
  // Saved, the form edits that recipient (and still says it was saved).
  await recipients.getByRole('heading', { name: 'Modifier Astreinte de nuit' }).waitFor();
  await form.getByText('Enregistré.').waitFor();
  expect(await row.textContent()).toContain(`seulement ${other!.name}`);
  await page.getByRole('heading', { name: 'Alarmes abandonnées' }).waitFor();
  await page.getByText('Aucune alarme abandonnée.').waitFor();
  await page.getByRole('heading', { name: 'Alarmes abandonnées' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('alarms-support-recipients-1920x1080') });
  expect(await axeReport(page, 'support alarm settings')).toEqual([]);

  // The gateway stored it: a critical incident in that collectivité reaches that address.
  const subject = `[Vigie] CRITIQUE ${other!.name} · ${otherSite.name} · ${otherProbe.name}`;
  await injectProbeState(dataDir, otherProbe.id, 'CRITICAL', 'PING CRITICAL - Packet loss = 100%');
  const toNew = () => smtp.mails.filter((m) => m.envelopeTo.includes(address));
  await expect.poll(() => toNew().length, { timeout: 60_000, interval: 500 }).toBeGreaterThanOrEqual(1);
  const mail = toNew()[0]!;
  expect(mail.parsed.text).toContain(`${otherSite.name} · ${otherProbe.name}`);
  expect(mail.parsed.subject).toMatch(new RegExp(`^(${subject.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|\\[Vigie\\] \\d+ alarmes · .*)$`));
  // Narrowed to that collectivité: nothing about the first test's collectivité went to it.
  expect(toNew().every((m) => !m.parsed.text?.includes(`${site.name} · ${probe.name}`))).toBe(true);

  // Removing asks once more, in the page (no dialog), and the row goes once the gateway agreed.
  await row.getByRole('button', { name: 'Supprimer Astreinte de nuit' }).click();
  await row.getByRole('button', { name: 'Confirmer la suppression de Astreinte de nuit' }).click();
  await expect.poll(() => recipients.getByRole('listitem', { name: 'Astreinte de nuit' }).count(), { timeout: 10_000 }).toBe(0);
  await context.close();
  expect(dialogs).toEqual([]);
});
