// One process per embedded data folder: PGlite does not guard its files, and two processes writing
// one folder corrupt it. The lock is the directory `vigie.lock` holding one entry that names its
// owner. It appears with its entry in one rename (a rename onto a non-empty directory fails), so two
// starts in the same millisecond cannot both get it. An owner is dead when its PID is gone or now
// belongs to another process (start time or boot differs); one in another PID namespace (another
// container on the same volume) cannot be checked that way, so the owner touches its entry every
// 10 s and is dead once that stops for a minute. A dead owner's entry is unlinked by name, which
// only one taker can do, before the takers race for the rename again.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ownBootId, ownPidNamespace, processIdentity, type ProcessIdentity } from './process-identity.ts';

export const LOCK_FILE = 'vigie.lock';
const ENTRY = /^(\d+)-([0-9a-f]+)\.owner$/;
const TEMP = /^vigie\.lock\.(\d+)-[0-9a-f]+\.tmp$/;
export const HEARTBEAT_MS = 10_000;
export const HEARTBEAT_STALE_MS = 60_000;

export interface LockOwner extends ProcessIdentity {
  /** ISO instant the lock was taken, for people reading the error. */
  since?: string;
}

export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  constructor(
    readonly dataDir: string,
    readonly owner: LockOwner,
  ) {
    const where = owner.pidNamespace && owner.pidNamespace !== ownPidNamespace() ? ' of another container' : '';
    super(`data folder ${dataDir} is in use by process ${owner.pid}${where}${owner.since ? ` (since ${owner.since})` : ''}: stop that gateway first, or set another DATA_DIR`);
  }
  get ownerPid(): number {
    return this.owner.pid;
  }
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** True unless the process is gone or its PID now names another process. `heartbeatAt`: when its lock entry was last touched. */
export function isAlive(owner: ProcessIdentity, heartbeatAt?: number): boolean {
  if (owner.bootId && ownBootId() && owner.bootId !== ownBootId()) return false; // before a reboot
  if (owner.pidNamespace && ownPidNamespace() && owner.pidNamespace !== ownPidNamespace()) {
    return heartbeatAt !== undefined && Date.now() - heartbeatAt < HEARTBEAT_STALE_MS;
  }
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if (errno(error) !== 'EPERM') return false;
  }
  if (owner.startTicks === undefined) return true; // nothing more to compare: assume it is the owner
  const now = processIdentity(owner.pid);
  if (!now || now.startTicks === undefined) return true;
  return now.startTicks === owner.startTicks;
}

interface Entry {
  name: string;
  owner: LockOwner;
  heartbeatAt: number;
}
type Holder = { kind: 'none' } | { kind: 'legacy'; pid: number } | { kind: 'entries'; entries: Entry[] };

function readHolder(path: string): Holder {
  try {
    if (!statSync(path).isDirectory()) {
      // Written by versions before the directory lock: a bare PID.
      const pid = Number(readFileSync(path, 'utf8').trim());
      return { kind: 'legacy', pid: Number.isInteger(pid) && pid > 0 ? pid : 0 };
    }
    const entries = readdirSync(path).flatMap((name) => {
      const match = ENTRY.exec(name);
      if (!match) return [];
      try {
        return [{ name, owner: readOwner(join(path, name), Number(match[1])), heartbeatAt: statSync(join(path, name)).mtimeMs }];
      } catch {
        return []; // removed meanwhile
      }
    });
    return { kind: 'entries', entries };
  } catch (error) {
    if (errno(error) === 'ENOENT') return { kind: 'none' };
    throw error;
  }
}

function readOwner(path: string, pid: number): LockOwner {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
    if (owner.pid === pid) return owner;
  } catch {
    /* unreadable (a crash while writing it): the PID in its name is all we know */
  }
  return { pid };
}

/** The live process holding the folder, if any (the accounts CLI asks, to forward its commands). */
export function dataDirOwner(dataDir: string): LockOwner | undefined {
  const holder = readHolder(join(dataDir, LOCK_FILE));
  if (holder.kind === 'legacy') return holder.pid > 0 && isAlive({ pid: holder.pid }) ? { pid: holder.pid } : undefined;
  if (holder.kind === 'entries') return holder.entries.find((e) => isAlive(e.owner, e.heartbeatAt))?.owner;
  return undefined;
}

function ignore(codes: string[], work: () => void): void {
  try {
    work();
  } catch (error) {
    if (!codes.includes(errno(error) ?? '')) throw error;
  }
}

/** Takes the folder or throws DataDirLockedError naming the live owner. */
export function acquireDataDirLock(dataDir: string): { release(): void } {
  const path = join(dataDir, LOCK_FILE);
  const nonce = randomBytes(6).toString('hex');
  const me: LockOwner = { ...(processIdentity(process.pid) ?? { pid: process.pid }), since: new Date().toISOString() };
  const entryName = `${process.pid}-${nonce}.owner`;
  const temp = join(dataDir, `${LOCK_FILE}.${process.pid}-${nonce}.tmp`);
  mkdirSync(temp);
  writeFileSync(join(temp, entryName), JSON.stringify(me));
  try {
    // Each round either takes the lock, meets a live owner, or removes one dead owner; a few
    // rounds are enough unless processes keep dying in the folder.
    for (let round = 0; round < 100; round++) {
      try {
        renameSync(temp, path);
        removeDeadTemps(dataDir);
        const entry = join(path, entryName);
        const heartbeat = setInterval(() => ignore(['ENOENT'], () => utimesSync(entry, new Date(), new Date())), HEARTBEAT_MS);
        heartbeat.unref();
        return {
          release: () => {
            clearInterval(heartbeat);
            release(path, entryName);
          },
        };
      } catch (error) {
        if (!['ENOTEMPTY', 'EEXIST', 'ENOTDIR', 'EISDIR'].includes(errno(error) ?? '')) throw error;
      }
      const holder = readHolder(path);
      if (holder.kind === 'legacy') {
        if (holder.pid > 0 && holder.pid !== process.pid && isAlive({ pid: holder.pid })) throw new DataDirLockedError(dataDir, { pid: holder.pid });
        ignore(['ENOENT', 'EISDIR'], () => unlinkSync(path)); // never removes a directory: a racing new lock is safe
      } else if (holder.kind === 'entries') {
        const live = holder.entries.find((e) => isAlive(e.owner, e.heartbeatAt));
        if (live) throw new DataDirLockedError(dataDir, live.owner);
        // The entry's name is unique to one acquisition: only one taker can remove it.
        for (const dead of holder.entries) ignore(['ENOENT'], () => unlinkSync(join(path, dead.name)));
      }
      // 'none' or an emptied lock: race for the rename again.
    }
    throw new Error(`could not lock data folder ${dataDir}: its lock keeps changing hands`);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

function release(path: string, entryName: string): void {
  try {
    unlinkSync(join(path, entryName));
  } catch {
    return; // not ours any more (or already released)
  }
  // Another process may have renamed its lock onto the emptied directory meanwhile: then it stays.
  ignore(['ENOENT', 'ENOTEMPTY', 'EEXIST'], () => rmdirSync(path));
}

/** Staging folders left by processes killed in the middle of acquiring. */
function removeDeadTemps(dataDir: string): void {
  for (const name of readdirSync(dataDir)) {
    const pid = Number(TEMP.exec(name)?.[1]);
    if (pid && !isAlive({ pid })) rmSync(join(dataDir, name), { recursive: true, force: true });
  }
}
