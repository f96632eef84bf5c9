// Login (password or kiosk token), logout, who am I, and the calendar the SPA counts GTI with.
import { kioskLoginRequestSchema, loginRequestSchema } from '../../src/protocol/rest.ts';
import type { LoginResult, Session } from '../accounts/auth-service.ts';
import { ApiError, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { routeTable, TEXT_BODY_LIMIT, type ApiRoute } from './api-route.ts';
import { bearerToken, principalOf } from './auth.ts';

function answer(result: LoginResult): Session {
  if (result.ok) return result.session;
  if (result.reason === 'rate-limited') {
    const retryAfter = String(Math.ceil(result.retryAfterMs / 1000));
    throw new ApiError('rate-limited', 'too many failed attempts, try again later', undefined, { 'retry-after': retryAfter });
  }
  throw new ApiError('unauthorized', 'invalid login or password');
}

export function sessionRoutes(deps: RouteDeps): ApiRoute[] {
  const api = routeTable();

  api.post('/session', { public: true, bodyLimit: TEXT_BODY_LIMIT }, async (request) => {
    const body = validate(loginRequestSchema, request.body, 'body');
    return answer(await deps.sessions.login(body.login, body.password, request.ip));
  });

  api.post('/session/kiosk', { public: true, bodyLimit: TEXT_BODY_LIMIT }, async (request) => {
    const body = validate(kioskLoginRequestSchema, request.body, 'body');
    return answer(await deps.sessions.kioskLogin(body.token, request.ip));
  });

  api.route('DELETE', '/session', async (request) => {
    const token = bearerToken(request.headers);
    if (token) await deps.sessions.logout(token);
    return { status: 204 };
  });

  api.get('/me', async (request) => {
    const principal = principalOf(request);
    const account = principal.role === 'kiosk' ? undefined : await deps.storage.accounts.get(principal.login);
    return {
      login: principal.login,
      role: principal.role,
      ...(principal.collectiviteId !== undefined && { collectiviteId: principal.collectiviteId }),
      ...(account?.displayName !== undefined && { displayName: account.displayName }),
    };
  });

  api.get('/calendar', async () => deps.calendar.dto(deps.now()));
  return api.routes;
}
