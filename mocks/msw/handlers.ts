// The MSW adapter of the REST API: the gateway's own route table (server/http/api-routes.ts) over a
// demo gateway, served through the core's serveApiRequest (auth, routes, error mapping), so the
// offline demo (service worker) and component tests (msw/node) answer exactly as the gateway does.
import { http, HttpResponse, type HttpHandler } from 'msw';
import { API_PREFIX } from '../../src/protocol/rest.ts';
import { ApiError } from '../../server/http/api-error.ts';
import { API_BODY_LIMIT, serveApiRequest, unknownRoute, type ApiResponse, type ApiRoute } from '../../server/http/api-route.ts';
import { apiRoutes } from '../../server/http/api-routes.ts';
import type { DemoGateway } from './demo-gateway.ts';

export interface HandlerOptions {
  /** Origin the API is served from; '*' (any origin) by default, which also works in Node. */
  baseUrl?: string;
  /** Errors answered as a bare 500 (a route's bug): the demo logs them to the console. */
  onInternalError?: (error: unknown) => void;
}

/** The gateway's routes, as the demo serves them. */
export const gatewayRoutes = (gateway: DemoGateway): ApiRoute[] => apiRoutes(gateway.apiDeps);

export function createHandlers(gateway: DemoGateway, { baseUrl = '*', onInternalError }: HandlerOptions = {}): HttpHandler[] {
  const prefix = `${baseUrl}${API_PREFIX}`;
  const serve = async (route: Pick<ApiRoute, 'public' | 'handle' | 'bodyLimit'>, request: Request, params: Record<string, unknown>, hasBody: boolean) => {
    const incoming = {
      params,
      query: queryOf(new URL(request.url).searchParams),
      headers: Object.fromEntries(request.headers),
      ip: '127.0.0.1',
      readBody: () => (hasBody ? jsonBody(request, route.bodyLimit ?? API_BODY_LIMIT) : Promise.resolve(undefined)),
    };
    return toResponse(await serveApiRequest(route, incoming, gateway.sessions, onInternalError));
  };
  const handlers = gatewayRoutes(gateway).map((route) =>
    http[method(route)](`${prefix}${route.path}`, ({ request, params }) => serve(route, request, params, route.method === 'POST')),
  );
  // Anything else under the API prefix is the gateway's 404 (behind the same session check), never a request to a server that is not there.
  const unknown = http.all(`${prefix}/*`, ({ request, params }) => serve(unknownRoute(request.method, new URL(request.url).pathname), request, params, false));
  return [...handlers, unknown];
}

const method = (route: ApiRoute) => (route.method === 'GET' ? 'get' : route.method === 'POST' ? 'post' : 'delete');

/** As fastify parses a query string: a repeated key becomes an array. */
function queryOf(search: URLSearchParams): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const values = search.getAll(key);
    query[key] = values.length === 1 ? values[0]! : values;
  }
  return query;
}

async function jsonBody(request: Request, limit: number): Promise<unknown> {
  const text = await request.text();
  if (new TextEncoder().encode(text).length > limit) throw new ApiError('too-large', 'request body too large');
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError('bad-request', 'body: invalid JSON', 'body');
  }
}

function toResponse({ status, headers, body }: ApiResponse): Response {
  if (body === undefined || body === null) return new HttpResponse(null, { status, ...(headers && { headers }) });
  if (typeof body === 'string') return new HttpResponse(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
  return HttpResponse.json(body, { status, ...(headers && { headers }) });
}
