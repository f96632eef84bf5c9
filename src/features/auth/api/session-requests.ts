// Opening and closing sessions on the gateway. Mutations, not queries: they are never cached.
import { z } from 'zod';
import type { ApiClient } from '../../../api/api-client.ts';
import type { Session } from '../../../api/session.ts';
import { sessionSchema } from '../../../protocol/rest.ts';

export function openSession(client: ApiClient, login: string, password: string): Promise<Session> {
  return client.post('/session', { login, password }, sessionSchema);
}

/** A wall display's long-lived kiosk token becomes a short read-only session. */
export function openKioskSession(client: ApiClient, token: string): Promise<Session> {
  return client.post('/session/kiosk', { token }, sessionSchema);
}

export async function closeSession(client: ApiClient): Promise<void> {
  await client.delete('/session').catch(() => undefined); // leaving locally matters more than telling the server
}

export const kioskTokenSchema = z.string().min(16).max(200);
