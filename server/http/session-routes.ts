// Login (password or kiosk token), logout, who am I, and the calendar the SPA counts GTI with.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { kioskLoginRequestSchema, loginRequestSchema } from '../../src/protocol/rest.ts';
import type { LoginResult } from '../accounts/session-service.ts';
import { ApiError, TEXT_BODY_LIMIT, validate } from './api-error.ts';
import type { RouteDeps } from './api-deps.ts';
import { bearerToken, principalOf } from './auth.ts';

function answer(result: LoginResult, reply: FastifyReply) {
  if (result.ok) return result.session;
  if (result.reason === 'rate-limited') {
    reply.header('retry-after', String(Math.ceil(result.retryAfterMs / 1000)));
    throw new ApiError('rate-limited', 'too many failed attempts, try again later');
  }
  throw new ApiError('unauthorized', 'invalid login or password');
}

export function registerSessionRoutes(api: FastifyInstance, deps: RouteDeps): void {
  const ip = (request: FastifyRequest) => request.ip;

  api.post('/session', { config: { public: true }, bodyLimit: TEXT_BODY_LIMIT }, async (request, reply) => {
    const body = validate(loginRequestSchema, request.body, 'body');
    return answer(await deps.sessions.login(body.login, body.password, ip(request)), reply);
  });

  api.post('/session/kiosk', { config: { public: true }, bodyLimit: TEXT_BODY_LIMIT }, async (request, reply) => {
    const body = validate(kioskLoginRequestSchema, request.body, 'body');
    return answer(await deps.sessions.kioskLogin(body.token, ip(request)), reply);
  });

  api.delete('/session', async (request, reply) => {
    const token = bearerToken(request);
    if (token) await deps.sessions.logout(token);
    return reply.status(204).send();
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
}
