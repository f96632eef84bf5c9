import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { readToken, signToken, type TokenPayload } from './session-token.ts';

const payload: TokenPayload = { l: 'alice', r: 'referent', c: 'metz', v: 2, e: 1_800_000_000_000, n: 'abc' };

describe('session tokens', () => {
  it('reads back what it signed', () => {
    expect(readToken(signToken(payload, 's3cret'), 's3cret')).toEqual(payload);
  });

  it('refuses another key, a changed payload, a changed signature and junk', () => {
    const token = signToken(payload, 's3cret');
    const [body, sig] = token.split('.') as [string, string];
    const forgedBody = Buffer.from(JSON.stringify({ ...payload, r: 'support' })).toString('base64url');
    expect(readToken(token, 'other')).toBeUndefined();
    expect(readToken(`${forgedBody}.${sig}`, 's3cret')).toBeUndefined();
    expect(readToken(`${body}.${sig.slice(0, -2)}AA`, 's3cret')).toBeUndefined();
    expect(readToken(`${token}.extra`, 's3cret')).toBeUndefined();
    for (const junk of ['', '.', 'a.b', 'x'.repeat(5000)]) expect(readToken(junk, 's3cret')).toBeUndefined();
  });

  it('refuses a well-signed payload of the wrong shape', () => {
    const body = Buffer.from(JSON.stringify({ l: 'alice', r: 'admin', v: 1, e: 1, n: 'x' })).toString('base64url');
    const sig = createHmac('sha256', 'k').update(body).digest('base64url');
    expect(readToken(`${body}.${sig}`, 'k')).toBeUndefined();
  });
});
