// The REST API as plain data and functions, free of any HTTP server: a route is a method, a path
// (`/sites/:id`, under API_PREFIX), whether it is public, its body limit and a handler from request
// to response. The gateway registers the table with fastify (fastify/register-api-routes.ts), the
// offline demo with MSW (mocks/msw/handlers.ts): one route list, one auth, one error mapping.
import type { SessionService, Principal } from '../ports.ts';
import { ApiError } from './api-error.ts';
import { authenticate } from './auth.ts';

export type ApiMethod = 'GET' | 'POST' | 'DELETE';

/** Largest request body the API accepts: logins and comments fit many times over. */
export const API_BODY_LIMIT = 16 * 1024;

/**
 * Body limit of the routes that take people's text (login, operator actions): room for the longest
 * refused text (10,000 characters JSON-escaped six bytes each), so it is answered with a 400 naming
 * its field rather than a 413 for the whole body. Other routes keep API_BODY_LIMIT (16 KB).
 */
export const TEXT_BODY_LIMIT = 64 * 1024;

/** A request as the runtime parsed it; params, query and body are untrusted until validated. */
export interface ApiRequest {
  params: unknown;
  query: unknown;
  /** Parsed JSON, or undefined when the request has no body. */
  body: unknown;
  /** Lower-case names. */
  headers: Readonly<Record<string, string | string[] | undefined>>;
  ip: string;
  /** The caller, resolved from the bearer token before the handler runs (absent on public routes). */
  principal?: Principal;
}

export interface ApiResponse {
  status: number;
  headers?: Readonly<Record<string, string>>;
  /** A JSON value, a text (CSV) with its content-type header, or undefined for no body. */
  body?: unknown;
}

export interface ApiRoute {
  readonly method: ApiMethod;
  /** Under API_PREFIX, `:name` for a path parameter (the syntax fastify and MSW share). */
  readonly path: string;
  /** Reachable without a session (login routes only): every other route is denied by default. */
  readonly public?: boolean;
  /** Largest body in bytes; API_BODY_LIMIT when absent. */
  readonly bodyLimit?: number;
  handle(request: ApiRequest): Promise<ApiResponse>;
}

export interface RouteOptions {
  public?: boolean;
  bodyLimit?: number;
}

export const ok = (body: unknown): ApiResponse => ({ status: 200, body });

type JsonValue = (request: ApiRequest) => Promise<unknown>;

/** Builds a route table: `get`/`post` answer 200 with the JSON value their function returns. */
export interface RouteTable {
  readonly routes: ApiRoute[];
  get(path: string, value: JsonValue): void;
  post(path: string, options: RouteOptions, value: JsonValue): void;
  /** A route that answers with a full response (status, headers, body). */
  route(method: ApiMethod, path: string, handle: ApiRoute['handle'], options?: RouteOptions): void;
}

export function routeTable(): RouteTable {
  const routes: ApiRoute[] = [];
  const route: RouteTable['route'] = (method, path, handle, options = {}) => void routes.push({ method, path, ...options, handle });
  return {
    routes,
    route,
    get: (path, value) => route('GET', path, async (request) => ok(await value(request))),
    post: (path, options, value) => route('POST', path, async (request) => ok(await value(request)), options),
  };
}

const NO_STORE = { 'cache-control': 'no-store' } as const;

/** API answers are never cached by a browser or a proxy unless a route says otherwise. */
export function withApiHeaders(response: ApiResponse): ApiResponse {
  return { ...response, headers: { ...NO_STORE, ...response.headers } };
}

/** Anything thrown by a route as an ApiError: the route's own, or an internal error that tells nothing. */
export function apiErrorOf(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError('internal', 'internal error');
}

/** The one error shape, `{ error: { code, message, field? } }`, with its status and headers. */
export function errorResponse(error: ApiError, status = error.status): ApiResponse {
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8', ...error.headers };
  if (error.code === 'rate-limited') headers['retry-after'] ??= '60';
  return withApiHeaders({ status, headers, body: error.body() });
}

export function notFoundResponse(method: string, path: string): ApiResponse {
  return errorResponse(new ApiError('not-found', `no route ${method} ${path}`));
}

/** What serveApiRequest needs of a route. */
type ServedRoute = Pick<ApiRoute, 'public' | 'handle'>;

/** What a path outside the table gets: the session check (unknown paths are not public), then a 404. */
export const unknownRoute = (method: string, path: string): ServedRoute => ({ handle: async () => notFoundResponse(method, path) });

/** A request before its body is read: the body is read only once the caller is known. */
export interface IncomingApiRequest extends Omit<ApiRequest, 'body' | 'principal'> {
  /** The parsed body; throws an ApiError for a body too large or not JSON. */
  readBody(): Promise<unknown>;
}

/**
 * A whole request in one call, in the gateway's order: deny by default (before the body is read),
 * read the body, run the route, map whatever is thrown. `onInternalError` sees the errors that are
 * answered as a bare 500. The fastify adapter runs the same steps as fastify hooks.
 */
export async function serveApiRequest(route: ServedRoute, incoming: IncomingApiRequest, sessions: SessionService, onInternalError?: (error: unknown) => void): Promise<ApiResponse> {
  try {
    const principal = await authenticate(route, incoming.headers, sessions);
    const { readBody, ...parts } = incoming;
    const request: ApiRequest = { ...parts, body: await readBody(), ...(principal && { principal }) };
    return withApiHeaders(await route.handle(request));
  } catch (error) {
    const apiError = apiErrorOf(error);
    if (apiError.code === 'internal') onInternalError?.(error);
    return errorResponse(apiError);
  }
}
