import { beforeEach, describe, expect, it } from 'vitest';
import { runAccountCommand } from './account-commands.ts';
import { ensureKioskToken } from './gateway-secrets.ts';
import { createMemoryAccountStore } from './memory-account-store.ts';
import { hashPassword } from './password.ts';
import type { AuthService, Session } from './auth-service.ts';
import { createSessionService } from './session-service.ts';

const HOUR = 3_600_000;
let t: number;
let accounts: ReturnType<typeof createMemoryAccountStore>;
let sessions: AuthService;
let revoked: string[];

async function loginOk(login: string, password: string, ip = '10.0.0.1'): Promise<Session> {
  const result = await sessions.login(login, password, ip);
  if (!result.ok) throw new Error(`login refused: ${result.reason}`);
  return result.session;
}

const command = (...argv: string[]) => runAccountCommand(argv, { accounts, now: () => t, announce: (l) => sessions.accountChanged(l) });

beforeEach(async () => {
  t = Date.UTC(2026, 4, 4, 8);
  accounts = createMemoryAccountStore();
  await accounts.upsert({ login: 'alice', role: 'referent', collectiviteId: 'metz', passwordHash: await hashPassword('pw-alice'), disabled: false, version: 1 });
  await accounts.upsert({ login: 'sam', role: 'support', displayName: 'Sam', passwordHash: await hashPassword('pw-sam'), disabled: false, version: 1 });
  sessions = await createSessionService({ accounts, now: () => t, accountCacheMs: 0 });
  revoked = [];
  sessions.onRevoked((login) => revoked.push(login));
});

describe('session service', () => {
  it('logs in with the right password, records the login time and resolves the principal', async () => {
    const session = await loginOk('alice', 'pw-alice');
    expect(session.user).toEqual({ login: 'alice', role: 'referent', collectiviteId: 'metz' });
    expect(session.expiresAt).toBe(t + 12 * HOUR);
    expect((await accounts.get('alice'))?.lastLoginAt).toBe(t);
    expect(await sessions.verify(session.token)).toEqual({ login: 'alice', role: 'referent', collectiviteId: 'metz' });
    expect((await loginOk('sam', 'pw-sam')).user).toEqual({ login: 'sam', role: 'support', displayName: 'Sam' });
  });

  it('refuses bad passwords and unknown logins alike, then rate-limits', async () => {
    expect(await sessions.login('alice', 'nope', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    expect(await sessions.login('ghost', 'nope', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    for (let i = 0; i < 4; i++) await sessions.login('alice', 'nope', '10.0.0.2');
    const limited = await sessions.login('alice', 'pw-alice', '10.0.0.3');
    expect(limited).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect(limited.ok === false && limited.reason === 'rate-limited' && limited.retryAfterMs).toBeGreaterThan(0);
  });

  it('counts parallel attempts before checking passwords: the right one in a burst of 50 gets no token', async () => {
    const passwords = [...Array.from({ length: 49 }, (_, i) => `wrong-${i}`), 'pw-alice'];
    const results = await Promise.all(passwords.map((password, i) => sessions.login('alice', password, `10.2.0.${i}`)));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(results.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(45);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: 'rate-limited' });
  });

  it('keeps a logout and the login counters through a restart (a new service on the same storage)', async () => {
    const out = await loginOk('sam', 'pw-sam');
    const kept = await loginOk('sam', 'pw-sam');
    const announced: [string, string | undefined][] = [];
    sessions.onRevoked((login, token) => announced.push([login, token]));
    await sessions.logout(out.token);
    expect(announced).toEqual([['sam', out.token]]);
    for (let i = 0; i < 5; i++) await sessions.login('alice', 'nope', '10.0.0.1');

    const restarted = await createSessionService({ accounts, now: () => t, accountCacheMs: 0 });
    expect(await restarted.verify(out.token)).toBeUndefined();
    expect(await restarted.verify(kept.token)).toEqual({ login: 'sam', role: 'support' });
    expect(await restarted.login('alice', 'pw-alice', '10.0.0.9')).toMatchObject({ ok: false, reason: 'rate-limited' });
    // Once expired, the logout is forgotten by storage too.
    t += 12 * HOUR;
    await restarted.checkRevocations();
    expect((await accounts.deniedSessions(t)).size).toBe(0);
  });

  it('does not accept a removed login’s old token once the login is added again', async () => {
    const old = await loginOk('sam', 'pw-sam');
    await command('remove', 'sam');
    expect(revoked).toEqual(['sam']);
    await command('add', 'sam', '--role', 'support', '--password', 'pw-sam');
    expect((await accounts.get('sam'))?.version).toBe(2);
    expect(await sessions.verify(old.token)).toBeUndefined();
    expect(await sessions.verify((await loginOk('sam', 'pw-sam')).token)).toEqual({ login: 'sam', role: 'support' });
  });

  it('refuses expired, forged and logged-out tokens', async () => {
    const session = await loginOk('alice', 'pw-alice');
    const [body, sig] = session.token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, r: 'support' })).toString('base64url')}.${sig}`;
    expect(await sessions.verify(forged)).toBeUndefined();
    t += 12 * HOUR - 1;
    expect(await sessions.verify(session.token)).toBeDefined();
    t += 1;
    expect(await sessions.verify(session.token)).toBeUndefined();
    const other = await loginOk('sam', 'pw-sam');
    await sessions.logout(other.token);
    expect(await sessions.verify(other.token)).toBeUndefined();
  });

  it('ends sessions on revoke and on a new collectivité, announcing the login in-process', async () => {
    const a = await loginOk('alice', 'pw-alice');
    await command('set-collectivite', 'alice', 'thionville');
    expect(revoked).toEqual(['alice']);
    expect(await sessions.verify(a.token)).toBeUndefined();
    const b = await loginOk('alice', 'pw-alice');
    expect(b.user.collectiviteId).toBe('thionville');
    await command('revoke', 'alice');
    expect(await sessions.verify(b.token)).toBeUndefined();
    expect(await sessions.login('alice', 'pw-alice', '10.0.0.5')).toEqual({ ok: false, reason: 'invalid' });
    expect(revoked).toEqual(['alice', 'alice']);
  });

  it('notices a revoke made by another process on the next check, once', async () => {
    const a = await loginOk('alice', 'pw-alice');
    await sessions.verify(a.token);
    expect(await sessions.checkRevocations()).toEqual([]);
    const row = await accounts.get('alice');
    await accounts.upsert({ ...row!, disabled: true, version: row!.version + 1 }); // as the CLI would, elsewhere
    expect(await sessions.checkRevocations()).toEqual(['alice']);
    expect(revoked).toEqual(['alice']);
    expect(await sessions.checkRevocations()).toEqual([]);
    expect(await sessions.verify(a.token)).toBeUndefined();
  });

  it('notices the change even when a request re-read the account first', async () => {
    const a = await loginOk('alice', 'pw-alice');
    await sessions.verify(a.token);
    const row = await accounts.get('alice');
    await accounts.upsert({ ...row!, collectiviteId: 'thionville', version: row!.version + 1 });
    expect(await sessions.verify(a.token)).toBeUndefined();
    expect(await sessions.checkRevocations()).toEqual(['alice']);
  });

  it('gives the kiosk a read-only all-collectivités session until the token rotates', async () => {
    const { token } = await ensureKioskToken(accounts);
    expect(await sessions.kioskLogin('kiosk-wrong-token-123', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    const result = await sessions.kioskLogin(token, '10.0.0.1');
    if (!result.ok) throw new Error('kiosk refused');
    expect(await sessions.verify(result.session.token)).toEqual({ login: 'kiosk', role: 'kiosk' });
    expect(await sessions.login('kiosk', 'anything', '10.0.0.1')).toEqual({ ok: false, reason: 'invalid' });
    await command('kiosk-token', '--rotate');
    expect(revoked).toEqual(['kiosk']);
    expect(await sessions.verify(result.session.token)).toBeUndefined();
    expect((await sessions.kioskLogin(token, '10.0.0.1')).ok).toBe(false);
  });

  it('rate-limits kiosk attempts per address only, so others cannot lock the wall out', async () => {
    const { token } = await ensureKioskToken(accounts);
    for (let i = 0; i < 5; i++) await sessions.kioskLogin('kiosk-guess-000000000000', '192.0.2.66');
    expect(await sessions.kioskLogin(token, '192.0.2.66')).toMatchObject({ ok: false, reason: 'rate-limited' });
    expect((await sessions.kioskLogin(token, '10.0.0.9')).ok).toBe(true);
  });
});
