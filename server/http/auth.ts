// Deny by default: every API request resolves its Principal from the Bearer token before its route
// runs, unless the route is explicitly public (login). Scope checks use canSee from ports. Both
// runtimes call `authenticate` (fastify in its onRequest hook, before the body is even read).
import { canSee, type Principal, type SessionService } from '../ports.ts';
import { ApiError, forbidden, notFound } from './api-error.ts';

type Headers = Readonly<Record<string, string | string[] | undefined>>;

export function bearerToken(headers: Headers): string | undefined {
  const header = headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S{1,2000})$/i.exec(header) : null;
  return match?.[1];
}

/** The caller of a non-public route, or a 401; undefined for a public route. */
export async function authenticate(route: { readonly public?: boolean }, headers: Headers, sessions: SessionService): Promise<Principal | undefined> {
  if (route.public) return undefined;
  const token = bearerToken(headers);
  const principal = token ? await sessions.verify(token) : undefined;
  if (!principal) throw new ApiError('unauthorized', token ? 'session expired or revoked' : 'missing bearer token');
  return principal;
}

export function principalOf(request: { principal?: Principal | undefined }): Principal {
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
