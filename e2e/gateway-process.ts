// The real gateway (server/main.ts) as a child process for end-to-end tests: its own process group,
// a temp DATA_DIR chosen by the caller, a port (0 = free), stopped by PID (SIGTERM to the group).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface Gateway {
  child: ChildProcess;
  /** http://127.0.0.1:<port> (no trailing slash). */
  url: string;
  port: number;
  kioskToken: string;
  /** Everything the process printed so far (banner, warnings), for failure messages. */
  output(): string;
}

export interface GatewayOptions {
  dataDir: string;
  /** 0 (default) = a free port. */
  port?: number;
  /** Extra environment (SOURCE, ICINGA_*, SIM_*…). Defaults: SIM_SCALE=small, LOG_LEVEL=warn. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

/** Starts server/main.ts in its own process group and waits for its banner (URL and kiosk token). */
export function startGateway(options: GatewayOptions): Promise<Gateway> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 90_000;
  const child = spawn(TSX, ['server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, SIM_SCALE: 'small', LOG_LEVEL: 'warn', ...options.env, PORT: String(options.port ?? 0), HOST: '127.0.0.1', DATA_DIR: options.dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signalGroup(child, 'SIGKILL');
      reject(new Error(`gateway did not start within ${readyTimeoutMs} ms:\n${out}`));
    }, readyTimeoutMs);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /running: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      const kioskToken = /wall\?token=(\S+)/.exec(out)?.[1];
      if (url && kioskToken) {
        clearTimeout(timer);
        resolve({ child, url, port: Number(new URL(url).port), kioskToken, output: () => out });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${code}):\n${out}`));
    });
  });
}

/** SIGTERM to the gateway's process group (tsx and the node it spawns), then wait for the exit; SIGKILL after `graceMs`. */
export async function stopGateway(g: Gateway, graceMs = 15_000): Promise<void> {
  const { child } = g;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child, 'SIGTERM');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const clean = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))]);
  clearTimeout(timer);
  if (!clean) {
    signalGroup(child, 'SIGKILL');
    await exited;
  }
  await groupGone(child.pid, graceMs);
}

/** SIGKILL to the gateway's process group (a crash, a power cut), then wait until no process of it is left. */
export async function killGateway(g: Gateway, timeoutMs = 15_000): Promise<void> {
  const { child } = g;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  signalGroup(child, 'SIGKILL');
  await exited;
  await groupGone(child.pid, timeoutMs);
}

/** tsx's node child (the one holding the data folder) may outlive its parent by a moment: wait until no process of the group is left. */
async function groupGone(pid: number, timeoutMs: number): Promise<void> {
  for (const until = Date.now() + timeoutMs; groupAlive(pid); ) {
    if (Date.now() > until) throw new Error(`gateway process group ${pid} still alive ${timeoutMs} ms after its parent exited`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    /* already gone */
  }
}
