// Runs the gateway's own REST route modules (server/http/*-routes.ts) without fastify: a recorder
// stands in for the fastify instance at registration, and each call gets a request and a reply
// with the few members those routes use. Same code, same shapes, same scope checks as the gateway.
import type { FastifyInstance } from 'fastify';

type Handler = (request: RouteRequest, reply: RouteReply) => unknown;
export type HttpMethod = 'get' | 'post' | 'delete';

export interface RecordedRoute {
  method: HttpMethod;
  /** Path under the API prefix, fastify syntax ('/sites/:id'), which MSW shares. */
  path: string;
  public: boolean;
  handler: Handler;
}

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
  ip: string;
  principal?: import('../../server/ports.ts').Principal;
  routeOptions: { config: { public?: boolean } };
  log: { error(...args: unknown[]): void; warn(...args: unknown[]): void; info(...args: unknown[]): void };
}

export interface RouteReply {
  statusCode: number;
  sent: boolean;
  payload: unknown;
  readonly headers: Record<string, string>;
  status(code: number): RouteReply;
  code(code: number): RouteReply;
  header(name: string, value: string): RouteReply;
  getHeader(name: string): string | undefined;
  type(contentType: string): RouteReply;
  send(payload?: unknown): RouteReply;
}

/** Collect the routes a `register*Routes(api, deps)` function declares. */
export function recordRoutes(register: (api: FastifyInstance) => void): RecordedRoute[] {
  const routes: RecordedRoute[] = [];
  const add =
    (method: HttpMethod) =>
    (path: string, optionsOrHandler: Handler | { config?: { public?: boolean } }, maybeHandler?: Handler) => {
      const handler = typeof optionsOrHandler === 'function' ? optionsOrHandler : maybeHandler;
      const options = typeof optionsOrHandler === 'function' ? {} : optionsOrHandler;
      if (!handler) throw new Error(`route ${method} ${path} has no handler`);
      routes.push({ method, path, public: options.config?.public === true, handler });
    };
  const recorder = { get: add('get'), post: add('post'), delete: add('delete') };
  register(recorder as unknown as FastifyInstance);
  return routes;
}

export function createReply(): RouteReply {
  const headers: Record<string, string> = {};
  const reply: RouteReply = {
    statusCode: 200,
    sent: false,
    payload: undefined,
    headers,
    status(code) {
      reply.statusCode = code;
      return reply;
    },
    code: (code) => reply.status(code),
    header(name, value) {
      headers[name.toLowerCase()] = value;
      return reply;
    },
    getHeader: (name) => headers[name.toLowerCase()],
    type: (contentType) => reply.header('content-type', contentType),
    send(payload) {
      reply.sent = true;
      reply.payload = payload;
      return reply;
    },
  };
  return reply;
}

const quiet = { error: () => {}, warn: () => {}, info: () => {} };

export function createRequest(parts: Pick<RouteRequest, 'params' | 'query' | 'body' | 'headers'>, isPublic: boolean): RouteRequest {
  return { ...parts, ip: '127.0.0.1', routeOptions: { config: { public: isPublic } }, log: quiet };
}
