import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createApiClient } from './api-client.ts';
import { ApiError } from './api-error.ts';

function respond(status: number, body?: unknown) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
}

describe('createApiClient', () => {
  it('sends the Bearer token and validates the answer', async () => {
    const fetch = respond(200, { n: 3 });
    const client = createApiClient({ getToken: () => 'tok', fetch });
    await expect(client.get('/things', z.object({ n: z.number() }), { page: 2, skip: undefined })).resolves.toEqual({ n: 3 });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('/api/v1/things?page=2');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
  });

  it('turns gateway errors into typed ApiErrors', async () => {
    const client = createApiClient({ getToken: () => 'tok', fetch: respond(403, { error: { code: 'forbidden', message: 'not yours' } }) });
    const error = await client.get('/x', z.unknown()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'not yours' });
  });

  it('reports an answer that breaks the contract', async () => {
    const client = createApiClient({ getToken: () => undefined, fetch: respond(200, { n: 'three' }) });
    await expect(client.get('/x', z.object({ n: z.number() }))).rejects.toMatchObject({ code: 'bad-response', field: 'n' });
  });

  it('ends the session on 401', async () => {
    const onUnauthorized = vi.fn();
    const client = createApiClient({ getToken: () => 'old', onUnauthorized, fetch: respond(401, { error: { code: 'unauthorized', message: 'expired' } }) });
    await expect(client.get('/me', z.unknown())).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('maps a network failure', async () => {
    const client = createApiClient({ getToken: () => undefined, fetch: vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))) });
    await expect(client.delete('/session')).rejects.toMatchObject({ status: 0, code: 'network' });
  });
});
