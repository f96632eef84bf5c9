// Test fixture (data-dir-lock.test.ts): one process contending for a data folder's lock. It says
// "ready" once loaded, waits for "go <epoch ms>" on stdin, spins to that instant so that all
// contenders try in the same millisecond, then prints "won" or "refused <owner pid>". A winner
// holds the lock until "release" arrives (or until it is killed).
import { createInterface } from 'node:readline';
import { acquireDataDirLock, DataDirLockedError } from './data-dir-lock.ts';

const dataDir = process.argv[2]!;
let lock: { release(): void } | undefined;
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, at] = line.split(' ');
  if (command === 'release') {
    lock?.release();
    console.log('released');
    process.exit(0);
  }
  if (command !== 'go') continue;
  while (Date.now() < Number(at)) {
    /* spin: a timer would spread the attempts over milliseconds */
  }
  try {
    lock = acquireDataDirLock(dataDir);
    console.log('won');
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    console.log(`refused ${error.ownerPid}`);
    process.exit(0);
  }
}
