// #16 item 1, the référent's journey on a phone (390×844) and a tablet (820×1180): an incident at
// their town hall appears in "their incidents" in words; the support cell acknowledges it from its
// desk and the référent sees "Pris en charge par la cellule support à …" live, without reloading;
// they comment, and the support cell sees the comment live in the incident it has open.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { screenshotPath, VIEWPORTS } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { injectProbeState, signIn, stillEstateEnv, type DemoAccount } from './gateway-session.ts';
import { horizontalOverflow, probesOfSite } from './map-readers.ts';
import { startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

const estate = generateEstate({ seed: 57, scale: 'small' });
const [own] = estate.collectivites.filter((c) => estate.sites.some((s) => s.collectiviteId === c.id));
const ownSite = estate.sites.find((s) => s.collectiviteId === own!.id)!;
const TABLET = { width: 820, height: 1180 };

let stack: E2eStack | undefined;
let dataDir: string;
let gateway: Gateway;
let browser: Browser;
let support: DemoAccount;
let referent: DemoAccount;

beforeAll(async () => {
  stack = await startE2eStack('vigie-referent-incidents-e2e-', stillEstateEnv());
  ({ dataDir, gateway, browser } = stack);
  support = stack.support;
  referent = stack.referentOf(own!.name)!;
}, 60_000);

afterAll(async () => {
  await stopE2eStack(stack);
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
      // Back to OK: the next journey's probe is at the same site, and a problem starting with this
      // one still down would be attached to it (one row per cause, domain/incident-cause.ts).
      await injectProbeState(dataDir, probe.id, 'OK', 'PING OK - Packet loss = 0%|rta=1.00ms');
    }
  });
}

test('a deep link to an incident works after the login page, and says so for an incident that is not theirs', async () => {
  const probe = probesOfSite(estate, ownSite.id)[2]!;
  const otherSite = estate.sites.find((s) => s.collectiviteId !== own!.id)!;
  const otherProbe = probesOfSite(estate, otherSite.id)[0]!;
  await injectProbeState(dataDir, probe.id, 'CRITICAL', 'DISK CRITICAL - read-only file system');
  await injectProbeState(dataDir, otherProbe.id, 'CRITICAL', 'DISK CRITICAL - read-only file system');
  const desk = await browser.newPage({ viewport: VIEWPORTS.wall });
  await signIn(desk, gateway.url, support);
  const ids = await desk.evaluate(async (probes) => {
    const token = (JSON.parse(sessionStorage.getItem('vigie.session') ?? '{}') as { token?: string }).token;
    for (;;) {
      const page = (await (await fetch('/api/v1/incidents?status=active&pageSize=500', { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: Array<{ id: string; probeId: string }> };
      const found = probes.map((p) => page.items.find((i) => i.probeId === p)?.id);
      if (found.every(Boolean)) return found as string[];
      await new Promise((r) => setTimeout(r, 200));
    }
  }, [probe.id, otherProbe.id]);
  await desk.close();

  const context = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
  const ref = await context.newPage();
  try {
    await ref.goto(`${gateway.url}/incidents/${encodeURIComponent(ids[0]!)}`);
    await ref.waitForURL((u) => u.pathname === '/login');
    await ref.getByLabel('Identifiant').fill(referent.login);
    await ref.getByLabel('Mot de passe').fill(referent.password);
    await ref.getByRole('button', { name: 'Se connecter' }).tap();
    await ref.waitForURL((u) => u.pathname === `/incidents/${encodeURIComponent(ids[0]!)}`);
    await ref.getByRole('heading', { name: probe.name }).waitFor({ timeout: 15_000 });
    await ref.getByText(/^Ouvert à \d\d:\d\d, en attente de prise en charge$/).or(ref.getByText('Ouvert', { exact: true })).first().waitFor();
    await ref.goto(`${gateway.url}/incidents/${encodeURIComponent(ids[1]!)}`);
    await ref.getByRole('alert').getByText('Cet incident n’existe pas ou ne concerne pas votre périmètre.').waitFor({ timeout: 15_000 });
    expect(await ref.locator('body').innerText()).not.toContain(otherProbe.name);
  } finally {
    await context.close();
  }
});
