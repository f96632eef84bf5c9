// After kill -9 of the process holding the embedded database, what it had committed is still there.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { dataDirOwner, LOCK_FILE } from './data-dir-lock.ts';
import { openStorage } from './open-storage.ts';
import { freshDataDir } from './data-dir.test-kit.ts';

let dir: string;
beforeAll(async () => {
  dir = await freshDataDir('vigie-kill-');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the writer on `folder` and SIGKILLs it once it says "written", or as soon as `killWhen()` holds. */
function runWriterThenKill(t0: number, folder = dir, killWhen?: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'kill-writer.fixture.ts'), folder, String(t0)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const kill = () => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL');
    const poll = killWhen && setInterval(() => killWhen() && kill(), 2);
    child.once('exit', () => clearInterval(poll));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('written')) kill();
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
    expect(dataDirOwner(dir)?.pid).toBe(process.pid);
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
    // The owner is this very process: a second PGlite on the same files would corrupt them too.
    await expect(openStorage({ dataDir: dir })).rejects.toThrow(new RegExp(`in use by process ${process.pid}`));
  } finally {
    await first.close();
  }
});

// PGlite's initdb writes the folder for seconds on a first start; a crash then used to leave a
// database that every later start refused ("PGlite failed to initialize properly", Aborted()).
it('a kill -9 during the first start (initdb) leaves a folder the next start completes', { timeout: 120_000 }, async () => {
  const empty = mkdtempSync(join(tmpdir(), 'vigie-first-start-'));
  try {
    const t0 = Date.UTC(2026, 3, 2, 7);
    const initdbHalfway = () => ['pglite', 'pglite.initialising'].some((d) => existsSync(join(empty, d, 'PG_VERSION')));
    await runWriterThenKill(t0, empty, initdbHalfway);
    const storage = await openStorage({ dataDir: empty });
    try {
      await storage.saveIncidents([{ id: 'inc-9', probeId: 'p1', siteId: 's1', collectiviteId: 'metz', status: 'open', severity: 'CRITICAL', openedAt: t0, timeline: [{ at: t0, kind: 'opened', state: 'CRITICAL' }], version: 1 }]);
    } finally {
      await storage.close();
    }
    const reopened = await openStorage({ dataDir: empty });
    try {
      expect((await reopened.loadIncidents({})).map((i) => i.id)).toContain('inc-9');
    } finally {
      await reopened.close();
    }
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
