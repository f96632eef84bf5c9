// Incident lists are paginated by the database, with the live state's fresher versions merged in.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Incident } from '../../src/domain/model.ts';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

const DAY = 86_400_000;
let gw: TestGateway;
let support: string;
let live: Incident;

const history = (n: number): Incident => {
  const openedAt = Date.UTC(2026, 1, n, 9);
  return {
    id: `old-${n}`,
    probeId: 'p-c1-2',
    siteId: 's-c1',
    collectiviteId: 'c1',
    status: 'closed',
    severity: 'WARNING',
    openedAt,
    resolvedAt: openedAt + 3_600_000,
    closedAt: openedAt + DAY,
    timeline: [{ at: openedAt, kind: 'opened', state: 'WARNING' }],
    version: 3,
  };
};
const ids = (body: { items: Incident[] }) => body.items.map((i) => i.id);

beforeAll(async () => {
  gw = await startTestGateway();
  await gw.storage.saveIncidents([1, 2, 3, 4, 5].map(history));
  gw.source.emit('p-c1-1', 'CRITICAL'); // live only: the test gateway writes every 60 s
  live = [...gw.supervision.incidents()].find((i) => i.probeId === 'p-c1-1')!;
  support = await gw.login('support');
});
afterAll(() => gw.close());

it('pages stored history newest first, with a not-yet-written live incident on top', async () => {
  const page = (n: number) => gw.call('GET', `/incidents?collectiviteId=c1&pageSize=2&page=${n}`, support).then((r) => r.json());
  expect(await page(1)).toEqual({ items: [expect.objectContaining({ id: live.id }), expect.objectContaining({ id: 'old-5' })], total: 6, page: 1, pageSize: 2 });
  expect(ids(await page(2))).toEqual(['old-4', 'old-3']);
  expect(ids(await page(3))).toEqual(['old-2', 'old-1']);
  expect(ids(await page(4))).toEqual([]);
});

it('filters by status and period in the database', async () => {
  const get = (q: string) => gw.call('GET', `/incidents?${q}`, support).then((r) => r.json());
  expect(ids(await get('status=closed&pageSize=3'))).toEqual(['old-5', 'old-4', 'old-3']);
  expect((await get('status=closed&pageSize=3')).total).toBe(5);
  // old-2 was resolved at 10:00 on the 2nd, inside the period; old-4 opened after it.
  expect(ids(await get(`from=${Date.UTC(2026, 1, 2, 9, 30)}&to=${Date.UTC(2026, 1, 4)}`))).toEqual(['old-3', 'old-2']);
  expect(ids(await get('status=active'))).toEqual([live.id]);
  // A référent's history: ended ones only, one site at a time.
  expect((await get('status=ended')).total).toBe(5);
  expect(ids(await get('status=ended&siteId=s-c1&pageSize=2'))).toEqual(['old-5', 'old-4']);
  expect((await get('siteId=s-c2')).items.every((i: Incident) => i.siteId === 's-c2')).toBe(true);
  expect((await get('siteId=s-c1')).total).toBe(6);
});

it('shows the live status over an older stored one', async () => {
  await gw.supervision.persist(); // stored as open
  const ack = await gw.call('POST', `/incidents/${encodeURIComponent(live.id)}/actions`, support, { action: 'acknowledge', comment: 'pris en charge' });
  expect(ack.statusCode).toBe(200);
  const get = (q: string) => gw.call('GET', `/incidents?${q}`, support).then((r) => r.json());
  expect(await get('status=acknowledged')).toMatchObject({ items: [{ id: live.id, status: 'acknowledged' }], total: 1 });
  expect(ids(await get('status=open'))).toEqual([]);
  expect((await get('status=active')).items[0]).toMatchObject({ id: live.id, status: 'acknowledged' });
});

it('gives the same order on every page size as sorting everything at once', async () => {
  // Stored incidents on both sides of the live ones, so live rows land mid-page and mid-list.
  const later = { ...history(6), id: 'later', openedAt: Date.UTC(2026, 2, 10), resolvedAt: Date.UTC(2026, 2, 10, 1), closedAt: Date.UTC(2026, 2, 11) };
  const between = { ...history(7), id: 'between', openedAt: Date.UTC(2026, 2, 2, 8, 0, 30), resolvedAt: Date.UTC(2026, 2, 2, 9), closedAt: Date.UTC(2026, 2, 3) };
  await gw.storage.saveIncidents([later, between]);
  gw.source.emit('p-c1-3', 'CRITICAL'); // a second live incident, unwritten
  const all = [...gw.supervision.incidents(), later, between, ...[1, 2, 3, 4, 5].map(history)];
  const expected = all.sort((a, b) => b.openedAt - a.openedAt || (a.id < b.id ? -1 : 1)).map((i) => i.id);
  expect(expected.indexOf(live.id)).toBeGreaterThan(0); // not trivially on top
  for (const pageSize of [1, 2, 3, 4, 7]) {
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(expected.length / pageSize); page++) {
      const body = (await gw.call('GET', `/incidents?collectiviteId=c1&pageSize=${pageSize}&page=${page}`, support)).json();
      expect(body.total).toBe(expected.length);
      seen.push(...ids(body));
    }
    expect(seen, `pageSize ${pageSize}`).toEqual(expected);
  }
});
