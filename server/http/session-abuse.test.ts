// What an outsider tries against sessions, on the gateway as `npm start` assembles it (real HTTP,
// real socket.io, each storage backend): 50 parallel password guesses, a restart to forget the
// counters or a logout, a removed then re-created login to revive old tokens, a live socket kept
// open after logout.
import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { API_PREFIX } from '../../src/protocol/rest.ts';
import { runAccountCommand } from '../accounts/account-commands.ts';
import { assembleGateway, type AssembledGateway } from '../assemble-gateway.ts';
import { loadConfig, type Config } from '../config.ts';
import { LiveClient, until } from '../live/live-clients.test-kit.ts';
import { freshDataDir } from '../storage/data-dir.test-kit.ts';
import { postgresUnavailableReason, startTestPostgres, type TestPostgres } from '../storage/postgres.test-kit.ts';
import { fixtureEstate } from '../supervision/estate-fixture.test-kit.ts';
import { FakeSource } from '../supervision/fake-source.test-kit.ts';

const pgSkip = postgresUnavailableReason();
const estate = fixtureEstate(2, 3);
const cleanups: (() => Promise<unknown> | void)[] = [];
let cluster: TestPostgres | undefined;
let databases = 0;

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
afterAll(async () => {
  await cluster?.stop();
});

/** A gateway that can be stopped and started again on the same storage, as a restart would. */
interface Running {
  url: string;
  assembled: AssembledGateway<FakeSource>;
}

async function start(config: Config): Promise<Running> {
  const assembled = await assembleGateway(config, { source: (at) => new FakeSource(estate, at), staticDir: false, logLevel: 'silent' });
  let closed = false;
  const close = async () => {
    if (!closed) await assembled.close();
    closed = true;
  };
  cleanups.push(close);
  const url = await assembled.gateway.start(0, '127.0.0.1');
  return { url, assembled: { ...assembled, close } };
}

async function restart(running: Running, config: Config): Promise<Running> {
  await running.assembled.close();
  return start(config);
}

const command = (running: Running, ...argv: string[]) =>
  runAccountCommand(argv, { accounts: running.assembled.storage.accounts, now: () => Date.now(), announce: (login) => running.assembled.sessions.accountChanged(login) });

const post = (running: Running, path: string, body: unknown) =>
  fetch(`${running.url}${API_PREFIX}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const call = (running: Running, method: 'GET' | 'DELETE', path: string, token: string) =>
  fetch(`${running.url}${API_PREFIX}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

async function logIn(running: Running, login: string, password: string): Promise<string> {
  const res = await post(running, '/session', { login, password });
  if (res.status !== 200) throw new Error(`login ${login}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

const backends: { name: string; skip?: string; config(): Promise<Config> }[] = [
  {
    name: 'PGlite',
    async config() {
      const dataDir = await freshDataDir('vigie-abuse-');
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      return loadConfig({ DATA_DIR: dataDir, PORT: '0', DEMO_ACCOUNTS: 'false' });
    },
  },
  {
    name: 'PostgreSQL',
    ...(pgSkip && { skip: pgSkip }),
    async config() {
      cluster ??= await startTestPostgres();
      const dataDir = await freshDataDir('vigie-abuse-pg-');
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      const url = await cluster.createDatabase(`vigie_abuse_${++databases}`);
      return loadConfig({ DATA_DIR: dataDir, DATABASE_URL: url, PORT: '0', DEMO_ACCOUNTS: 'false' });
    },
  },
];

for (const backend of backends) {
  describe.skipIf(backend.skip !== undefined)(`sessions under attack on ${backend.name}${backend.skip ? ` (skipped: ${backend.skip})` : ''}`, { timeout: 90_000 }, () => {
    beforeAll(async () => {
      if (backend.name === 'PostgreSQL') cluster ??= await startTestPostgres();
    }, 60_000);

    it('lets at most 5 of 50 parallel guesses on one login through, refuses the right password in the burst, and a restart keeps the count', async () => {
      const config = await backend.config();
      let gw = await start(config);
      await command(gw, 'add', 'alice', '--role', 'support', '--password', 'pw-alice');
      const passwords = [...Array.from({ length: 49 }, (_, i) => `wrong-${i}`), 'pw-alice'];
      const answers = await Promise.all(passwords.map((password) => post(gw, '/session', { login: 'alice', password })));

      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s !== 429).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(45);
      for (const a of answers.filter((a) => a.status === 429)) expect(Number(a.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(statuses.at(-1)).toBe(429);
      expect((await post(gw, '/session', { login: 'alice', password: 'pw-alice' })).status).toBe(429);

      gw = await restart(gw, config);
      const afterRestart = await post(gw, '/session', { login: 'alice', password: 'pw-alice' });
      expect(afterRestart.status).toBe(429);
      expect(Number(afterRestart.headers.get('retry-after'))).toBeGreaterThan(200);
    });

    it('lets at most 20 of 50 parallel guesses over 50 logins from one address through', async () => {
      const gw = await start(await backend.config());
      const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => post(gw, '/session', { login: `spray-${i}`, password: 'guess' })));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(20);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30);
      expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    });

    it('cuts the logged-out session’s live socket at once, not the login’s other one, and the logout survives a restart', async () => {
      const config = await backend.config();
      let gw = await start(config);
      await command(gw, 'add', 'sam', '--role', 'support', '--password', 'pw-sam');
      const [phone, desk] = [await logIn(gw, 'sam', 'pw-sam'), await logIn(gw, 'sam', 'pw-sam')];
      const sockets = [new LiveClient(gw.url, phone), new LiveClient(gw.url, desk)];
      cleanups.push(() => sockets.forEach((s) => s.close()));
      await Promise.all(sockets.map((s) => s.connected()));

      expect((await call(gw, 'DELETE', '/session', phone)).status).toBe(204);
      // The gateway re-checks sessions every 60 s; a logout must not wait for it.
      await until(() => !sockets[0]!.socket.connected, 1_000, 'the logged-out socket to be cut');
      expect(sockets[0]!.of('protocol-error')).toEqual([{ code: 'unauthorized', message: 'logged out' }]);
      expect(sockets[1]!.socket.connected).toBe(true);
      expect((await call(gw, 'GET', '/me', phone)).status).toBe(401);

      gw = await restart(gw, config);
      expect((await call(gw, 'GET', '/me', phone)).status).toBe(401);
      expect((await call(gw, 'GET', '/me', desk)).status).toBe(200);
    });

    it('does not revive the tokens of a removed login when it is added again, even across a restart', async () => {
      const config = await backend.config();
      let gw = await start(config);
      await command(gw, 'add', 'bob', '--role', 'support', '--password', 'pw-bob');
      const old = await logIn(gw, 'bob', 'pw-bob');
      await command(gw, 'remove', 'bob');
      await command(gw, 'add', 'bob', '--role', 'support', '--password', 'pw-bob');
      expect((await call(gw, 'GET', '/me', old)).status).toBe(401);

      const second = await logIn(gw, 'bob', 'pw-bob');
      await command(gw, 'remove', 'bob');
      gw = await restart(gw, config);
      await command(gw, 'add', 'bob', '--role', 'support', '--password', 'pw-bob');
      expect((await call(gw, 'GET', '/me', second)).status).toBe(401);
      expect((await call(gw, 'GET', '/me', old)).status).toBe(401);
      expect((await call(gw, 'GET', '/me', await logIn(gw, 'bob', 'pw-bob'))).status).toBe(200);
      expect((await command(gw, 'list')).split('\n').find((l) => l.startsWith('bob\t'))).toContain('\tv3\t');
    });
  });
}
