// Starts the bench gateway (bench/gateway/bench-gateway.ts) as a child process on a free loopback
// port with a throwaway DATA_DIR, waits for its ready line, and stops it by PID (SIGTERM, then
// SIGKILL after a grace period). Every bench goes through here, so nothing outlives a run.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface GatewayInfo {
  url: string;
  pid: number;
  kioskToken: string;
  support?: { login: string; password: string };
  collectivites: number;
  sites: number;
  probes: number;
  startMs: number;
}

export interface RunningGateway extends GatewayInfo {
  child: ChildProcess;
  dataDir: string;
  /** GET/POST a bench control route (or any route) of this gateway. */
  call<T>(path: string, body?: unknown): Promise<T>;
  /** CPU seconds (user+system) and RSS of the process, read from /proc. */
  proc(): { cpuSeconds: number; rssMb: number };
  stop(): Promise<void>;
}

export interface GatewayOptions {
  env?: Record<string, string>;
  spaDir?: string;
  naiveDir?: string;
  readyTimeoutMs?: number;
  /** Extra node flags for the gateway (e.g. --cpu-prof to find where its time goes). */
  nodeArgs?: string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const live = new Set<RunningGateway>();
/** A bench that throws or is interrupted still stops its gateway. */
function stopAllOnExit(): void {
  for (const g of live) {
    try {
      process.kill(g.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}
process.once('exit', stopAllOnExit);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    stopAllOnExit();
    process.exit(130);
  });
}

let template: Promise<string> | undefined;

/**
 * An empty, migrated data folder made once per bench process: PGlite's first initialisation costs
 * ~20 s here, reopening a copy ~1 s. Each gateway then starts on its own fresh copy.
 */
function dataTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigie-bench-template-'));
    const { openStorage } = await import('../../server/storage/open-storage.ts');
    const storage = await openStorage({ dataDir: dir });
    await storage.close();
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  })();
  return template;
}

export async function startGateway(options: GatewayOptions = {}): Promise<RunningGateway> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'vigie-bench-'));
  const source = await dataTemplate();
  if (existsSync(source)) cpSync(source, dataDir, { recursive: true });
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    SIM_SCALE: 'moselle',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'error',
    ...(options.spaDir ? { BENCH_SPA_DIR: options.spaDir } : {}),
    ...(options.naiveDir ? { BENCH_NAIVE_DIR: options.naiveDir } : {}),
    ...options.env,
  };
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), '--import', 'tsx', join(ROOT, 'bench', 'gateway', 'bench-gateway.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
  });
  const info = await new Promise<GatewayInfo>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gateway not ready after ${options.readyTimeoutMs ?? 60_000} ms\n${stderr}`)), options.readyTimeoutMs ?? 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('BENCH_READY '));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice('BENCH_READY '.length)) as GatewayInfo);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`gateway exited (${code}) before ready\n${stderr}`));
    });
  });
  const pid = child.pid!;
  const clockTicks = 100; // USER_HZ on Linux
  const gateway: RunningGateway = {
    ...info,
    child,
    dataDir,
    async call<T>(path: string, body?: unknown): Promise<T> {
      const response = await fetch(info.url + path, body === undefined ? {} : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
      return (await response.json()) as T;
    },
    proc() {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / clockTicks;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      return { cpuSeconds, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
    },
    async stop() {
      live.delete(gateway);
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        process.kill(pid, 'SIGTERM');
        const killer = setTimeout(() => {
          try {
            process.kill(pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, 10_000);
        await exited;
        clearTimeout(killer);
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  live.add(gateway);
  return gateway;
}
