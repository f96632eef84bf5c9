// `npm start`: build the SPA when it is missing or older than its sources, then start Vigie.
// The process tree (npm → this script → the gateway) stops as one, whichever part a supervisor or
// a terminal signals: SIGINT/SIGTERM here are passed to the gateway, which writes its last batch
// and exits; this script leaves with it. A gateway that dies takes this script (and npm) down; a
// parent that disappears (npm killed) stops the gateway too. Nothing outlives the 15 s budget.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
/** The gateway gives up on a clean stop after 15 s (server/main.ts); past that, it is killed. */
const STOP_BUDGET_MS = 15_000;

let child; // the build, then the gateway
let stopping = false;

function stop(signal) {
  if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    console.error('Vigie: the gateway did not stop within 15 s, killing it');
    child?.kill('SIGKILL');
    process.exit(1);
  }, STOP_BUDGET_MS).unref();
  if (!child) process.exit(0);
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => stop(signal));

// npm or a shell killed (even with SIGKILL) leaves us re-parented: stop instead of running orphaned.
const parent = process.ppid;
const orphanWatch = parent > 1 && setInterval(() => process.ppid !== parent && (clearInterval(orphanWatch), stop('SIGTERM')), 500);
if (orphanWatch) orphanWatch.unref();

/** Exit code of a child: its own, or 128 + the signal number, as a shell reports it. */
const exitCode = (code, signal) => code ?? 128 + (constants.signals[signal] ?? 0);

function run(command, args) {
  child = spawn(command, args, { cwd: root, stdio: 'inherit' });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(exitCode(code, signal))));
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const built = join(root, 'dist', 'index.html');
const stale = !existsSync(built) || statSync(built).mtimeMs < Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'index.html')).mtimeMs);
if (stale) {
  console.log('Vigie: building the web app (first start or sources changed)…');
  const status = await run(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build']);
  if (status !== 0 || stopping) process.exit(status || 1);
}

// One child running the gateway under tsx, its exit code passed up (npm reports it in turn).
process.exit(await run(process.execPath, ['--import', 'tsx', 'server/main.ts']));
