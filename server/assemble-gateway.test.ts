import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { API_PREFIX } from '../src/protocol/rest.ts';
import { ensureKioskToken } from './accounts/gateway-secrets.ts';
import { assembleGateway } from './assemble-gateway.ts';
import { loadConfig, type Config } from './config.ts';
import { LOCK_FILE } from './storage/data-dir-lock.ts';
import { openStorage } from './storage/open-storage.ts';
import { freshDataDir } from './storage/data-dir.test-kit.ts';
import { fixtureEstate } from './supervision/estate-fixture.test-kit.ts';
import { FakeSource } from './supervision/fake-source.test-kit.ts';

const estate = fixtureEstate(2, 3);
const dataDirs: string[] = [];

afterEach(() => {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The configuration `npm start` would read, on a throwaway data folder and nothing from this process's env. */
async function throwawayConfig(): Promise<Config> {
  const dataDir = await freshDataDir('vigie-assemble-');
  dataDirs.push(dataDir);
  return loadConfig({ DATA_DIR: dataDir, PORT: '0', PERSIST_MS: '50' });
}

const assembleOn = (config: Config, clock?: number) =>
  assembleGateway(config, {
    source: (start) => new FakeSource(estate, clock ?? start),
    routes: (app, { source }) => void app.get('/__extra', async () => ({ source: source.name, probes: source.estate.probes.length })),
    staticDir: false,
    logLevel: 'silent',
  });

test('the assembled gateway serves the REST API and the extra routes, then closes the port and storage', async () => {
  const config = await throwawayConfig();
  const assembled = await assembleOn(config);
  const url = await assembled.gateway.start(0, '127.0.0.1');
  const kiosk = await ensureKioskToken(assembled.storage.accounts);

  const login = await fetch(`${url}${API_PREFIX}/session/kiosk`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token: kiosk.token }) });
  expect(login.status).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const collectivites = await fetch(`${url}${API_PREFIX}/collectivites`, { headers: { authorization: `Bearer ${token}` } });
  expect(((await collectivites.json()) as unknown[]).length).toBe(estate.collectivites.length);
  expect(await (await fetch(`${url}/__extra`)).json()).toEqual({ source: 'fake', probes: estate.probes.length });
  expect((await fetch(`${url}${API_PREFIX}/collectivites`)).status).toBe(401);

  await assembled.close();
  expect(assembled.source.stopped).toBe(1);
  await expect(fetch(`${url}${API_PREFIX}/collectivites`)).rejects.toThrow();
  expect(existsSync(join(config.dataDir, LOCK_FILE))).toBe(false);
  // What the gateway queued was written before storage closed.
  const reopened = await openStorage({ dataDir: config.dataDir });
  expect(await reopened.loadStatuses()).toHaveLength(estate.probes.length);
  await reopened.close();
});

test('on a folder with history, the source starts just after the last stored instant', async () => {
  const config = await throwawayConfig();
  const later = Date.now() + 3_600_000; // a simulated clock ran ahead of the wall clock
  const first = await assembleOn(config, later);
  await first.gateway.start(0, '127.0.0.1');
  await first.close();

  const starts: number[] = [];
  const second = await assembleGateway(config, {
    source: (start) => (starts.push(start), new FakeSource(estate, start)),
    staticDir: false,
    logLevel: 'silent',
  });
  await second.close();
  expect(starts).toEqual([later + 1]);
});

test('a failing assembly releases the storage it opened', async () => {
  const config = await throwawayConfig();
  const failing = assembleGateway(config, {
    source: () => {
      throw new Error('no engine');
    },
  });
  await expect(failing).rejects.toThrow('no engine');
  expect(existsSync(join(config.dataDir, LOCK_FILE))).toBe(false);
});
