// The fastify adapter of the REST API: the core's route table (../api-routes.ts) under /api/v1, as
// one encapsulated plugin with the core's auth (deny by default, resolved in onRequest, before the
// body is read), body limits, JSON errors and 404s, leaving the SPA's routes untouched.
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';
import { API_PREFIX } from '../../../src/protocol/rest.ts';
import type { Principal } from '../../ports.ts';
import { ApiError } from '../api-error.ts';
import type { ApiDeps } from '../api-deps.ts';
import { API_BODY_LIMIT, errorResponse, notFoundResponse, withApiHeaders, type ApiRequest } from '../api-route.ts';
import { apiRoutes } from '../api-routes.ts';
import { authenticate } from '../auth.ts';
import { fromFastify, sendResponse, statusOf } from './fastify-errors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login routes only). */
    public?: boolean;
  }
}

/**
 * Server-level options the API relies on, for the gateway's `Fastify({...})`: ids up to the
 * contract's 128 characters reach the routes' validation (fastify's default stops at 100 with 414).
 */
export const API_SERVER_OPTIONS = { maxParamLength: 256 } as const;

const apiRequest = (request: FastifyRequest): ApiRequest => ({
  params: request.params,
  query: request.query,
  body: request.body,
  headers: request.headers,
  ip: request.ip,
  ...(request.principal && { principal: request.principal }),
});

export async function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  await app.register(
    async (api) => {
      api.setErrorHandler((error: FastifyError, request, reply) => {
        const apiError = error instanceof ApiError ? error : fromFastify(error);
        if (apiError.code === 'internal') request.log.error({ err: error }, 'API route failed');
        return sendResponse(reply, errorResponse(apiError, statusOf(error, apiError)));
      });
      // Unknown paths too are behind the session check below: a 404 to a caller with a session.
      api.setNotFoundHandler((request, reply) => sendResponse(reply, notFoundResponse(request.method, request.url.split('?')[0] ?? '')));
      // JSON only: fastify's default text/plain parser would hand routes a string (400 instead of 415).
      api.removeContentTypeParser('text/plain');
      api.decorateRequest('principal', undefined);
      api.addHook('onRequest', async (request) => {
        const principal = await authenticate({ public: request.routeOptions.config.public === true }, request.headers, deps.sessions);
        if (principal) request.principal = principal;
      });
      api.addHook('onSend', async (_request, reply) => {
        reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
      });
      for (const route of apiRoutes(deps)) {
        api.route({
          method: route.method,
          url: route.path,
          bodyLimit: route.bodyLimit ?? API_BODY_LIMIT,
          config: { public: route.public === true },
          handler: async (request, reply) => sendResponse(reply, withApiHeaders(await route.handle(apiRequest(request)))),
        });
      }
    },
    { prefix: API_PREFIX },
  );
}
