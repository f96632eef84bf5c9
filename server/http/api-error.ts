// Every refusal of the API as one JSON shape, `{ error: { code, message, field? } }`, with the
// contract's error codes. Routes throw ApiError; api-route.ts turns it into a response (and so does
// each runtime adapter for its own refusals: fastify's bad JSON or body too large, for one).
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
    /** Headers the refusal carries (retry-after of a rate-limited login). */
    readonly headers?: Readonly<Record<string, string>>,
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
