// #17 item 1, one incident per cause: an area cut (three sites of one EPCI lose their access within
// minutes, cameras and hosts failing with them) is injected into the real gateway and simulator; the
// support cell's incidents list shows one cause row "+N sondes rattachées", expands it, and
// acknowledges the cause with one comment — the attached incidents are acknowledged in the same
// single request, each recorded on its own. Chromium at 1920×1080, driven by clicks and keys.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { indexEstate } from '../src/domain/estate-index.ts';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { axeReport } from './axe.ts';
import { screenshotPath } from './browser.ts';
import type { Gateway } from './gateway-process.ts';
import { injectProbeState, stillEstateEnv } from './gateway-session.ts';
import { openSupportDesk, startE2eStack, stopE2eStack, type E2eStack } from './e2e-stack.ts';

const estate = generateEstate({ seed: 57, scale: 'small' });
const index = indexEstate(estate);
const accessOf = (siteId: string) => index.probesBySite.get(siteId)?.find((p) => p.kind === 'internet');
/** Three sites with an access of one EPCI (the smallest one that has three: a small cut). */
const cutSites = (() => {
  const byEpci = new Map<string, string[]>();
  for (const s of estate.sites) {
    const epci = index.collectivites.get(s.collectiviteId)?.epci;
    if (epci && accessOf(s.id)) byEpci.set(epci, [...(byEpci.get(epci) ?? []), s.id]);
  }
  const [, sites] = [...byEpci].filter(([, list]) => list.length >= 3).sort((a, b) => a[1].length - b[1].length || a[0].localeCompare(b[0]))[0]!;
  return sites.slice(0, 3);
})();
const cutAccess = cutSites.map((id) => accessOf(id)!);
/** What fails with each cut: up to two cameras or hosts of the site. */
const fellWith = cutSites.flatMap((id) => (index.probesBySite.get(id) ?? []).filter((p) => p.kind === 'camera' || p.kind === 'host').slice(0, 2));
const attachedCount = cutAccess.length - 1 + fellWith.length;

let stack: E2eStack | undefined;
let dataDir: string;
let gateway: Gateway;
let page: Page;

beforeAll(async () => {
  expect(fellWith.length).toBeGreaterThanOrEqual(3);
  stack = await startE2eStack('vigie-cause-e2e-', stillEstateEnv());
  ({ dataDir, gateway } = stack);
  page = await openSupportDesk(stack);
}, 60_000);

afterAll(async () => {
  await stopE2eStack(stack);
});

test('an area cut is one incident row with its attached probes; acknowledging the cause acknowledges them, in one request', async () => {
  for (const [i, siteId] of cutSites.entries()) {
    await injectProbeState(dataDir, cutAccess[i]!.id, 'CRITICAL', 'PING CRITICAL - Packet loss = 100%|rta=0.00ms');
    for (const p of fellWith.filter((q) => index.siteOfProbe.get(q.id) === siteId)) await injectProbeState(dataDir, p.id, 'CRITICAL', 'CRITICAL - no answer since the access went down');
  }
  const incidents = page.getByRole('region', { name: 'Incidents' });
  const toggle = incidents.getByRole('button', { name: `+${attachedCount} sondes rattachées` });
  await toggle.waitFor({ timeout: 20_000 });
  // One row for the whole cut: no other row in the list is one of the cut's incidents.
  const causeRow = incidents.locator('li[data-incident-id]').filter({ has: page.getByRole('button', { name: `+${attachedCount} sondes rattachées` }) });
  const causeId = await causeRow.getAttribute('data-incident-id');
  expect(cutAccess.map((p) => p.id)).toContain(causeId!.slice(0, causeId!.lastIndexOf('@')));
  const rowIds = await incidents.locator('li[data-incident-id]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-incident-id')!));
  const cutProbes = new Set([...cutAccess, ...fellWith].map((p) => p.id));
  expect(rowIds.filter((id) => cutProbes.has(id.slice(0, id.lastIndexOf('@'))))).toEqual([causeId]);

  await toggle.click();
  expect(await toggle.getAttribute('aria-expanded')).toBe('true');
  const attached = causeRow.locator('li[data-attached-incident-id]');
  await expect.poll(() => attached.count(), { timeout: 10_000 }).toBe(attachedCount);

  let bulkRequests = 0;
  page.on('request', (r) => void (r.url().endsWith('/api/v1/incidents/actions') && r.method() === 'POST' && (bulkRequests += 1)));
  await causeRow.getByRole('button', { name: /Détails de l’incident/ }).click();
  const form = causeRow.getByRole('form', { name: 'Actions' });
  await form.getByLabel('Commentaire').fill('Coupure fibre de la zone — opérateur prévenu');
  const alsoAttached = form.getByRole('checkbox', { name: `Appliquer aussi aux ${attachedCount} incidents rattachés` });
  expect(await alsoAttached.isChecked()).toBe(true);
  await form.getByRole('button', { name: 'Acquitter' }).click();
  await form.getByText(`Acquittés : ${attachedCount + 1} incidents.`).waitFor({ timeout: 15_000 });
  expect(bulkRequests).toBe(1);
  // The attached list is read again: every attached incident now says so.
  await expect.poll(() => attached.filter({ hasText: 'Acquitté' }).count(), { timeout: 10_000 }).toBe(attachedCount);
  await causeRow.evaluate((li) => li.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: screenshotPath('incidents-cause-row-1920x1080') });
  // The cause row expanded, with its detail and actions open: no WCAG A/AA violation.
  expect(await axeReport(page, 'cause row expanded')).toEqual([]);

  // Recorded per incident, by whom, with the one comment; each still its own incident (own GTI clock).
  const token = await page.evaluate(() => (JSON.parse(sessionStorage.getItem('vigie.session') ?? '{}') as { token?: string }).token);
  const res = await fetch(`${gateway.url}/api/v1/incidents?status=acknowledged&pageSize=500`, { headers: { Authorization: `Bearer ${token}` } });
  const { items } = (await res.json()) as { items: Array<{ id: string; probeId: string; cause?: { incidentId?: string }; timeline: Array<{ kind: string; by?: string; comment?: string }> }> };
  const cut = items.filter((i) => cutProbes.has(i.probeId));
  expect(cut).toHaveLength(attachedCount + 1);
  for (const i of cut) {
    expect(i.timeline.at(-1)).toMatchObject({ kind: 'acknowledged', by: 'support', comment: 'Coupure fibre de la zone — opérateur prévenu' });
    if (i.id !== causeId) expect(i.cause?.incidentId).toBe(causeId);
  }
});
