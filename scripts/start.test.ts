// `npm start` as a supervisor (systemd, docker, a terminal) runs it: whichever process of the tree
// npm → scripts/start.mjs → gateway gets SIGTERM or SIGINT, every one of them is gone within the
// 15 s budget and the port is free; a part killed with SIGKILL takes the rest of the tree down.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const BUDGET_MS = 15_000;
const dirs: string[] = [];
const pids: number[] = [];

afterAll(() => {
  for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Alive and not a zombie waiting to be reaped. */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Every process below `root` (npm may run its script through a shell). */
function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone meanwhile */
    }
  }
  const below = (pid: number): number[] => [...parentOf].filter(([, parent]) => parent === pid).flatMap(([child]) => [child, ...below(child)]);
  return below(root);
}

function cmdline(pid: number): string {
  return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

interface Started {
  npm: ChildProcess;
  tree: number[];
  starter: number;
  gateway: number;
  port: number;
  /** What the tree printed, for failure messages. */
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

async function npmStart(): Promise<Started> {
  const dataDir = await freshDataDir('vigie-npm-start-');
  dirs.push(dataDir);
  const npm = spawn('npm', ['start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SIM_SCALE: 'small', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.once('exit', (code, signal) => resolve({ code, signal })));
  let out = '';
  npm.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    npm.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /running: http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (url) resolve(Number(url[1]));
    });
    void exited.then(() => reject(new Error(`npm start exited before the gateway was up:\n${out}`)));
  });
  const below = descendants(npm.pid!);
  const tree = [npm.pid!, ...below];
  pids.push(...tree);
  const starter = below.find((pid) => cmdline(pid).includes('scripts/start.mjs'));
  const gateway = below.find((pid) => cmdline(pid).includes('server/main.ts'));
  if (!starter || !gateway) throw new Error(`no start.mjs or gateway below npm: ${below.map(cmdline).join(' | ')}`);
  return { npm, tree, starter, gateway, port, exited, output: () => out };
}

async function allGone(pids: number[], withinMs: number): Promise<number[]> {
  const until = Date.now() + withinMs;
  while (Date.now() < until && pids.some(alive)) await new Promise((r) => setTimeout(r, 100));
  return pids.filter(alive);
}

type Level = 'npm' | 'starter' | 'gateway';
const pidOf = (s: Started, level: Level) => (level === 'npm' ? s.npm.pid! : s[level]);

// One tree at a time (each with its own data folder and free port): nine gateways starting at once
// would starve the timing-sensitive tests that run beside this file.
describe('stopping npm start', { timeout: 120_000 }, () => {
  it.each<[Level, NodeJS.Signals]>([
    ['npm', 'SIGTERM'],
    ['npm', 'SIGINT'],
    ['starter', 'SIGTERM'],
    ['starter', 'SIGINT'],
    ['gateway', 'SIGTERM'],
    ['gateway', 'SIGINT'],
  ])('%s gets %s: the whole tree stops cleanly within 15 s and the port is free', async (level, signal) => {
    const started = await npmStart();
    const t0 = Date.now();
    process.kill(pidOf(started, level), signal);
    expect(await allGone(started.tree, BUDGET_MS)).toEqual([]);
    expect(Date.now() - t0).toBeLessThan(BUDGET_MS);
    const { code, signal: npmSignal } = await started.exited;
    // npm re-raises a signal it was sent itself; otherwise it reports the gateway's clean exit.
    if (level === 'npm') expect(npmSignal ?? code, started.output()).toBeOneOf([signal, 0]);
    else expect(code, started.output()).toBe(0);
    expect(await portIsFree(started.port)).toBe(true);
  });

  it.each<Level>(['gateway', 'starter', 'npm'])('%s killed with SIGKILL: the rest of the tree stops and npm does not report success', async (level) => {
    const started = await npmStart();
    process.kill(pidOf(started, level), 'SIGKILL');
    expect(await allGone(started.tree, BUDGET_MS)).toEqual([]);
    if (level !== 'npm') expect((await started.exited).code).not.toBe(0);
    expect(await portIsFree(started.port)).toBe(true);
  });
});
