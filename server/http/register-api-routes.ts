// The REST API of docs/api.md under /api/v1, as one encapsulated fastify plugin: its own auth
// hook (deny by default), body limit, JSON errors and 404s, leaving the SPA's routes untouched.
import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../src/protocol/rest.ts';
import { installApiErrorHandlers } from './api-error.ts';
import type { ApiDeps } from './api-deps.ts';
import { installAuth } from './auth.ts';
import { registerEstateRoutes } from './estate-routes.ts';
import { registerExportRoutes } from './export-routes.ts';
import { registerIncidentRoutes } from './incident-routes.ts';
import { registerSessionRoutes } from './session-routes.ts';
import { registerSlaRoutes } from './sla-routes.ts';

/** Largest request body the API accepts: logins and comments fit many times over. */
export const API_BODY_LIMIT = 16 * 1024;

/**
 * Server-level options the API relies on, for the gateway's `Fastify({...})`: ids up to the
 * contract's 128 characters reach the routes' validation (fastify's default stops at 100 with 414).
 */
export const API_SERVER_OPTIONS = { maxParamLength: 256 } as const;

export async function registerApiRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  const routeDeps = { ...deps, now: deps.now ?? (() => deps.state.now()) };
  await app.register(
    async (api) => {
      api.addHook('onRoute', (route) => {
        route.bodyLimit ??= API_BODY_LIMIT;
      });
      installApiErrorHandlers(api);
      // JSON only: fastify's default text/plain parser would hand routes a string (400 instead of 415).
      api.removeContentTypeParser('text/plain');
      installAuth(api, deps.sessions);
      api.addHook('onSend', async (_request, reply) => {
        reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
      });
      registerSessionRoutes(api, routeDeps);
      registerEstateRoutes(api, routeDeps);
      registerIncidentRoutes(api, routeDeps);
      registerSlaRoutes(api, routeDeps);
      registerExportRoutes(api, routeDeps);
    },
    { prefix: API_PREFIX },
  );
}
