// The route table's runtime-free core, without any HTTP server: deny by default before the body is
// read, one error shape, no-store unless a route says otherwise. Both adapters rely on these steps.
import { describe, expect, test, vi } from 'vitest';
import type { Principal, SessionService } from '../ports.ts';
import { ApiError } from './api-error.ts';
import { errorResponse, routeTable, serveApiRequest, unknownRoute, type ApiRoute, type IncomingApiRequest } from './api-route.ts';
import { principalOf } from './auth.ts';

const support: Principal = { login: 'support', role: 'support' };
const sessions: SessionService = { verify: async (token) => (token === 'good' ? support : undefined), onRevoked: () => () => {} };

function incoming(headers: Record<string, string> = {}, body?: unknown): IncomingApiRequest & { reads: number } {
  const request = { params: {}, query: {}, headers, ip: '127.0.0.1', reads: 0, readBody: async () => (request.reads++, body) };
  return request;
}

const api = routeTable();
api.get('/me', async (request) => ({ login: principalOf(request).login }));
api.post('/session', { public: true, bodyLimit: 1_000 }, async (request) => ({ echoed: request.body, principal: request.principal ?? null }));
api.route('GET', '/export.csv', async () => ({ status: 200, headers: { 'content-type': 'text/csv', 'cache-control': 'private' }, body: 'a;b\r\n' }));
api.get('/broken', async () => {
  throw new TypeError('a bug with a secret in its message');
});
api.get('/limited', async () => {
  throw new ApiError('rate-limited', 'slow down');
});
const [me, login, csv, broken, limited] = api.routes as [ApiRoute, ApiRoute, ApiRoute, ApiRoute, ApiRoute];

describe('a route table', () => {
  test('lists method, path, public and body limit as declared', () => {
    expect(api.routes.map(({ method, path, public: open, bodyLimit }) => ({ method, path, open, bodyLimit }))).toEqual([
      { method: 'GET', path: '/me', open: undefined, bodyLimit: undefined },
      { method: 'POST', path: '/session', open: true, bodyLimit: 1_000 },
      { method: 'GET', path: '/export.csv', open: undefined, bodyLimit: undefined },
      { method: 'GET', path: '/broken', open: undefined, bodyLimit: undefined },
      { method: 'GET', path: '/limited', open: undefined, bodyLimit: undefined },
    ]);
  });
});

describe('serveApiRequest', () => {
  test('a route that is not public needs a live session, checked before the body is read', async () => {
    for (const headers of [{}, { authorization: 'Bearer bad' }, { authorization: 'Basic good' }] as Array<Record<string, string>>) {
      const request = incoming(headers, { big: true });
      const response = await serveApiRequest(me, request, sessions);
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: { code: 'unauthorized' } });
      expect(request.reads).toBe(0);
    }
    const response = await serveApiRequest(me, incoming({ authorization: 'Bearer good' }), sessions);
    expect(response).toEqual({ status: 200, headers: { 'cache-control': 'no-store' }, body: { login: 'support' } });
  });

  test('a public route runs without a session and gets the parsed body, no principal', async () => {
    const response = await serveApiRequest(login, incoming({}, { login: 'a' }), sessions);
    expect(response.body).toEqual({ echoed: { login: 'a' }, principal: null });
  });

  test('a body the adapter refuses is answered in the API shape', async () => {
    const request = { ...incoming(), readBody: async () => Promise.reject(new ApiError('too-large', 'request body too large')) };
    expect(await serveApiRequest(login, request, sessions)).toMatchObject({ status: 413, body: { error: { code: 'too-large' } } });
  });

  test('a route’s own headers win over the default no-store', async () => {
    const response = await serveApiRequest(csv, incoming({ authorization: 'Bearer good' }), sessions);
    expect(response).toEqual({ status: 200, headers: { 'content-type': 'text/csv', 'cache-control': 'private' }, body: 'a;b\r\n' });
  });

  test('a bug is a bare 500 that tells nothing; the adapter hears of it', async () => {
    const onInternalError = vi.fn();
    const response = await serveApiRequest(broken, incoming({ authorization: 'Bearer good' }), sessions, onInternalError);
    expect(response).toEqual({
      status: 500,
      headers: { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' },
      body: { error: { code: 'internal', message: 'internal error' } },
    });
    expect(onInternalError).toHaveBeenCalledWith(expect.any(TypeError));
  });

  test('a rate-limited refusal says when to come back (60 s unless the route said)', async () => {
    expect((await serveApiRequest(limited, incoming({ authorization: 'Bearer good' }), sessions)).headers).toMatchObject({ 'retry-after': '60' });
    expect(errorResponse(new ApiError('rate-limited', 'x', undefined, { 'retry-after': '7' })).headers).toMatchObject({ 'retry-after': '7' });
  });

  test('a path outside the table is a 404 for a caller with a session, a 401 otherwise', async () => {
    expect(await serveApiRequest(unknownRoute('PUT', '/api/v1/nope'), incoming({ authorization: 'Bearer good' }), sessions)).toMatchObject({
      status: 404,
      body: { error: { code: 'not-found', message: 'no route PUT /api/v1/nope' } },
    });
    expect((await serveApiRequest(unknownRoute('GET', '/api/v1/nope'), incoming(), sessions)).status).toBe(401);
  });
});
