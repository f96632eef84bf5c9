// Stateless session tokens: base64url(JSON payload) + '.' + base64url(HMAC-SHA256). The payload
// carries the account version so a revoke (version bump) kills tokens without a session table.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const payloadSchema = z.object({
  /** login ('kiosk' for the wall display) */
  l: z.string().min(1).max(100),
  r: z.enum(['support', 'referent', 'kiosk']),
  c: z.string().max(128).optional(),
  /** account version, or the kiosk token generation */
  v: z.number().int(),
  /** expiry, epoch ms */
  e: z.number().int(),
  /** random id, so a logout can deny this one token */
  n: z.string().max(64),
});
export type TokenPayload = z.infer<typeof payloadSchema>;

function mac(body: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(body).digest();
}

export function signToken(payload: TokenPayload, secret: string): string {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${mac(body, secret).toString('base64url')}`;
}

/** The payload when the signature is ours and the shape is right; expiry is the caller's check. */
export function readToken(token: string, secret: string): TokenPayload | undefined {
  if (token.length > 2_000) return undefined;
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return undefined;
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(body, secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
