// A throwaway Icinga 2 for tests and demos: rootless (-D flags), everything in a temp dir, its own CA,
// a free port on 127.0.0.1, stopped by PID and removed afterwards, so runs never collide. It is set up
// by the very steps of docs/icinga2.md (scripts/icinga-recipe.ts), then started in the foreground.
// CLI: `npx tsx scripts/icinga-fixture.ts` prints the ICINGA_* variables and runs until Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createIcingaClient, type IcingaClient } from '../server/sources/icinga2/icinga-client.ts';
import { runPrivateIcingaRecipe } from './icinga-recipe.ts';

export const FIXTURE_CONFIG_DIR = join(import.meta.dirname, '..', 'server', 'sources', 'icinga2', 'fixture');
/** The certificate's CN and SAN: the node name, never an IP, hence ICINGA_SERVERNAME. */
export const FIXTURE_NODE_NAME = 'vigie-icinga-fixture';

export interface IcingaFixture {
  url: string;
  user: string;
  password: string;
  caPath: string;
  servername: string;
  /** PID of the running daemon (its umbrella process). */
  pid(): number;
  /** Authenticated client for driving the fixture (process-check-result, reading objects back). */
  api: IcingaClient;
  /** Stop and start the daemon on the same port and state directory (acks and downtimes persist). */
  restart(): Promise<void>;
  stop(): Promise<void>;
  dir: string;
}

/** The icinga2 binary, or undefined when Icinga 2 is not installed. */
export function findIcinga2(): string | undefined {
  const candidates = [process.env.ICINGA2_BIN, '/usr/sbin/icinga2', '/usr/bin/icinga2'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** `objectsDir`: a folder of .conf object files (default: the fixture estate in FIXTURE_CONFIG_DIR). */
export async function startIcingaFixture(options: { port?: number; readyTimeoutMs?: number; objectsDir?: string } = {}): Promise<IcingaFixture> {
  const bin = findIcinga2();
  if (!bin) throw new Error('icinga2 is not installed (apt-get install --no-install-recommends icinga2 monitoring-plugins)');
  const dir = mkdtempSync(join(tmpdir(), 'vigie-icinga-'));
  try {
    const dirs = Object.fromEntries(['etc', 'data', 'log', 'run'].map((d) => [d, join(dir, d)]));
    const port = options.port ?? (await freePort());
    const password = randomBytes(18).toString('base64url');
    // The steps of docs/icinga2.md ("A private Icinga 2 of your own"), run as written.
    const defines = runPrivateIcingaRecipe({ ICINGA2: bin, DIR: dir, NODE: FIXTURE_NODE_NAME, PORT: String(port), VIGIE_PASSWORD: password, OBJECTS: options.objectsDir ?? FIXTURE_CONFIG_DIR });
    // Tests only: a user lacking objects/query/Service, to check that Vigie names the permission.
    writeFileSync(
      join(dirs.etc!, 'objects', 'zz-test-users.conf'),
      `object ApiUser "vigie-hosts-only" {\n  password = "${password}"\n  permissions = [ "objects/query/Host", "objects/query/Comment", "events/*", "status/query" ]\n}\n`,
    );
    const caPath = join(dirs.data!, 'certs', 'ca.crt');

    const url = `https://127.0.0.1:${port}`;
    const api = createIcingaClient({ url, user: 'vigie', password, caPath, servername: FIXTURE_NODE_NAME });
    const logPath = join(dirs.log!, 'daemon.out');
    let child: ChildProcess | undefined;

    const launch = async () => {
      const out = openSync(logPath, 'a');
      child = spawn(bin, ['daemon', '-c', join(dirs.etc!, 'icinga2.conf'), ...defines], { stdio: ['ignore', out, out] });
      closeSync(out);
      const started = child;
      const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
      for (;;) {
        if (started.exitCode !== null) throw new Error(`icinga2 exited with ${started.exitCode}:\n${tail(logPath)}`);
        const ready = await api.request('GET', '/v1/status/IcingaApplication', { timeoutMs: 1_000 }).then((r) => r.status === 200, () => false);
        if (ready) return;
        if (Date.now() > deadline) throw new Error(`icinga2 not ready after ${options.readyTimeoutMs ?? 30_000} ms:\n${tail(logPath)}`);
        await sleep(100);
      }
    };

    const halt = async () => {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      let timer: ReturnType<typeof setTimeout> | undefined;
      const clean = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 10_000)))]);
      clearTimeout(timer);
      if (!clean) {
        killDaemonChildren(dirs.run!);
        running.kill('SIGKILL');
        await exited;
      }
    };

    await launch().catch(async (error) => {
      await halt();
      throw error;
    });
    return {
      url,
      user: 'vigie',
      password,
      caPath,
      servername: FIXTURE_NODE_NAME,
      dir,
      api,
      pid: () => child?.pid ?? -1,
      restart: async () => {
        await halt();
        await launch();
      },
      stop: async () => {
        api.destroy();
        await halt();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** The daemon's worker writes its own PID file; kill it by that PID if the umbrella hung. */
function killDaemonChildren(runDir: string): void {
  const pidFile = join(runDir, 'icinga2.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (Number.isInteger(pid) && pid > 1) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
}

function tail(path: string): string {
  return existsSync(path) ? readFileSync(path, 'utf8').split('\n').slice(-15).join('\n') : '(no log)';
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const fixture = await startIcingaFixture();
  console.log(
    [
      `ICINGA_URL=${fixture.url}`,
      `ICINGA_USER=${fixture.user}`,
      `ICINGA_PASSWORD=${fixture.password}`,
      `ICINGA_CA=${fixture.caPath}`,
      `ICINGA_SERVERNAME=${fixture.servername}`,
    ].join(' '),
  );
  console.error(`Icinga 2 fixture running (PID ${fixture.pid()}, state in ${fixture.dir}); Ctrl-C stops and removes it.`);
  const shutdown = () => void fixture.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
