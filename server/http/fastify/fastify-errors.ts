// fastify's own refusals in the API's error shape: a body it cannot parse or that is too large, a
// content type it does not take (415), a URL its router cannot decode. The mapping of the routes'
// own errors is the core's (api-route.ts); this only translates what fastify rejects first.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../api-error.ts';
import type { ApiResponse } from '../api-route.ts';

export function fromFastify(error: FastifyError): ApiError {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new ApiError('too-large', 'request body too large');
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new ApiError('bad-request', 'content-type: send application/json', 'content-type');
  if (error.statusCode === 413) return new ApiError('too-large', 'request too large');
  if (error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) return new ApiError('bad-request', error.message, 'body');
  return new ApiError('internal', 'internal error');
}

/** With an unsupported content type the request has no usable body: 415 is the honest status. */
export const statusOf = (error: FastifyError, apiError: ApiError) => (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 415 : apiError.status);

export function sendResponse(reply: FastifyReply, response: ApiResponse): FastifyReply {
  // Documents (PDF) come as bytes: fastify sends a Buffer as is.
  const body = response.body instanceof Uint8Array && !Buffer.isBuffer(response.body) ? Buffer.from(response.body.buffer, response.body.byteOffset, response.body.byteLength) : response.body;
  return reply.status(response.status).headers(response.headers ?? {}).send(body);
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
