import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { adminSocketPath, sendAccountsCommand, startAccountsAdmin } from './admin-socket.ts';

const dir = mkdtempSync(join(tmpdir(), 'vigie-admin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs a command sent by another client on the owner-only socket and returns its output or error', async () => {
  const seen: string[][] = [];
  const close = await startAccountsAdmin(dir, async (argv) => {
    seen.push(argv);
    if (argv[0] === 'fail') throw new Error('no account "x"');
    return `ran ${argv.join(' ')}`;
  });
  try {
    expect(statSync(adminSocketPath(dir)).mode & 0o777).toBe(0o600);
    expect(await sendAccountsCommand(dir, ['revoke', 'alice'])).toBe('ran revoke alice');
    await expect(sendAccountsCommand(dir, ['fail'])).rejects.toThrow('no account "x"');
    expect(seen).toEqual([['revoke', 'alice'], ['fail']]);
  } finally {
    await close();
  }
  await expect(sendAccountsCommand(dir, ['list'])).rejects.toThrow(/ENOENT|ECONNREFUSED/);
});
