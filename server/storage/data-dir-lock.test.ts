// The data folder's lock under real contention: separate processes trying in the same millisecond,
// on an empty folder and on a dead owner's lock, plus the cases a PID alone gets wrong.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, dataDirOwner, DataDirLockedError, HEARTBEAT_STALE_MS, LOCK_FILE } from './data-dir-lock.ts';
import { ownPidNamespace, processIdentity, startTicksFromStat } from './process-identity.ts';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'vigie-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface Contender {
  child: ChildProcess;
  /** Resolves with the first line matching. */
  line(pattern: RegExp): Promise<string>;
}

function contender(dir: string): Contender {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'lock-contender.fixture.ts'), dir], { stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  const waiting: { pattern: RegExp; resolve(line: string): void }[] = [];
  const check = () => {
    for (const w of [...waiting]) {
      const found = out.split('\n').find((l) => w.pattern.test(l));
      if (found !== undefined) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(found);
      }
    }
  };
  child.stdout!.on('data', (d: Buffer) => ((out += d.toString()), check()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  return {
    child,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        waiting.push({ pattern, resolve });
        check();
        child.once('exit', () => setTimeout(() => reject(new Error(`contender exited without ${pattern}:\n${out}`)), 50));
      }),
  };
}

/** N processes, loaded, then all trying at the same instant; returns each one's answer. */
async function race(dir: string, n: number): Promise<{ contenders: Contender[]; answers: string[] }> {
  const contenders = Array.from({ length: n }, () => contender(dir));
  await Promise.all(contenders.map((c) => c.line(/^ready$/)));
  const at = Date.now() + 300;
  for (const c of contenders) c.child.stdin!.write(`go ${at}\n`);
  const answers = await Promise.all(contenders.map((c) => c.line(/^(won|refused \d+)$/)));
  return { contenders, answers };
}

describe('contention between processes', { timeout: 120_000 }, () => {
  it('twelve processes trying in the same millisecond on an empty folder: exactly one gets it', async () => {
    const dir = tempDir();
    const { contenders, answers } = await race(dir, 12);
    const winners = contenders.filter((_, i) => answers[i] === 'won');
    expect(winners).toHaveLength(1);
    const winnerPid = winners[0]!.child.pid;
    expect(answers.filter((a) => a !== 'won')).toEqual(Array(11).fill(`refused ${winnerPid}`));
    winners[0]!.child.stdin!.write('release\n');
    await winners[0]!.line(/^released$/);
    expect(readdirSync(dir)).toEqual([]); // released: no lock, no staging folders left
  });

  it("a dead owner's lock (kill -9) is taken over by exactly one of twelve racers", async () => {
    const dir = tempDir();
    const [first] = (await race(dir, 1)).contenders;
    first!.child.kill('SIGKILL');
    await new Promise((resolve) => first!.child.once('exit', resolve));
    expect(dataDirOwner(dir)).toBeUndefined();
    const { contenders, answers } = await race(dir, 12);
    const winners = contenders.filter((_, i) => answers[i] === 'won');
    expect(winners).toHaveLength(1);
    expect(answers.filter((a) => a !== 'won')).toEqual(Array(11).fill(`refused ${winners[0]!.child.pid}`));
    expect(dataDirOwner(dir)?.pid).toBe(winners[0]!.child.pid);
  });
});

describe('who holds the folder', () => {
  function writeEntry(dir: string, owner: object & { pid: number }): void {
    mkdirSync(join(dir, LOCK_FILE));
    writeFileSync(join(dir, LOCK_FILE, `${owner.pid}-abcdef.owner`), JSON.stringify(owner));
  }

  it('refuses a second open in the same process', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it('refuses while the live owner (same PID, same start time) holds it', () => {
    const dir = tempDir();
    writeEntry(dir, processIdentity(process.ppid) ?? { pid: process.ppid });
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`in use by process ${process.ppid}`));
  });

  it.runIf(processIdentity(process.pid)?.startTicks !== undefined)('takes over when the PID now belongs to another process (start time or boot differs)', () => {
    for (const stranger of [
      { ...processIdentity(process.ppid)!, startTicks: '1' },
      { ...processIdentity(process.ppid)!, bootId: 'another-boot' },
    ]) {
      const dir = tempDir();
      writeEntry(dir, stranger);
      expect(dataDirOwner(dir)).toBeUndefined();
      acquireDataDirLock(dir).release();
    }
  });

  it.runIf(ownPidNamespace() !== undefined)('an owner in another PID namespace (another container on the volume) holds it while its entry is touched', () => {
    const dir = tempDir();
    const stranger = { pid: 1, startTicks: '5', bootId: processIdentity(process.pid)!.bootId, pidNamespace: 'pid:[1]' };
    writeEntry(dir, stranger);
    expect(() => acquireDataDirLock(dir)).toThrow(/in use by process 1 of another container/);
    const stale = new Date(Date.now() - HEARTBEAT_STALE_MS - 1_000);
    utimesSync(join(dir, LOCK_FILE, '1-abcdef.owner'), stale, stale);
    expect(dataDirOwner(dir)).toBeUndefined();
    acquireDataDirLock(dir).release();
  });

  it('reads the bare-PID lock file of earlier versions: live owner refused, dead one taken over', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), String(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    writeFileSync(join(dir, LOCK_FILE), '2147483646');
    const lock = acquireDataDirLock(dir);
    expect(dataDirOwner(dir)?.pid).toBe(process.pid);
    lock.release();
  });

  it('an unreadable entry still names its PID', () => {
    const dir = tempDir();
    mkdirSync(join(dir, LOCK_FILE));
    writeFileSync(join(dir, LOCK_FILE, `${process.ppid}-abcdef.owner`), '');
    expect(dataDirOwner(dir)?.pid).toBe(process.ppid);
  });
});

it.each([
  ['plain name', '123 (node) S 1 123 123 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 98765 1000 10', '98765'],
  ['name with spaces and parentheses', '123 (a) b (c) S 1 123 123 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 4242 1000 10', '4242'],
  ['truncated', '123 (node) S 1', undefined],
])('start time from /proc/<pid>/stat: %s', (_, stat, ticks) => {
  expect(startTicksFromStat(stat)).toBe(ticks);
});
