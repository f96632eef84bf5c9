// POST /incidents/actions: one comment acknowledges a storm's incidents in one request, each
// recorded as if sent alone (its own timeline entry, its own stored action), refusals per incident.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Incident } from '../../src/domain/model.ts';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

let gw: TestGateway;
let support: string;
let ids: string[];

beforeAll(async () => {
  gw = await startTestGateway();
  for (const probe of ['p-c1-1', 'p-c1-2', 'p-c2-1']) gw.source.emit(probe, 'CRITICAL');
  ids = [...gw.supervision.incidents()].map((i) => i.id);
  support = await gw.login('support');
});
afterAll(() => gw.close());

const bulk = (token: string | undefined, body: unknown) => gw.call('POST', '/incidents/actions', token, body);

it('acknowledges many incidents with one comment, each recorded by whom and stored', async () => {
  expect(ids).toHaveLength(3);
  const res = await bulk(support, { incidentIds: ids, action: { action: 'acknowledge', comment: 'Coupure fibre CC du Saulnois, Orange prévenu' } });
  expect(res.statusCode).toBe(200);
  const { results } = res.json() as { results: Array<{ incidentId: string; ok: boolean; incident: Incident }> };
  expect(results.map((r) => [r.incidentId, r.ok, r.incident.status])).toEqual(ids.map((id) => [id, true, 'acknowledged']));
  for (const id of ids) {
    expect(gw.supervision.incident(id)?.timeline.at(-1)).toMatchObject({ kind: 'acknowledged', by: 'support', comment: 'Coupure fibre CC du Saulnois, Orange prévenu' });
  }
  await gw.supervision.persist();
  const stored = await gw.storage.loadIncidents({ from: 0, to: Number.MAX_SAFE_INTEGER });
  expect(stored.filter((i) => ids.includes(i.id)).map((i) => i.status)).toEqual(['acknowledged', 'acknowledged', 'acknowledged']);
});

it('answers each incident on its own: refused ones say why, the others go through', async () => {
  const [first] = ids;
  const res = await bulk(support, { incidentIds: [first, 'nope@1', first], action: { action: 'start-intervention' } });
  expect(res.statusCode).toBe(200);
  expect(res.json().results).toEqual([
    expect.objectContaining({ incidentId: first, ok: true, incident: expect.objectContaining({ status: 'in-progress' }) }),
    { incidentId: 'nope@1', ok: false, code: 'not-found', message: 'no-incident' },
  ]);
  const again = await bulk(support, { incidentIds: [first], action: { action: 'acknowledge', comment: 'encore' } });
  expect(again.json().results).toEqual([{ incidentId: first, ok: false, code: 'conflict', message: 'already-in-progress' }]);
});

it('refuses référents, the kiosk, bad bodies and oversized lists with a clear error', async () => {
  const referent = await gw.login('ref-c1');
  const own = ids.filter((id) => gw.supervision.incident(id)?.collectiviteId === 'c1');
  const refused = await bulk(referent, { incidentIds: own, action: { action: 'comment', comment: 'x' } });
  expect(refused.statusCode).toBe(403);
  expect(refused.json().error).toMatchObject({ code: 'forbidden', field: 'action' });
  expect((await bulk(undefined, { incidentIds: own, action: { action: 'comment', comment: 'x' } })).statusCode).toBe(401);
  for (const body of [{}, { incidentIds: [], action: { action: 'acknowledge', comment: 'x' } }, { incidentIds: ids, action: { action: 'acknowledge' } }, { incidentIds: Array(501).fill('x'), action: { action: 'close' } }]) {
    const res = await bulk(support, body);
    expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    expect(res.json().error.code).toBe('bad-request');
  }
});
