// The accounts CLI as an operator runs it: its own process, configured by DATA_DIR. Alone it
// writes the embedded database itself; while a gateway holds the folder it hands the command over
// the admin socket, and the gateway cuts the revoked login's sessions at once.
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openStorage } from '../storage/open-storage.ts';
import { freshDataDir } from '../storage/data-dir.test-kit.ts';
import { runAccountCommand } from './account-commands.ts';
import { startAccountsAdmin } from './admin-socket.ts';
import { createSessionService } from './session-service.ts';

const CLI = join(import.meta.dirname, 'cli.ts');
let dataDir: string;

function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', CLI, ...argv], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' }, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  dataDir = await freshDataDir('vigie-cli-');
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('writes the embedded database itself when no gateway holds it', { timeout: 90_000 }, async () => {
  expect(await cli('add', 'alice', '--role', 'support', '--password', 'pw-alice')).toMatchObject({ code: 0, stdout: 'added alice\n' });
  const bad = await cli('add', 'bob', '--role', 'referent');
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain('accounts: a référent needs --collectivite <id>');
  const storage = await openStorage({ dataDir });
  try {
    expect(await storage.accounts.get('alice')).toMatchObject({ role: 'support', version: 1, disabled: false });
  } finally {
    await storage.close();
  }
});

it('hands the command to the running gateway, which cuts the sessions at once', { timeout: 90_000 }, async () => {
  const storage = await openStorage({ dataDir }); // this process plays the gateway: it holds the folder
  const sessions = await createSessionService({ accounts: storage.accounts, now: () => Date.now() });
  const stop = await startAccountsAdmin(dataDir, (argv) =>
    runAccountCommand(argv, { accounts: storage.accounts, now: () => Date.now(), announce: (login) => sessions.accountChanged(login) }),
  );
  try {
    const login = await sessions.login('alice', 'pw-alice', '127.0.0.1');
    if (!login.ok) throw new Error('login refused');
    const revoked: string[] = [];
    sessions.onRevoked((l) => revoked.push(l));
    expect(await cli('revoke', 'alice')).toMatchObject({ code: 0, stdout: 'revoked alice; its sessions are ended\n' });
    expect(revoked).toEqual(['alice']);
    expect(await sessions.verify(login.session.token)).toBeUndefined();
    expect((await cli('list')).stdout).toContain('alice\tsupport\t-\trevoked\tv2');
  } finally {
    await stop();
    await storage.close();
  }
});
