import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccountCommand } from '../accounts/account-commands.ts';
import { startTestGateway, type TestGateway } from './api-gateway.test-kit.ts';

let gw: TestGateway;
beforeAll(async () => {
  gw = await startTestGateway();
});
afterAll(() => gw.close());

describe('session routes', () => {
  it('logs in, answers /me, records the login time, and logs out', async () => {
    const res = await gw.call('POST', '/session', undefined, { login: 'support', password: 'pw-support' });
    expect(res.statusCode).toBe(200);
    const session = res.json();
    expect(session.user).toEqual({ login: 'support', role: 'support', displayName: 'Cellule' });
    expect(session.expiresAt).toBe(gw.wall.now + 12 * 3_600_000);
    expect((await gw.storage.accounts.get('support'))?.lastLoginAt).toBe(gw.wall.now);
    const me = await gw.call('GET', '/me', session.token);
    expect(me.json()).toEqual({ login: 'support', role: 'support', displayName: 'Cellule' });
    expect((await gw.call('DELETE', '/session', session.token)).statusCode).toBe(204);
    expect((await gw.call('GET', '/me', session.token)).statusCode).toBe(401);
  });

  it('refuses a bad password with 401, then rate-limits with 429 and Retry-After', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await gw.call('POST', '/session', undefined, { login: 'ref-c2', password: 'wrong' });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toEqual({ error: { code: 'unauthorized', message: 'invalid login or password' } });
    }
    const limited = await gw.call('POST', '/session', undefined, { login: 'ref-c2', password: 'pw-ref-c2' });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().error.code).toBe('rate-limited');
  });

  it('refuses missing, forged, expired and revoked tokens', async () => {
    expect((await gw.call('GET', '/collectivites')).json()).toEqual({ error: { code: 'unauthorized', message: 'missing bearer token' } });
    const token = await gw.login('ref-c1');
    const [body, sig] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, r: 'support', c: undefined })).toString('base64url')}.${sig}`;
    expect((await gw.call('GET', '/collectivites', forged)).statusCode).toBe(401);
    expect((await gw.call('GET', '/collectivites', 'not-a-token')).statusCode).toBe(401);

    const revoked: string[] = [];
    gw.sessions.onRevoked((login) => revoked.push(login));
    expect((await gw.call('GET', '/collectivites', token)).statusCode).toBe(200);
    await runAccountCommand(['revoke', 'ref-c1'], { accounts: gw.storage.accounts, now: () => gw.wall.now, announce: (l) => gw.sessions.accountChanged(l) });
    expect(revoked).toEqual(['ref-c1']);
    expect((await gw.call('GET', '/collectivites', token)).statusCode).toBe(401);
    await runAccountCommand(['enable', 'ref-c1'], { accounts: gw.storage.accounts, now: () => gw.wall.now, announce: () => undefined });

    const fresh = await gw.login('ref-c1');
    gw.wall.now += 12 * 3_600_000;
    const expired = await gw.call('GET', '/collectivites', fresh);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.message).toBe('session expired or revoked');
  });

  it('gives the kiosk a read-only session with its token', async () => {
    const { ensureKioskToken } = await import('../accounts/gateway-secrets.ts');
    const { token } = await ensureKioskToken(gw.storage.accounts);
    const bad = await gw.call('POST', '/session/kiosk', undefined, { token: 'kiosk-0000000000000000' });
    expect(bad.statusCode).toBe(401);
    const res = await gw.call('POST', '/session/kiosk', undefined, { token });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ login: 'kiosk', role: 'kiosk' });
    const list = await gw.call('GET', '/collectivites', res.json().token);
    expect(list.json().map((c: { id: string }) => c.id)).toEqual(['c1', 'c2']);
  });

  it('serves the covered-hours calendar with Moselle holidays', async () => {
    const token = await gw.login('support');
    const calendar = (await gw.call('GET', '/calendar', token)).json();
    expect(calendar).toMatchObject({ timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5], open: '09:00', close: '17:30', gtiHours: 8, atRiskHours: 2, availabilityTarget: 0.96 });
    expect(calendar.closedDates).toEqual(expect.arrayContaining(['2026-04-03', '2026-12-26', '2025-12-26', '2027-01-01']));
  });
});
