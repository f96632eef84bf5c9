import Fastify from 'fastify';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, registerSecurityHeaders } from './security-headers.ts';

test('every response says nosniff, no referrer, no framing; HTML pages also carry the CSP', async () => {
  const app = Fastify();
  registerSecurityHeaders(app);
  app.get('/page', (_req, reply) => reply.type('text/html; charset=utf-8').send('<!doctype html><title>x</title>'));
  app.get('/api', () => ({ ok: true }));
  const page = await app.inject({ url: '/page' });
  expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  expect(CONTENT_SECURITY_POLICY).toMatch(/script-src 'self'(;|$)/);
  expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  const api = await app.inject({ url: '/api' });
  expect(api.headers['content-security-policy']).toBeUndefined();
  for (const response of [page, api]) {
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
  }
  await app.close();
});
