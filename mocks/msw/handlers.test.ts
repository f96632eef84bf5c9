import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { createApiClient, type ApiClient } from '../../src/api/api-client.ts';
import { ApiError } from '../../src/api/api-error.ts';
import { siteDetailSchema } from '../../src/api/queries.ts';
import {
  availabilityReportSchema,
  calendarSchema,
  contributionSchema,
  gtiReportSchema,
  incidentPageSchema,
  probeDetailSchema,
  sessionSchema,
} from '../../src/protocol/rest.ts';
import { collectiviteSchema, incidentSchema, siteSchema, sourceHealthSchema } from '../../src/protocol/schemas.ts';
import { historySchema } from '../../src/protocol/history.ts';
import { createHandlers, gatewayRoutes } from './handlers.ts';
import { setupDemoServer } from './node.ts';
import { KIT_T0, startDemoKit, type DemoKit } from './demo-gateway.test-kit.ts';

const BASE = 'http://vigie.test';
let kit: DemoKit;
let server: ReturnType<typeof setupDemoServer>;

beforeAll(async () => {
  kit = await startDemoKit();
  server = setupDemoServer(kit.gateway, { baseUrl: BASE });
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

beforeEach(async () => {
  // A fresh gateway per test, behind the same handlers as the demo.
  await kit.gateway.stop();
  kit = await startDemoKit();
  server.resetHandlers(...createHandlers(kit.gateway, { baseUrl: BASE }));
  // c1 and c2 each get an open incident; history is written.
  kit.source.emit('p-c1-1', 'CRITICAL');
  kit.source.emit('p-c2-1', 'CRITICAL');
  kit.timers.advance(1_000);
});
afterEach(() => kit.gateway.stop());

async function signIn(login: string, password = 'demo'): Promise<ApiClient> {
  const anonymous = createApiClient({ baseUrl: BASE, getToken: () => undefined });
  const session = await anonymous.post('/session', { login, password }, sessionSchema);
  return createApiClient({ baseUrl: BASE, getToken: () => session.token });
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; code: string }> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  const { status, code } = error as ApiError;
  return { status, code };
}

const incidentOf = (collectiviteId: string) => [...kit.gateway.supervision.incidents()].find((i) => i.collectiviteId === collectiviteId)!;

describe('sessions', () => {
  test('a demo login gets a contract session; a wrong password or no token is a 401', async () => {
    const anonymous = createApiClient({ baseUrl: BASE, getToken: () => undefined });
    const session = await anonymous.post('/session', { login: 'referent', password: 'demo' }, sessionSchema);
    expect(session.user).toMatchObject({ login: 'referent', role: 'referent', collectiviteId: 'c1' });
    expect(await refusal(anonymous.post('/session', { login: 'support', password: 'nope' }, sessionSchema))).toEqual({ status: 401, code: 'unauthorized' });
    expect(await refusal(anonymous.post('/session', { login: '' }, sessionSchema))).toEqual({ status: 400, code: 'bad-request' });
    expect(await refusal(anonymous.get('/collectivites', z.array(collectiviteSchema)))).toEqual({ status: 401, code: 'unauthorized' });
    const support = await signIn('support');
    expect(await support.get('/me', sessionSchema.shape.user)).toMatchObject({ login: 'support', role: 'support' });
    await support.delete('/session');
    expect(await refusal(support.get('/me', sessionSchema.shape.user))).toEqual({ status: 401, code: 'unauthorized' });
  });

  test('an unknown API route is a 404 in the gateway error shape', async () => {
    const support = await signIn('support');
    expect(await refusal(support.get('/nowhere', z.unknown()))).toEqual({ status: 404, code: 'not-found' });
  });

  test('refusals come from the same core as the gateway’s: session first, then body limits and validation', async () => {
    const anonymous = createApiClient({ baseUrl: BASE, getToken: () => undefined });
    // An unknown path is not public: without a session it reveals nothing.
    expect(await refusal(anonymous.get('/nowhere', z.unknown()))).toEqual({ status: 401, code: 'unauthorized' });
    // Login takes up to TEXT_BODY_LIMIT (64 KB); past it, 413 as fastify answers.
    expect(await refusal(anonymous.post('/session', { login: 'support', password: 'x'.repeat(70_000) }, sessionSchema))).toEqual({ status: 413, code: 'too-large' });
    const raw = await fetch(`${BASE}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"login": ' });
    expect(raw.status).toBe(400);
    expect(raw.headers.get('cache-control')).toBe('no-store');
    // A repeated query key is an array, as fastify parses it, and validation names it.
    const token = (await anonymous.post('/session', { login: 'support', password: 'demo' }, sessionSchema)).token;
    const twice = await fetch(`${BASE}/api/v1/incidents?page=1&page=2`, { headers: { authorization: `Bearer ${token}` } });
    expect(twice.status).toBe(400);
    expect(await twice.json()).toMatchObject({ error: { code: 'bad-request', field: 'page' } });
  });
});

describe('support desk: every route answers with a schema-valid payload', () => {
  test('estate, calendar and health', async () => {
    const api = await signIn('support');
    expect(await api.get('/calendar', calendarSchema)).toMatchObject({ timeZone: 'Europe/Paris', open: '09:00', close: '17:30', gtiHours: 8 });
    expect((await api.get('/calendar', calendarSchema)).closedDates).toContain('2026-04-03'); // Good Friday, Moselle
    const health = z.object({ source: sourceHealthSchema, unmapped: z.object({ count: z.number(), probeIds: z.array(z.string()) }) });
    expect(await api.get('/health', health)).toMatchObject({ source: { state: 'connected' }, unmapped: { count: 0 } });
    expect((await api.get('/collectivites', z.array(collectiviteSchema))).map((c) => c.id)).toEqual(['c1', 'c2']);
    const c2 = await api.get('/collectivites/c2', collectiviteSchema.extend({ sites: z.array(siteSchema) }));
    expect(c2.sites.map((s) => s.id)).toEqual(['s-c2']);
    const site = await api.get('/sites/s-c2', siteDetailSchema);
    expect(site.equipment[0]!.probes.map((p) => p.status?.state)).toEqual(['CRITICAL', 'OK', 'OK']);
    expect((await api.get('/probes/p-c2-1', probeDetailSchema)).status.state).toBe('CRITICAL');
    expect(await refusal(api.get('/sites/nowhere', siteDetailSchema))).toEqual({ status: 404, code: 'not-found' });
  });

  test('incidents, actions and refusals', async () => {
    const api = await signIn('support');
    const page = await api.get('/incidents', incidentPageSchema, { status: 'active' });
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 50 });
    const id = incidentOf('c2').id;
    expect(await api.get(`/incidents/${encodeURIComponent(id)}`, incidentSchema)).toMatchObject({ id, status: 'open' });
    const acked = await api.post(`/incidents/${encodeURIComponent(id)}/actions`, { action: 'acknowledge', comment: 'Technicien prévenu' }, incidentSchema);
    expect(acked).toMatchObject({ status: 'acknowledged', timeline: expect.arrayContaining([expect.objectContaining({ kind: 'acknowledged', by: 'support' })]) });
    expect(await refusal(api.post(`/incidents/${encodeURIComponent(id)}/actions`, { action: 'close' }, incidentSchema))).toEqual({ status: 409, code: 'conflict' });
    expect(await refusal(api.post(`/incidents/${encodeURIComponent(id)}/actions`, { action: 'acknowledge', comment: '' }, incidentSchema))).toEqual({ status: 400, code: 'bad-request' });
    expect((await api.get('/incidents', incidentPageSchema, { status: 'acknowledged' })).items.map((i) => i.id)).toEqual([id]);
  });

  test('availability, GTI, contribution and CSV exports', async () => {
    const api = await signIn('support');
    kit.source.clock += 3_600_000;
    kit.timers.advance(1_000);
    const availability = await api.get('/availability', availabilityReportSchema, { period: 'month' });
    expect(availability).toMatchObject({ scope: 'all', target: 0.96 });
    expect(availability.downSeconds).toBeGreaterThan(2 * 3_000); // two probes down for about an hour
    expect(availability.worst.map((w) => w.probeId).sort()).toEqual(['p-c1-1', 'p-c2-1']);
    const gti = await api.get('/gti', gtiReportSchema, { period: 'month' });
    expect(gti.open.map((o) => o.status)).toEqual(['on-track', 'on-track']);
    expect(await api.get('/contribution', z.array(contributionSchema))).toEqual([
      { collectiviteId: 'c1', probesInUse: 3, packSize: 100, eurosPerYear: 100 },
      { collectiviteId: 'c2', probesInUse: 3, packSize: 100, eurosPerYear: 100 },
    ]);
    const token = (await createApiClient({ baseUrl: BASE, getToken: () => undefined }).post('/session', { login: 'support', password: 'demo' }, sessionSchema)).token;
    const csv = await fetch(`${BASE}/api/v1/export/incidents.csv?from=${KIT_T0 - 86_400_000}&to=${kit.source.clock}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await csv.text()).trim().split('\r\n')).toHaveLength(3); // header + two incidents
    // `to` without `from` (an instant within the accepted 2000–2100 bounds, so the missing `from` is what is named).
    const bad = await fetch(`${BASE}/api/v1/export/availability.csv?to=${KIT_T0}`, { headers: { Authorization: `Bearer ${token}` } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad-request', field: 'from' } });
  });
});

describe('référent scope: never another collectivité’s data', () => {
  test('lists are cut down to their collectivité', async () => {
    const api = await signIn('referent');
    expect((await api.get('/collectivites', z.array(collectiviteSchema))).map((c) => c.id)).toEqual(['c1']);
    expect((await api.get('/incidents', incidentPageSchema)).items.map((i) => i.collectiviteId)).toEqual(['c1']);
    expect((await api.get('/availability', availabilityReportSchema, { period: 'month' })).scope).toBe('c1');
    expect((await api.get('/gti', gtiReportSchema, { period: 'month' })).open.map((o) => o.incidentId)).toEqual([incidentOf('c1').id]);
    expect((await api.get('/contribution', z.array(contributionSchema))).map((c) => c.collectiviteId)).toEqual(['c1']);
    // History charts (#18): the offline demo answers from its own stored states.
    const history = await api.get('/history', historySchema, { probeId: 'p-c1-1', period: 'month' });
    expect(history.bands.some((b) => b.kind === 'CRITICAL')).toBe(true);
    // Unmapped engine objects belong to no collectivité: a référent sees a count, never names.
    const health = await api.get('/health', z.object({ source: sourceHealthSchema, unmapped: z.object({ count: z.number() }).strict() }));
    expect(health.source.state).toBe('connected');
  });

  test.each([
    ['/collectivites/c2'],
    ['/sites/s-c2'],
    ['/probes/p-c2-1'],
    ['/incidents?collectiviteId=c2'],
    ['/availability?collectiviteId=c2'],
    ['/gti?collectiviteId=c2'],
    ['/contribution?collectiviteId=c2'],
    ['/history?probeId=p-c2-1'],
    ['/history?siteId=s-c2'],
    [`/export/incidents.csv?from=${KIT_T0}&to=${KIT_T0 + 86_400_000}&collectiviteId=c2`],
  ])('GET %s is a 403', async (path) => {
    const api = await signIn('referent');
    const [route, qs] = path.split('?');
    const query = Object.fromEntries(new URLSearchParams(qs ?? ''));
    expect(await refusal(api.get(route!, z.unknown(), query))).toEqual({ status: 403, code: 'forbidden' });
  });

  test('an id that does not exist is a 404 for everyone (it reveals nothing about other collectivités)', async () => {
    const api = await signIn('referent');
    expect(await refusal(api.get('/sites/unknown-site', siteDetailSchema))).toEqual({ status: 404, code: 'not-found' });
  });

  test('another collectivité’s incident cannot be read or touched; on their own they may only comment', async () => {
    const api = await signIn('referent');
    const other = encodeURIComponent(incidentOf('c2').id);
    const own = encodeURIComponent(incidentOf('c1').id);
    expect(await refusal(api.get(`/incidents/${other}`, incidentSchema))).toEqual({ status: 403, code: 'forbidden' });
    expect(await refusal(api.post(`/incidents/${other}/actions`, { action: 'comment', comment: 'vu' }, incidentSchema))).toEqual({ status: 403, code: 'forbidden' });
    expect(await refusal(api.post(`/incidents/${own}/actions`, { action: 'acknowledge', comment: 'vu' }, incidentSchema))).toEqual({ status: 403, code: 'forbidden' });
    const commented = await api.post(`/incidents/${own}/actions`, { action: 'comment', comment: 'La mairie est prévenue' }, incidentSchema);
    expect(commented.timeline.at(-1)).toMatchObject({ kind: 'commented', by: 'referent' });
  });

  test('the kiosk reads everything and changes nothing', async () => {
    const anonymous = createApiClient({ baseUrl: BASE, getToken: () => undefined });
    const session = await anonymous.post('/session/kiosk', { token: 'demo-kiosk-token-moselle-fibre' }, sessionSchema);
    const kiosk = createApiClient({ baseUrl: BASE, getToken: () => session.token });
    expect((await kiosk.get('/collectivites', z.array(collectiviteSchema))).length).toBe(2);
    const id = encodeURIComponent(incidentOf('c1').id);
    expect(await refusal(kiosk.post(`/incidents/${id}/actions`, { action: 'comment', comment: 'x' }, incidentSchema))).toEqual({ status: 403, code: 'forbidden' });
  });
});

test('the handlers cover every route of docs/api.md', async () => {
  const { readFile } = await import('node:fs/promises');
  const doc = await readFile(new URL('../../docs/api.md', import.meta.url), 'utf8');
  const documented = [...doc.matchAll(/^\| `(GET|POST|DELETE) ([^`]+)`/gm)].map((m) => `${m[1]} ${m[2]}`).sort();
  const served = gatewayRoutes(kit.gateway).map((r) => `${r.method} ${r.path}`).sort();
  expect(documented.length).toBeGreaterThan(15);
  expect(served).toEqual(documented);
});
