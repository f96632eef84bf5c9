// The README's screenshots, taken the way they describe: the real gateway (simulator at full
// Moselle scale, storm scenario at ×20), headless Chromium, no map tiles (the sandbox has none).
// Run after `npx vite build`: npx tsx scripts/take-screenshots.ts  → docs/screenshots/*.png
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium, VIEWPORTS } from '../e2e/browser.ts';
import { ROOT, startGateway, stopGateway } from '../e2e/gateway-process.ts';
import { demoAccounts, signIn } from '../e2e/gateway-session.ts';
import { searchFold } from '../src/domain/search-fold.ts';

const OUT = join(ROOT, 'docs', 'screenshots');
const shot = (name: string) => join(OUT, `${name}.png`);
const dataDir = mkdtempSync(join(tmpdir(), 'vigie-screenshots-'));
const gateway = await startGateway({ dataDir, env: { SIM_SCALE: 'moselle', SIM_SCENARIO: 'storm', SIM_SPEED: '20', TILE_URL: 'http://127.0.0.1:9/{z}/{x}/{y}.png' }, readyTimeoutMs: 180_000 });
const browser = await launchChromium();
try {
  const accounts = await demoAccounts(gateway, 60_000);
  const support = accounts.find((a) => a.role === 'support')!;
  const referent = accounts.find((a) => a.role === 'referent')!;
  // The storm's cut comes 5 simulated minutes after the start: 15 s at ×20, then it spreads.
  await new Promise((resolve) => setTimeout(resolve, 30_000));

  const desk = await browser.newPage({ viewport: VIEWPORTS.wall });
  await signIn(desk, gateway.url, support);
  await desk.getByText('Données en direct').waitFor({ timeout: 60_000 });
  // The Moselle borders come once the estate is painted (a few seconds at this scale): wait for
  // their credit, or the pictures show the sites on an empty background.
  await desk.locator('.leaflet-control-attribution', { hasText: 'IGN' }).waitFor({ timeout: 60_000 });
  const cut = desk.locator('[data-row-id^="area:"]').first();
  await cut.waitFor({ timeout: 60_000 });
  await cut.getByRole('button', { name: 'Afficher le détail' }).click();
  // The group's row at the top of the list, its dependent probes under it.
  await cut.evaluate((row) => row.scrollIntoView({ block: 'start' }));
  await desk.waitForTimeout(1_500);
  await desk.screenshot({ path: shot('dashboard-storm-desk') });
  await cut.getByRole('button', { name: 'Masquer le détail' }).click();
  await desk.locator('[data-row-id^="probe:"] [data-row-main]').first().click();
  await desk.waitForTimeout(1_500);
  await desk.screenshot({ path: shot('dashboard-support') });

  // The reports screen: the référent's collectivité over the year, chosen in the shared picker.
  await desk.getByRole('link', { name: 'Rapports' }).click();
  const reportScope = desk.getByRole('combobox', { name: 'Collectivité du rapport', exact: true });
  await reportScope.click();
  await reportScope.pressSequentially(searchFold(referent.collectiviteName!));
  await desk.getByRole('listbox', { name: 'Collectivité du rapport', exact: true }).getByRole('option', { name: referent.collectiviteName!, exact: true }).click();
  await desk.getByRole('button', { name: 'Année' }).click();
  await desk.getByRole('heading', { name: 'Disponibilité par service' }).waitFor({ timeout: 60_000 });
  await desk.waitForTimeout(1_500);
  await desk.screenshot({ path: shot('reports-support') });

  const wall = await browser.newPage({ viewport: VIEWPORTS.wall });
  await wall.goto(`${gateway.url}/wall?token=${gateway.kioskToken}`);
  await wall.locator('#wall-focus-title').waitFor({ timeout: 60_000 });
  await wall.locator('.leaflet-control-attribution', { hasText: 'IGN' }).waitFor({ timeout: 60_000 });
  // A collectivité of the cut on screen: its cut sites folded into one line each.
  await wall.locator('[data-wall-cause="site-cut"]').first().waitFor({ timeout: 180_000 });
  await wall.waitForTimeout(1_000);
  await wall.screenshot({ path: shot('wall-kiosk') });

  const phoneContext = await browser.newContext({ viewport: VIEWPORTS.phone, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await signIn(phone, gateway.url, referent);
  await phone.getByText('Données en direct').waitFor({ timeout: 60_000 });
  await phone.waitForTimeout(2_000);
  await phone.screenshot({ path: shot('phone-referent') });
  console.log(`screenshots written to ${OUT}`);
} finally {
  await browser.close();
  await stopGateway(gateway);
  rmSync(dataDir, { recursive: true, force: true });
}
