// MSW request handlers for the REST API of docs/api.md, answered by the gateway's own route
// modules over a demo gateway. The offline demo (service worker) and component tests (msw/node)
// share them, bulletproof-react style.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { API_PREFIX } from '../../src/protocol/rest.ts';
import type { FastifyRequest } from 'fastify';
import { ApiError } from '../../server/http/api-error.ts';
import { bearerToken } from '../../server/http/auth.ts';
import { registerEstateRoutes } from '../../server/http/estate-routes.ts';
import { registerExportRoutes } from '../../server/http/export-routes.ts';
import { registerIncidentRoutes } from '../../server/http/incident-routes.ts';
import { registerSessionRoutes } from '../../server/http/session-routes.ts';
import { registerSlaRoutes } from '../../server/http/sla-routes.ts';
import type { DemoGateway } from './demo-gateway.ts';
import { createReply, createRequest, recordRoutes, type RecordedRoute, type RouteReply } from './route-recorder.ts';

export interface HandlerOptions {
  /** Origin the API is served from; '*' (any origin) by default, which also works in Node. */
  baseUrl?: string;
}

/** The gateway's routes, in the order server/http/register-api-routes.ts registers them. */
export function gatewayRoutes(gateway: DemoGateway): RecordedRoute[] {
  return recordRoutes((api) => {
    for (const register of [registerSessionRoutes, registerEstateRoutes, registerIncidentRoutes, registerSlaRoutes, registerExportRoutes]) register(api, gateway.apiDeps);
  });
}

export function createHandlers(gateway: DemoGateway, { baseUrl = '*' }: HandlerOptions = {}): HttpHandler[] {
  const prefix = `${baseUrl}${API_PREFIX}`;
  const handlers = gatewayRoutes(gateway).map((route) =>
    http[route.method](`${prefix}${route.path}`, async ({ request, params }) => {
      const reply = createReply();
      try {
        const headers = Object.fromEntries(request.headers);
        const query = Object.fromEntries(new URL(request.url).searchParams);
        const body = route.method === 'post' ? await jsonBody(request) : undefined;
        const routeRequest = createRequest({ params: params as Record<string, string>, query, body, headers }, route.public);
        // Deny by default, as the gateway's auth hook: every non-public route needs a live session.
        if (!route.public) {
          const token = bearerToken(routeRequest as unknown as FastifyRequest);
          const principal = token ? await gateway.sessions.verify(token) : undefined;
          if (!principal) throw new ApiError('unauthorized', token ? 'session expired or revoked' : 'missing bearer token');
          routeRequest.principal = principal;
        }
        const result = await route.handler(routeRequest, reply);
        return toResponse(reply, reply.sent ? reply.payload : result);
      } catch (error) {
        const apiError = error instanceof ApiError ? error : new ApiError('internal', 'internal error');
        return HttpResponse.json(apiError.body(), { status: apiError.status, headers: { 'cache-control': 'no-store' } });
      }
    }),
  );
  // Anything else under the API prefix is the gateway's 404, never a request to a server that is not there.
  const unknown = http.all(`${prefix}/*`, ({ request }) => {
    const error = new ApiError('not-found', `no route ${request.method} ${new URL(request.url).pathname}`);
    return HttpResponse.json(error.body(), { status: error.status });
  });
  return [...handlers, unknown];
}

async function jsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad-request', 'body: invalid JSON', 'body');
  }
}

function toResponse(reply: RouteReply, payload: unknown): Response {
  const headers = { 'cache-control': 'no-store', ...reply.headers };
  if (payload === undefined || payload === null) return new HttpResponse(null, { status: reply.statusCode === 200 ? 204 : reply.statusCode, headers });
  if (typeof payload === 'string') return new HttpResponse(payload, { status: reply.statusCode, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
  return HttpResponse.json(payload, { status: reply.statusCode, headers });
}
