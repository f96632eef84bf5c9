// Headers every response carries, and the page's Content-Security-Policy. Engine text is rendered as
// text (never markup), so the policy is a second wall: no script but the gateway's own files, no
// eval, no inline script, no framing (the acknowledge and intervention buttons cannot be clickjacked),
// and the page talks to its own origin only. Inline styles stay allowed: Leaflet and the charts set
// style attributes. Map tiles may come from any https server (TILE_URL, or the build's default).
import type { FastifyInstance } from 'fastify';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && type.startsWith('text/html')) reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    return payload;
  });
}
