// Deny by default: every API request resolves its Principal from the Bearer token before any
// route runs, unless the route is explicitly public (login). Scope checks use canSee from ports.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { canSee, type Principal, type SessionService } from '../ports.ts';
import { ApiError, forbidden, notFound } from './api-error.ts';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (login routes only). */
    public?: boolean;
  }
}

export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S{1,2000})$/i.exec(header) : null;
  return match?.[1];
}

export function installAuth(api: FastifyInstance, sessions: SessionService): void {
  api.decorateRequest('principal', undefined);
  api.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return;
    const token = bearerToken(request);
    const principal = token ? await sessions.verify(token) : undefined;
    if (!principal) throw new ApiError('unauthorized', token ? 'session expired or revoked' : 'missing bearer token');
    request.principal = principal;
  });
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new ApiError('unauthorized', 'missing session');
  return request.principal;
}

/** The collectivité owning a thing must exist (404) and be visible to the caller (403). */
export function requireScope(principal: Principal, collectiviteId: string | undefined, what: string): string {
  if (collectiviteId === undefined) throw notFound(what);
  if (!canSee(principal, collectiviteId)) throw forbidden();
  return collectiviteId;
}

/**
 * The collectivité a list or report is about: the asked one when visible, the référent's own when
 * none is asked; undefined means "all" (support and kiosk only).
 */
export function listScope(principal: Principal, asked: string | undefined): string | undefined {
  if (asked !== undefined) {
    if (!canSee(principal, asked)) throw forbidden();
    return asked;
  }
  if (principal.role !== 'referent') return undefined;
  // A référent without a collectivité sees nothing rather than everything.
  if (principal.collectiviteId === undefined) throw forbidden();
  return principal.collectiviteId;
}
