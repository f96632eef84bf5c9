// /maintenances against the real gateway API (fastify, PGlite, supervision): scheduling, listing per
// scope, the bad-input rules, editing before start, cancelling and ending now, restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MaintenanceWindow } from '../../src/domain/maintenance.ts';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

const H = 3_600_000;
let gw: TestGateway;
let support: string;
let refC1: string;
let refC2: string;
const now = () => gw.source.clock;
const request = (over: Record<string, unknown> = {}) => ({
  collectiviteId: 'c1',
  siteIds: ['s-c1'],
  start: now() + 24 * H,
  end: now() + 26 * H,
  nature: 'mise à jour du serveur',
  ...over,
});

beforeAll(async () => {
  gw = await startTestGateway();
  [support, refC1, refC2] = await Promise.all([gw.login('support'), gw.login('ref-c1'), gw.login('ref-c2')]);
});
afterAll(() => gw.close());

describe('scheduling', () => {
  it('support schedules a window: 201, stored, listed for the collectivité and its référent only', async () => {
    const res = await gw.call('POST', '/maintenances', support, request());
    expect(res.statusCode).toBe(201);
    const window = res.json<MaintenanceWindow>();
    expect(window).toMatchObject({ collectiviteId: 'c1', siteIds: ['s-c1'], nature: 'mise à jour du serveur', by: 'support', source: 'vigie', createdAt: now() });
    expect(await gw.storage.maintenance.loadWindows()).toContainEqual(window);
    const mine = await gw.call('GET', '/maintenances', refC1);
    expect(mine.json<{ items: MaintenanceWindow[] }>().items.map((w) => w.id)).toContain(window.id);
    const theirs = await gw.call('GET', '/maintenances', refC2);
    expect(theirs.json<{ items: MaintenanceWindow[] }>().items).toEqual([]);
    expect((await gw.call('GET', `/maintenances/${window.id}`, refC2)).statusCode).toBe(403);
    expect((await gw.call('GET', '/maintenances?collectiviteId=c1', refC2)).statusCode).toBe(403);
  });

  it.each<[string, () => Record<string, unknown>, number, RegExp]>([
    ['ends before it starts', () => request({ start: now() + 26 * H, end: now() + 24 * H }), 400, /must end after it starts/],
    ['longer than the 7-day maximum', () => request({ end: now() + 24 * H + 7 * 24 * H + 1 }), 400, /at most 168 hours/],
    ['in the past', () => request({ start: now() - 3 * H, end: now() - 2 * H }), 400, /in the past/],
    ['started an hour ago', () => request({ start: now() - H }), 400, /in the past/],
    ['no target', () => request({ siteIds: [] }), 400, /at least one site/],
    ['a site of another collectivité', () => request({ siteIds: ['s-c2'] }), 400, /s-c2 is not in collectivité c1/],
    ['an unknown collectivité', () => request({ collectiviteId: 'c9' }), 400, /unknown collectivité/],
    ['a blank nature', () => request({ nature: '   ' }), 400, /nature/],
    ['a NUL in the nature', () => request({ nature: 'a\u0000b' }), 400, /NUL/],
    ['a date that is not a number', () => request({ start: 'tomorrow' }), 400, /start/],
  ])('refuses %s with a clear message', async (_name, body, status, message) => {
    const res = await gw.call('POST', '/maintenances', support, body());
    expect(res.statusCode).toBe(status);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
  });

  it('a référent cannot create, edit or cancel windows', async () => {
    const res = await gw.call('POST', '/maintenances', refC1, request());
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(/référent cannot schedule/);
    const [first] = gw.supervision.maintenance.all();
    expect((await gw.call('POST', `/maintenances/${first!.id}`, refC1, request())).statusCode).toBe(403);
    expect((await gw.call('DELETE', `/maintenances/${first!.id}`, refC1)).statusCode).toBe(403);
  });
});

describe('changing a window', () => {
  it('edits an upcoming window, then cancels it: it stays recorded as cancelled', async () => {
    const created = (await gw.call('POST', '/maintenances', support, request())).json<MaintenanceWindow>();
    const edited = await gw.call('POST', `/maintenances/${created.id}`, support, request({ nature: 'remplacement du switch', end: now() + 25 * H }));
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ id: created.id, nature: 'remplacement du switch', end: now() + 25 * H, createdAt: created.createdAt });
    const cancelled = await gw.call('DELETE', `/maintenances/${created.id}`, support);
    expect(cancelled.json()).toMatchObject({ id: created.id, cancelledAt: now() });
    expect((await gw.call('DELETE', `/maintenances/${created.id}`, support)).statusCode).toBe(409);
    const all = (await gw.call('GET', '/maintenances?phase=all', support)).json<{ items: MaintenanceWindow[] }>().items;
    expect(all.find((w) => w.id === created.id)).toMatchObject({ cancelledAt: now() });
    const current = (await gw.call('GET', '/maintenances', support)).json<{ items: MaintenanceWindow[] }>().items;
    expect(current.map((w) => w.id)).not.toContain(created.id);
  });

  it('deleting a running window ends it now; it cannot be edited once started', async () => {
    const created = (await gw.call('POST', '/maintenances', support, request({ start: now(), end: now() + 2 * H }))).json<MaintenanceWindow>();
    gw.source.clock += 30 * 60_000;
    expect((await gw.call('POST', `/maintenances/${created.id}`, support, request({ start: now(), end: now() + H }))).statusCode).toBe(409);
    const ended = await gw.call('DELETE', `/maintenances/${created.id}`, support);
    expect(ended.json()).toMatchObject({ id: created.id, start: created.start, end: created.end, endedAt: now() });
    const past = (await gw.call('GET', '/maintenances?phase=past', support)).json<{ items: MaintenanceWindow[] }>().items;
    expect(past.find((w) => w.id === created.id)).toMatchObject({ endedAt: now() });
  });

  it('an unknown id is a 404', async () => {
    expect((await gw.call('DELETE', '/maintenances/nope', support)).statusCode).toBe(404);
    expect((await gw.call('GET', '/maintenances/nope', support)).statusCode).toBe(404);
  });
});

describe('reports', () => {
  it('availability lists the windows of the period with their covered hours, and counts their time as maintenance', async () => {
    // Monday 2 March 2026 09:00 Paris = 08:00 UTC: the test gateway's clock. A window 10:00–12:00 covered.
    const start = now() + H;
    const created = (await gw.call('POST', '/maintenances', support, request({ siteIds: ['s-c1'], start, end: start + 2 * H, nature: 'changement du disque' }))).json<MaintenanceWindow>();
    gw.source.emit('p-c1-3', 'CRITICAL', { afterMs: H + 60_000 }); // inside the window: no incident
    expect([...gw.supervision.incidents()].filter((i) => i.probeId === 'p-c1-3')).toEqual([]);
    gw.source.clock += 3 * H;
    await gw.supervision.persist();
    const from = Date.UTC(2026, 2, 2, 0);
    const report = (await gw.call('GET', `/availability?collectiviteId=c1&from=${from}&to=${from + 24 * H}`, support)).json();
    expect(report.maintenances).toContainEqual({ id: created.id, collectiviteId: 'c1', start, end: start + 2 * H, nature: 'changement du disque', source: 'vigie', coveredSeconds: 2 * 3600 });
    // The site's 3 probes were covered for the 2 hours (less the minute before p-c1-3's first state there).
    expect(report.maintenanceSeconds).toBeGreaterThanOrEqual(3 * 2 * 3600 - 3600);
    expect((await gw.call('GET', `/availability?collectiviteId=c2&from=${from}&to=${from + 24 * H}`, support)).json().maintenances).toEqual([]);
  });
});
