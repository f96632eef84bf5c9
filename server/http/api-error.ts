// Every refusal of the API as one JSON shape, `{ error: { code, message, field? } }`, with the
// contract's error codes. Routes throw ApiError; the handler below also translates fastify's own
// errors (bad JSON, body too large) so no HTML or stack trace ever reaches a client.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { parseMessage } from '../../src/protocol/parse.ts';
import type { ProtocolError } from '../../src/protocol/schemas.ts';

type Code = ProtocolError['code'];

const STATUS: Record<Code, number> = {
  'bad-request': 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  'rate-limited': 429,
  internal: 500,
};

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly code: Code,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
  get status(): number {
    return STATUS[this.code];
  }
  body() {
    return { error: { code: this.code, message: this.message, ...(this.field !== undefined && { field: this.field }) } };
  }
}

/**
 * Body limit of the routes that take people's text (login, operator actions): room for the longest
 * refused text (10,000 characters JSON-escaped six bytes each), so it is answered with a 400 naming
 * its field rather than a 413 for the whole body. Other routes keep API_BODY_LIMIT (16 KB).
 */
export const TEXT_BODY_LIMIT = 64 * 1024;

export const forbidden = () => new ApiError('forbidden', 'outside your scope');
export const notFound = (what: string) => new ApiError('not-found', `${what} not found`);

/** Parse untrusted input against a contract schema, or throw a 400 naming the first bad field. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, where: 'body' | 'query' | 'params'): z.infer<S> {
  const parsed = parseMessage(schema, input ?? {});
  if (parsed.ok) return parsed.value;
  const field = parsed.error.field || where;
  return badRequest(`${field}: ${parsed.error.reason}`, field);
}

function badRequest(message: string, field: string): never {
  throw new ApiError('bad-request', message, field);
}

function fromFastify(error: FastifyError): ApiError {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new ApiError('too-large', 'request body too large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new ApiError('bad-request', 'content-type: send application/json', 'content-type');
  if (error.statusCode === 413) return new ApiError('too-large', 'request too large');
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return new ApiError('bad-request', error.message, 'body');
  return new ApiError('internal', 'internal error');
}

/**
 * Fastify's `frameworkErrors` server option: a URL the router cannot decode (`%ZZ`) or a path
 * parameter beyond `maxParamLength` is refused before any route or plugin runs, so fastify would
 * answer in its own shape. This answers in the API's.
 */
export function answerFrameworkError(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const apiError =
    error.code === 'FST_ERR_BAD_URL'
      ? new ApiError('bad-request', 'url: malformed percent-encoding in the path', 'url')
      : error.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? new ApiError('bad-request', 'url: a path segment is too long', 'url')
        : new ApiError('bad-request', `url: ${error.message}`, 'url');
  void reply.status(apiError.status).type('application/json; charset=utf-8').header('cache-control', 'no-store').send(apiError.body());
}

/** Error and not-found handlers for the API's encapsulated context. */
export function installApiErrorHandlers(api: FastifyInstance): void {
  api.setErrorHandler((error: FastifyError, request, reply) => {
    const apiError = error instanceof ApiError ? error : fromFastify(error);
    if (apiError.code === 'internal') request.log.error({ err: error }, 'API route failed');
    if (apiError.code === 'rate-limited' && reply.getHeader('retry-after') === undefined) reply.header('retry-after', '60');
    // With an unsupported content type the request has no usable body: 415 is the honest status.
    const status = error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 415 : apiError.status;
    return reply.status(status).type('application/json; charset=utf-8').send(apiError.body());
  });
  api.setNotFoundHandler((request, reply) =>
    reply.status(404).send(new ApiError('not-found', `no route ${request.method} ${request.url.split('?')[0]}`).body()),
  );
}
