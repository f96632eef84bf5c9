// Bad input is refused at the edge with a JSON error naming the field; the server keeps serving.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { API_PREFIX } from '../../src/protocol/rest.ts';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

let gw: TestGateway;
let support: string;
let incidentId: string;
beforeAll(async () => {
  gw = await startTestGateway();
  gw.source.emit('p-c1-2', 'CRITICAL');
  incidentId = [...gw.supervision.incidents()][0]!.id;
  support = await gw.login('support');
});
afterAll(() => gw.close());

it.each([
  ['POST', '/session', { login: 5, password: 'x' }, 'login'],
  ['POST', '/session', { login: 'a' }, 'password'],
  ['POST', '/session', { login: 'a'.repeat(101), password: 'x' }, 'login'],
  ['POST', '/session/kiosk', { token: 'short' }, 'token'],
  ['GET', '/incidents?page=0', undefined, 'page'],
  ['GET', '/incidents?page=1&page=2', undefined, 'page'],
  ['GET', '/incidents?pageSize=9999', undefined, 'pageSize'],
  ['GET', '/incidents?status=burning', undefined, 'status'],
  ['GET', '/incidents?from=yesterday&to=5', undefined, 'from'],
  ['GET', `/incidents?from=${Date.UTC(2026, 3, 2)}&to=${Date.UTC(2026, 3, 1)}`, undefined, 'to'],
  ['GET', '/incidents?from=20&to=10', undefined, 'from'],
  ['GET', '/availability?period=fortnight', undefined, 'period'],
  ['GET', `/availability?collectiviteId=${'x'.repeat(200)}`, undefined, 'collectiviteId'],
  ['GET', `/probes/${'p'.repeat(129)}`, undefined, 'id'],
  ['POST', '/incidents/ID/actions', { action: 'explode' }, 'action'],
  ['POST', '/incidents/ID/actions', { action: 'acknowledge' }, 'comment'],
  ['POST', '/incidents/ID/actions', { action: 'comment', comment: 'x'.repeat(2001) }, 'comment'],
] as const)('%s %s → 400 naming %s', async (method, path, body, field) => {
  const res = await gw.call(method, path.replace('ID', encodeURIComponent(incidentId)), support, body);
  expect(res.statusCode).toBe(400);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.json()).toEqual({ error: { code: 'bad-request', message: expect.stringContaining(field), field } });
});

it('refuses oversize bodies with 413, bad JSON with 400 and wrong media types with 415', async () => {
  // Routes that take text allow 64 KB (TEXT_BODY_LIMIT: an over-long text gets a 400 naming its field); past that, 413.
  const big = await gw.call('POST', `/incidents/${encodeURIComponent(incidentId)}/actions`, support, { action: 'comment', comment: 'x'.repeat(70_000) });
  expect(big.statusCode).toBe(413);
  expect(big.json().error.code).toBe('too-large');
  const bigLogin = await gw.call('POST', '/session', undefined, { login: 'x', password: 'y'.repeat(70_000) });
  expect(bigLogin.statusCode).toBe(413);
  const badJson = await gw.app.inject({ method: 'POST', url: `${API_PREFIX}/session`, headers: { 'content-type': 'application/json' }, payload: '{"login": ' });
  expect(badJson.statusCode).toBe(400);
  expect(badJson.json().error.code).toBe('bad-request');
  // docs/api.md: JSON only, so a text/plain body is an unsupported media type (it was parsed as a string and refused with 400).
  const text = await gw.app.inject({ method: 'POST', url: `${API_PREFIX}/session`, headers: { 'content-type': 'text/plain' }, payload: 'login=a' });
  expect(text.statusCode).toBe(415);
  expect(text.json().error.field).toBe('content-type');
  const xml = await gw.app.inject({ method: 'POST', url: `${API_PREFIX}/session`, headers: { 'content-type': 'application/xml' }, payload: '<login/>' });
  expect(xml.statusCode).toBe(415);
  expect(xml.json().error.field).toBe('content-type');
});

it('answers unknown API routes with a JSON 404 and refuses a conflicting action with 409', async () => {
  const res = await gw.call('GET', '/nope', support);
  expect(res.statusCode).toBe(404);
  expect(res.json()).toEqual({ error: { code: 'not-found', message: 'no route GET /api/v1/nope' } });
  const close = await gw.call('POST', `/incidents/${encodeURIComponent(incidentId)}/actions`, support, { action: 'close' });
  expect(close.statusCode).toBe(409);
  expect(close.json().error).toEqual({ code: 'conflict', message: 'still-active' });
});

it('keeps serving after all that', async () => {
  const res = await gw.call('GET', '/collectivites', support);
  expect(res.statusCode).toBe(200);
  expect(res.json()).toHaveLength(2);
});
