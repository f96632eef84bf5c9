// The one way the SPA talks HTTP to the gateway: Bearer token, JSON both ways, every answer
// validated against its contract schema, every failure an ApiError. A 401 ends the session.
import type { z } from 'zod';
import { parseMessage } from '../protocol/parse.ts';
import { API_PREFIX, apiErrorSchema } from '../protocol/rest.ts';
import { ApiError } from './api-error.ts';

export type Query = Record<string, string | number | boolean | undefined>;

export interface ApiClientOptions {
  /** Gateway origin; '' (same origin) by default. */
  baseUrl?: string;
  getToken(): string | undefined;
  onUnauthorized?(): void;
  fetch?: typeof fetch;
}

export interface ApiClient {
  get<S extends z.ZodType>(path: string, schema: S, query?: Query): Promise<z.infer<S>>;
  post<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>>;
  delete(path: string): Promise<void>;
  /** A file the gateway sends (CSV, PDF), with the name it gives it. */
  download(path: string, query?: Query): Promise<{ blob: Blob; filename: string }>;
}

function buildUrl(baseUrl: string, path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined) params.set(key, String(value));
  const qs = params.toString();
  return `${baseUrl}${API_PREFIX}${path}${qs ? `?${qs}` : ''}`;
}

export function createApiClient({ baseUrl = '', getToken, onUnauthorized, fetch: fetchImpl = (...a) => fetch(...a) }: ApiClientOptions): ApiClient {
  async function request(method: string, path: string, body?: unknown, query?: Query): Promise<unknown> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = getToken();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchImpl(buildUrl(baseUrl, path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (cause) {
      throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
    }
    if (response.status === 204) return undefined;
    const payload: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const parsed = parseMessage(apiErrorSchema, payload);
      const error = parsed.ok
        ? new ApiError(response.status, parsed.value.error.code, parsed.value.error.message, parsed.value.error.field)
        : new ApiError(response.status, 'http', `HTTP ${response.status}`);
      if (response.status === 401 && token) onUnauthorized?.();
      throw error;
    }
    return payload;
  }

  function validate<S extends z.ZodType>(schema: S, payload: unknown): z.infer<S> {
    const parsed = parseMessage(schema, payload);
    if (!parsed.ok) throw new ApiError(200, 'bad-response', parsed.error.message, parsed.error.field);
    return parsed.value;
  }

  return {
    async get(path, schema, query) {
      return validate(schema, await request('GET', path, undefined, query));
    },
    async post(path, body, schema) {
      return validate(schema, await request('POST', path, body));
    },
    async delete(path) {
      await request('DELETE', path);
    },
    async download(path, query) {
      const token = getToken();
      let response: Response;
      try {
        response = await fetchImpl(buildUrl(baseUrl, path, query), { headers: token ? { Authorization: `Bearer ${token}` } : {} });
      } catch (cause) {
        throw new ApiError(0, 'network', cause instanceof Error ? cause.message : 'network error');
      }
      if (!response.ok) {
        const parsed = parseMessage(apiErrorSchema, await response.json().catch(() => undefined));
        if (response.status === 401 && token) onUnauthorized?.();
        throw parsed.ok ? new ApiError(response.status, parsed.value.error.code, parsed.value.error.message, parsed.value.error.field) : new ApiError(response.status, 'http', `HTTP ${response.status}`);
      }
      const filename = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'vigie-export';
      return { blob: await response.blob(), filename };
    },
  };
}
