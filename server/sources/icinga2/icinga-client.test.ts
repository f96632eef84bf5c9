import { describe, expect, it } from 'vitest';
import { isLoopbackHost, tlsOptionsFor } from './icinga-client.ts';

const base = { user: 'vigie', password: 'x' };

describe('tlsOptionsFor', () => {
  it('verifies by default, against the given CA and servername', () => {
    const read = (path: string) => Buffer.from(`PEM of ${path}`);
    expect(tlsOptionsFor({ ...base, url: 'https://10.0.0.5:5665', caPath: '/etc/vigie/icinga-ca.crt', servername: 'icinga.moselle-fibre.fr' }, read)).toEqual({
      rejectUnauthorized: true,
      ca: Buffer.from('PEM of /etc/vigie/icinga-ca.crt'),
      servername: 'icinga.moselle-fibre.fr',
    });
    expect(tlsOptionsFor({ ...base, url: 'https://icinga.example.org:5665' })).toEqual({ rejectUnauthorized: true });
  });

  it.each(['https://127.0.0.1:5665', 'https://localhost:5665', 'https://[::1]:5665', 'https://127.0.0.2'])('allows the explicit insecure opt-out for loopback %s', (url) => {
    expect(tlsOptionsFor({ ...base, url, insecureLoopback: true })).toEqual({ rejectUnauthorized: false });
  });

  it.each(['https://10.0.0.5:5665', 'https://icinga.example.org', 'https://127.0.0.1.example.org', 'https://[::2]'])('refuses the insecure opt-out for %s', (url) => {
    expect(() => tlsOptionsFor({ ...base, url, insecureLoopback: true })).toThrow(/only allowed for loopback/);
  });

  it('refuses plain http', () => {
    expect(() => tlsOptionsFor({ ...base, url: 'http://127.0.0.1:5665' })).toThrow(/must be https/);
  });
});

describe('isLoopbackHost', () => {
  it.each([
    ['127.0.0.1', true],
    ['localhost', true],
    ['[::1]', true],
    ['10.1.2.3', false],
    ['localhost.evil.org', false],
  ])('%s → %s', (host, loopback) => expect(isLoopbackHost(host)).toBe(loopback));
});
