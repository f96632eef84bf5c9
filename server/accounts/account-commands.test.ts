import { beforeEach, describe, expect, it } from 'vitest';
import type { Estate } from '../../src/protocol/schemas.ts';
import { runAccountCommand } from './account-commands.ts';
import { createMemoryAccountStore } from './memory-account-store.ts';
import { verifyPassword } from './password.ts';

const estate: Estate = {
  collectivites: [
    { id: 'metz', insee: '57463', name: 'Metz', lat: 49.1, lng: 6.2 },
    { id: 'thionville', insee: '57672', name: 'Thionville', lat: 49.4, lng: 6.2 },
  ],
  sites: [],
  equipment: [],
  probes: [],
};
let accounts: ReturnType<typeof createMemoryAccountStore>;
let announced: string[];
let now: number;
const run = (...argv: string[]) => runAccountCommand(argv, { accounts, estate, now: () => now, announce: (l) => announced.push(l) });

beforeEach(() => {
  accounts = createMemoryAccountStore();
  announced = [];
  now = Date.UTC(2026, 0, 1);
});

describe('accounts commands', () => {
  it('refuses a display name or password the database could not store, and keeps names in NFC', async () => {
    await expect(run('add', 'sam', '--role', 'support', '--name', 'S\u0000m')).rejects.toThrow('--name: contains a NUL character');
    await expect(run('add', 'sam', '--role', 'support', '--name', 'x'.repeat(201))).rejects.toThrow('--name');
    await expect(run('add', 'sam', '--role', 'support', '--password', 'pw\ud800')).rejects.toThrow('--password: contains a lone surrogate');
    expect(await accounts.get('sam')).toBeUndefined();
    await run('add', 'sam', '--role', 'support', '--name', 'Se\u0301bastien');
    expect((await accounts.get('sam'))?.displayName).toBe('Sébastien');
  });

  it('adds accounts with a given or generated password, and lists them', async () => {
    expect(await run('add', 'sam', '--role', 'support', '--password', 'pw-sam', '--name', 'Sam')).toBe('added sam');
    const out = await run('add', 'alice', '--role', 'referent', '--collectivite', 'metz');
    const password = /password: (\S+)$/.exec(out)?.[1] ?? '';
    expect(await verifyPassword(password, (await accounts.get('alice'))!.passwordHash)).toBe(true);
    expect(await verifyPassword('pw-sam', (await accounts.get('sam'))!.passwordHash)).toBe(true);
    const list = await run('list');
    expect(list.split('\n')).toEqual([
      'login\trole\tcollectivité\tstate\tversion\tlast login',
      'alice\treferent\tmetz\tactive\tv1\tnever',
      'sam\tsupport\t-\tactive\tv1\tnever',
    ]);
  });

  it('refuses bad input with a clear message', async () => {
    await run('add', 'sam', '--role', 'support', '--password', 'x');
    await expect(run('add', 'sam', '--role', 'support')).rejects.toThrow('already exists');
    await expect(run('add', 'bob', '--role', 'admin')).rejects.toThrow('--role must be support or referent');
    await expect(run('add', 'bob', '--role', 'referent')).rejects.toThrow('needs --collectivite');
    await expect(run('add', 'bob', '--role', 'referent', '--collectivite', 'nancy')).rejects.toThrow('unknown collectivité "nancy"');
    await expect(run('add', 'b@d login', '--role', 'support')).rejects.toThrow('login:');
    await expect(run('revoke', 'ghost')).rejects.toThrow('no account "ghost"');
    await expect(run('set-collectivite', 'sam', 'metz')).rejects.toThrow('not a référent');
    await expect(run('frobnicate')).rejects.toThrow('unknown command');
    await expect(run('list', '--bogus')).rejects.toThrow(/Unknown option/);
  });

  it('bumps the version and announces on revoke, passwd and set-collectivite', async () => {
    await run('add', 'alice', '--role', 'referent', '--collectivite', 'metz', '--password', 'a');
    await run('revoke', 'alice');
    expect(await accounts.get('alice')).toMatchObject({ disabled: true, version: 2 });
    await run('enable', 'alice');
    await run('passwd', 'alice', '--password', 'b');
    await run('set-collectivite', 'alice', 'thionville');
    expect(await accounts.get('alice')).toMatchObject({ disabled: false, version: 5, collectiviteId: 'thionville' });
    expect(await verifyPassword('b', (await accounts.get('alice'))!.passwordHash)).toBe(true);
    expect(announced).toEqual(['alice', 'alice', 'alice', 'alice']);
    await run('remove', 'alice');
    expect(await accounts.get('alice')).toBeUndefined();
    expect(announced).toHaveLength(5);
  });

  it('shows the kiosk token, the same until rotated', async () => {
    const first = await run('kiosk-token');
    expect(await run('kiosk-token')).toBe(first);
    const rotated = await run('kiosk-token', '--rotate');
    expect(rotated).not.toContain(first.replace('kiosk token: ', ''));
    expect(await run('kiosk-token')).toBe(`kiosk token: ${/token: (\S+)/.exec(rotated)?.[1]}`);
    expect(announced).toEqual(['kiosk']);
  });

  it('prunes accounts whose last login is older than the retention period', async () => {
    await run('add', 'old', '--role', 'support', '--password', 'x');
    await run('add', 'recent', '--role', 'support', '--password', 'x');
    await accounts.upsert({ ...(await accounts.get('old'))!, lastLoginAt: now - 4 * 365 * 86_400_000 });
    await accounts.upsert({ ...(await accounts.get('recent'))!, lastLoginAt: now - 2 * 365 * 86_400_000 });
    expect(await run('prune', '--dry-run')).toBe('would remove: old');
    expect(await accounts.get('old')).toBeDefined();
    expect(await run('prune')).toBe('removed: old');
    expect((await accounts.list()).map((a) => a.login)).toEqual(['recent']);
  });
});
