// #16 item 1, the référent's journey on a phone (390×844) and a tablet (820×1180): an incident at
// their town hall appears in "their incidents" in words; the support cell acknowledges it from its
// desk and the référent sees "Pris en charge par la cellule support à …" live, without reloading;
// they comment, and the support cell sees the comment live in the incident it has open.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { launchChromium, screenshotPath, VIEWPORTS } from './browser.ts';
import { ROOT, startGateway, stopGateway, type Gateway } from './gateway-process.ts';
import { demoAccounts, injectProbeState, signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { horizontalOverflow, probesOfSite } from './map-readers.ts';

const estate = generateEstate({ seed: 57, scale: 'small' });
const [own] = estate.collectivites.filter((c) => estate.sites.some((s) => s.collectiviteId === c.id));
const ownSite = estate.sites.find((s) => s.collectiviteId === own!.id)!;
const TABLET = { width: 820, height: 1180 };

let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let support: DemoAccount;
let referent: DemoAccount;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build the SPA first (npm run test:e2e does)');
  dataDir = await freshDataDir('vigie-referent-incidents-e2e-');
  [gateway, browser] = await Promise.all([startGateway({ dataDir, env: stillEstateEnv() }), launchChromium()]);
  const accounts = await demoAccounts(gateway);
  support = accounts.find((a) => a.role === 'support')!;
  referent = accounts.find((a) => a.role === 'referent' && a.collectiviteName === own!.name)!;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  if (gateway) await stopGateway(gateway);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const incidentsOf = (page: Page) => page.getByRole('region', { name: 'Incidents' });

for (const [name, viewport, probeIndex] of [
  ['phone', VIEWPORTS.phone, 0],
  ['tablet', TABLET, 1],
] as const) {
  test(`on a ${name}: sees the incident acknowledged live, comments, and support sees the comment live`, async () => {
    const probe = probesOfSite(estate, ownSite.id)[probeIndex]!;
    const refContext = await browser.newContext({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
    const ref = await refContext.newPage();
    const desk = await browser.newPage({ viewport: VIEWPORTS.wall });
    try {
      await signIn(ref, gateway.url, referent);
      await signIn(desk, gateway.url, support);
      await injectProbeState(dataDir, probe.id, 'CRITICAL', 'PING CRITICAL - Packet loss = 100%|rta=0.00ms');

      // The référent's incidents say where it stands, in words.
      const refRow = incidentsOf(ref).getByRole('listitem').filter({ has: ref.getByRole('button', { name: `Détails de l’incident ${probe.name}` }) });
      await refRow.getByText(/^Ouvert à \d\d:\d\d, en attente de prise en charge$/).waitFor({ timeout: 20_000 });

      // Support acknowledges it from the incidents panel of its desk.
      const deskRow = incidentsOf(desk).getByRole('listitem').filter({ has: desk.getByRole('button', { name: `Détails de l’incident ${probe.name}` }) }).first();
      await deskRow.getByRole('button', { name: `Détails de l’incident ${probe.name}` }).click();
      await deskRow.getByLabel('Commentaire').fill('Box redémarrée à distance, on surveille');
      await deskRow.getByRole('button', { name: 'Acquitter' }).click();
      await deskRow.getByText('Incident acquitté.').waitFor();

      // The référent sees it live, no reload.
      await refRow.getByText(/^Pris en charge par la cellule support à \d\d:\d\d$/).waitFor({ timeout: 10_000 });
      await refRow.getByRole('button', { name: `Détails de l’incident ${probe.name}` }).tap();
      await refRow.getByText('« Box redémarrée à distance, on surveille »').waitFor();
      expect(await refRow.getByRole('button', { name: 'Acquitter' }).count()).toBe(0);
      await refRow.getByLabel('Commentaire').fill('La mairie ouvre à 8 h, la box est dans le local technique');
      await refRow.getByRole('button', { name: 'Ajouter le commentaire' }).tap();
      await refRow.getByText('Commentaire ajouté.').waitFor();
      expect(await horizontalOverflow(ref)).toBe(0);
      await ref.screenshot({ path: screenshotPath(`referent-incident-${name}`), fullPage: true });

      // Support sees the comment at once in the incident it has open.
      await deskRow.getByText('« La mairie ouvre à 8 h, la box est dans le local technique »').waitFor({ timeout: 10_000 });
    } finally {
      await refContext.close();
      await desk.close();
    }
  });
}
