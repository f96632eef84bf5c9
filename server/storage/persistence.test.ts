// After kill -9 of the process holding the embedded database, what it had committed is still there.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { LOCK_FILE } from './data-dir-lock.ts';
import { openStorage } from './open-storage.ts';
import { freshDataDir } from './test-data-dir.ts';

let dir: string;
beforeAll(async () => {
  dir = await freshDataDir('vigie-kill-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function runWriterThenKill(t0: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'kill-writer.fixture.ts'), dir, String(t0)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('written') && child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
    });
    child.once('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited ${code}: ${stderr}`))));
  });
}

// A child process under a loaded CI machine can take a while to start.
it('keeps incidents, acknowledgements, history and accounts across a SIGKILL', { timeout: 90_000 }, async () => {
  const t0 = Date.UTC(2026, 3, 2, 7);
  await runWriterThenKill(t0);
  // The killed writer left its lock behind; a dead owner's lock is taken over.
  expect(existsSync(join(dir, LOCK_FILE))).toBe(true);
  const storage = await openStorage({ dataDir: dir });
  try {
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    const [incident] = await storage.loadIncidents({ collectiviteId: 'metz' });
    expect(incident).toMatchObject({ id: 'inc-1', status: 'acknowledged', acknowledgedAt: t0 + 120_000 });
    expect(incident?.timeline.at(-1)).toEqual({ at: t0 + 120_000, kind: 'acknowledged', by: 'support', comment: 'vu' });
    expect(await storage.loadStateChanges(t0, t0 + 3_600_000)).toEqual([
      { probeId: 'p1', at: t0, state: 'OK', inDowntime: false },
      { probeId: 'p1', at: t0 + 60_000, state: 'CRITICAL', inDowntime: false },
    ]);
    expect(await storage.accounts.get('alice')).toMatchObject({ collectiviteId: 'metz', version: 3 });
  } finally {
    await storage.close();
  }
  expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
});

it('refuses to open a data folder held by a live process', async () => {
  const first = await openStorage({ dataDir: dir });
  try {
    // Simulate another owner by writing a live foreign PID (our parent) into the lock.
    writeFileSync(join(dir, LOCK_FILE), String(process.ppid));
    await expect(openStorage({ dataDir: dir })).rejects.toThrow(/in use by process/);
    writeFileSync(join(dir, LOCK_FILE), String(process.pid));
  } finally {
    await first.close();
  }
});
