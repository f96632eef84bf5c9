// One process per embedded data folder: a lock file holding the owner's PID. A lock left by a
// killed process (kill -9) is stale and taken over; a live owner makes the open fail clearly.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(`data folder ${dataDir} is in use by process ${ownerPid} (the running gateway?)`);
  }
}

export const LOCK_FILE = 'vigie.lock';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PID of the live process holding the folder, if any. */
export function dataDirOwner(dataDir: string): number | undefined {
  let pid: number;
  try {
    pid = Number(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim());
  } catch {
    return undefined;
  }
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && isAlive(pid) ? pid : undefined;
}

export function acquireDataDirLock(dataDir: string): { release(): void } {
  const path = join(dataDir, LOCK_FILE);
  const owner = dataDirOwner(dataDir);
  if (owner !== undefined) throw new DataDirLockedError(dataDir, owner);
  try {
    writeFileSync(path, String(process.pid), { flag: 'wx' });
  } catch {
    // Stale lock of a dead process (or our own): take it over.
    writeFileSync(path, String(process.pid));
  }
  return {
    release() {
      try {
        if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path);
      } catch {
        /* already gone */
      }
    },
  };
}
