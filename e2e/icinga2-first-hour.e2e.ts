// The first hour with a real Icinga 2 (issue #13), end to end in Chromium on the wall viewport.
// (1) Started as an administrator would after a first try, with the IP in ICINGA_URL and no
// ICINGA_SERVERNAME: the start banner, the log, GET /health (support only: see
// server/http/source-problem-health.test.ts) and a "Source en erreur" badge in the header all say to
// set ICINGA_SERVERNAME to the certificate's name. (2) Restarted with that setting: live, the badge gone, and the demo référents the
// first start owed are created now that their collectivités appeared. (3) Minutes after install,
// with a probe that was CRITICAL for a few seconds, the availability card of the collectivité says
// "pas encore assez de mesures" instead of declaring the objective missed.
// Screenshots: docs/screenshots/icinga2-source-error.png, icinga2-young-installation.png.
// Without the icinga2 binary: skipped with a warning, or failed under CI=true.
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findIcinga2, FIXTURE_NODE_NAME, startIcingaFixture, type IcingaFixture } from '../scripts/icinga-fixture.ts';
import { launchChromium, VIEWPORTS } from './browser.ts';
import { pickCollectivite } from './collectivite-picker.ts';
import { ROOT, startGateway, stopGateway, type Gateway } from './gateway-process.ts';

const INSTALL_HINT = 'apt-get install -y --no-install-recommends icinga2 monitoring-plugins';
const installed = findIcinga2() !== undefined;
if (!installed && process.env.CI === 'true') {
  test('the first hour with Icinga 2 needs the icinga2 binary in CI', () => expect.fail(`icinga2 is not installed: ${INSTALL_HINT}`));
} else if (!installed) {
  console.warn(`[icinga2-first-hour.e2e] SKIPPED: icinga2 is not installed (${INSTALL_HINT})`);
}

const DOC_SHOTS = join(ROOT, 'docs', 'screenshots');
const DISK = 'boulay-mairie-srv!disque-c';
const BOX = 'boulay-mairie-box!acces-internet';
const SERVICES = [DISK, BOX, 'boulay-ecole-cam1!flux-video', 'remilly-mairie-nas!disque-nas', 'remilly-mairie-fw!lien-atelier', 'remilly-atelier-ap!wifi'];
/** Every hour covered, so that minutes of measurement exist whenever the test runs. */
const ALWAYS_COVERED = { COVERED_DAYS: '1,2,3,4,5,6,7', COVERED_OPEN: '00:00', COVERED_CLOSE: '24:00' };

describe.skipIf(!installed)('the first hour with a real Icinga 2, in Chromium', () => {
  let fixture: IcingaFixture | undefined;
  let gateway: Gateway | undefined;
  let dataDir: string | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let supportPassword = '';
  let page: Page;

  const icingaEnv = () => ({
    SOURCE: 'icinga2',
    ICINGA_URL: fixture!.url, // https://127.0.0.1:<port>: the IP, as a first try does
    ICINGA_USER: fixture!.user,
    ICINGA_PASSWORD: fixture!.password,
    ICINGA_CA: fixture!.caPath,
    ...ALWAYS_COVERED,
  });
  const pushResult = async (service: string, exitStatus: number, output: string) => {
    const res = await fixture!.api.request('POST', '/v1/actions/process-check-result', { body: { type: 'Service', service, exit_status: exitStatus, plugin_output: output } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build the SPA first (npm run test:e2e does)');
    fixture = await startIcingaFixture();
    for (const service of SERVICES) await pushResult(service, 0, 'OK - état initial');
    dataDir = mkdtempSync(join(tmpdir(), 'vigie-icinga-first-hour-'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    if (gateway) await stopGateway(gateway);
    if (gateway?.child.pid) expect(() => process.kill(gateway!.child.pid!, 0)).toThrow();
    const pid = fixture?.pid();
    await fixture?.stop();
    if (pid && pid > 0) expect(() => process.kill(pid, 0)).toThrow();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('without ICINGA_SERVERNAME, says to set it to the name in the certificate: banner, log, /health and the support badge', async () => {
    gateway = await startGateway({ dataDir: dataDir!, env: icingaEnv() });
    const fix = `ICINGA_SERVERNAME=${FIXTURE_NODE_NAME}`;
    await expect.poll(() => gateway!.output(), { timeout: 10_000 }).toContain('source NOT CONNECTED yet');
    const out = gateway.output();
    expect(out).toContain(`Set ICINGA_SERVERNAME to the name in the Icinga certificate, e.g. ${fix}.`);
    expect(out).toContain('0 collectivités');
    expect(out).toContain('the demo référent accounts will be created and shown here when their collectivités appear');
    supportPassword = /^\s+support\s+(\S+)\s+support$/m.exec(out)?.[1] ?? '';
    expect(supportPassword).not.toBe('');
    // The log says it once, not on every retry.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(gateway.output().split(`e.g. ${fix}. (retrying`).length - 1).toBe(1);

    const token = await login(gateway.url, 'support', supportPassword);
    const health = (await (await fetch(`${gateway.url}/api/v1/health`, { headers: { authorization: `Bearer ${token}` } })).json()) as { source: { state: string; problem?: { kind: string; setting: string; value: string } } };
    expect(health.source).toMatchObject({ state: 'stale', problem: { kind: 'certificate-name', setting: 'ICINGA_SERVERNAME', value: FIXTURE_NODE_NAME } });

    page = await signIn('support', supportPassword);
    const badge = page.getByTestId('source-problem');
    await badge.waitFor({ timeout: 15_000 });
    expect(await badge.textContent()).toContain('Source en erreur');
    expect(await badge.textContent()).toContain(`Certificat d'Icinga émis pour « ${FIXTURE_NODE_NAME} », pas pour « 127.0.0.1 »`);
    expect(await badge.textContent()).toContain(`Réglez ICINGA_SERVERNAME sur le nom du certificat : ${fix}`);
    expect(await page.locator('header [data-testid="data-status"]').textContent()).toContain('Données périmées');
    await page.screenshot({ path: join(DOC_SHOTS, 'icinga2-source-error.png') });
  });

  it('with the setting fixed: live, no badge, and the demo référents created now that their collectivités appeared', async () => {
    await stopGateway(gateway!);
    gateway = await startGateway({ dataDir: dataDir!, env: { ...icingaEnv(), ICINGA_SERVERNAME: FIXTURE_NODE_NAME } });
    await expect.poll(() => gateway!.output(), { timeout: 15_000 }).toContain('demo référent accounts, now that their collectivités appeared');
    const out = gateway.output();
    expect(out).not.toContain('NOT CONNECTED');
    const referents = [...out.matchAll(/^\s+(referent-\S+)\s+(\S+)\s+referent — (.+)$/gm)].map((m) => ({ login: m[1]!, password: m[2]!, name: m[3]! }));
    expect(referents.map((r) => r.name).sort()).toEqual(['Boulay-Moselle', 'Rémilly']);
    // A référent account the first start owed works: it signs in to its own collectivité.
    expect(await login(gateway.url, referents[0]!.login, referents[0]!.password)).toBeTruthy();

    page = await signIn('support', supportPassword);
    await expect.poll(() => page.locator('header [data-testid="data-status"]').textContent(), { timeout: 20_000 }).toContain('Données en direct');
    expect(await page.getByTestId('source-problem').count()).toBe(0);
  });

  it('minutes after install, the availability card says there are not enough measurements yet instead of a verdict', async () => {
    // Two of Boulay's probes CRITICAL for 15 s within about a minute of measurement: well under 96 %.
    await pushResult(DISK, 2, 'DISK CRITICAL - 2% libre sur C:');
    await pushResult(BOX, 2, 'CRITICAL - pas de synchronisation');
    await new Promise((r) => setTimeout(r, 15_000));
    await pushResult(DISK, 0, 'DISK OK - 40% libre sur C:');
    await pushResult(BOX, 0, 'OK - synchronisé');
    await new Promise((r) => setTimeout(r, 2_500)); // past PERSIST_MS: the report reads stored history
    // The legend counts follow the collectivité filter: 4 sites in all, Boulay-Moselle's 2 once selected.
    const legend = page.getByRole('figure').filter({ hasText: 'Légende' });
    await expect.poll(() => legend.textContent(), { timeout: 10_000 }).toMatch(/OK\s*4/);
    await pickCollectivite(page, 'Boulay-Moselle', { label: 'Périmètre' });
    await expect.poll(() => legend.textContent(), { timeout: 10_000 }).toMatch(/OK\s*2/);
    const month = page.getByRole('figure').filter({ hasText: 'Mois en cours' });
    const verdict = month.getByTestId('sla-verdict');
    await expect.poll(() => verdict.textContent(), { timeout: 20_000 }).toMatch(/Pas encore assez de mesures — \d+ (s|min) mesurées/);
    expect(await month.getAttribute('data-verdict')).toBe('too-early');
    const ratio = await month.getByTestId('availability-value').textContent();
    expect(Number(ratio!.replace(/[^\d,]/g, '').replace(',', '.'))).toBeLessThan(96);
    expect(await month.textContent()).not.toContain('Sous l’objectif');
    const semester = page.getByRole('figure').filter({ hasText: 'Semestre en cours' });
    await expect.poll(() => semester.getAttribute('data-verdict'), { timeout: 20_000 }).toBe('too-early');
    await page.screenshot({ path: join(DOC_SHOTS, 'icinga2-young-installation.png') });
  });

  async function signIn(loginName: string, password: string): Promise<Page> {
    const context = await browser!.newContext({ viewport: VIEWPORTS.wall });
    contexts.push(context);
    const p = await context.newPage();
    await p.goto(`${gateway!.url}/login`);
    await p.getByLabel('Identifiant').fill(loginName);
    await p.getByLabel('Mot de passe').fill(password);
    await p.getByRole('button', { name: 'Se connecter' }).click();
    await p.locator('header [data-testid="data-status"]').waitFor({ timeout: 20_000 });
    return p;
  }
});

async function login(url: string, loginName: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: loginName, password }) });
  if (!res.ok) throw new Error(`login ${loginName}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}
