// The fastify adapter serves the core's route table and nothing else, in the core's order: the
// session is checked before the body is parsed, unknown paths included.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { API_PREFIX } from '../../../src/protocol/rest.ts';
import { startTestGateway, type TestGateway } from '../api-gateway.test-kit.ts';
import { apiRoutes } from '../api-routes.ts';
import { createCoveredCalendar, DEFAULT_HOURS_SETTINGS } from '../covered-calendar.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

const examplePath = (path: string) => path.replace(/:\w+/g, 'x');

test('every route of the table is registered with its method, body limit and public flag', async () => {
  const table = apiRoutes({ state: gw.supervision, storage: gw.storage, sessions: gw.sessions, calendar: createCoveredCalendar(DEFAULT_HOURS_SETTINGS) });
  expect(table.length).toBeGreaterThan(15);
  for (const route of table) {
    const found = gw.app.findRoute({ method: route.method, url: `${API_PREFIX}${route.path}` });
    expect(found, `${route.method} ${route.path}`).not.toBeNull();
    const res = await gw.call(route.method, examplePath(route.path));
    // Without a session: public routes reach validation (400), the others are refused (401).
    expect(res.statusCode, `${route.method} ${route.path}`).toBe(route.public ? 400 : 401);
  }
});

test('a caller without a session learns nothing from an unknown path or a bad body', async () => {
  expect((await gw.call('GET', '/nope')).statusCode).toBe(401);
  const badJson = await gw.app.inject({ method: 'POST', url: `${API_PREFIX}/incidents/x/actions`, headers: { 'content-type': 'application/json' }, payload: '{"action": ' });
  expect(badJson.statusCode).toBe(401);
  expect(badJson.headers['cache-control']).toBe('no-store');
});
