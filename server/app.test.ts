import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createGateway, type Gateway } from './app.ts';
import { FakeSessions } from './live/live-clients.test-kit.ts';
import { fixtureEstate } from './supervision/estate-fixture.test-kit.ts';
import { FakeSource } from './supervision/fake-source.test-kit.ts';
import { MemoryStorage } from './supervision/memory-storage.ts';

const dist = mkdtempSync(join(tmpdir(), 'vigie-dist-'));
let gateway: Gateway;
let url: string;

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Vigie</title>');
  writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
  // A build made with source maps (VIGIE_SOURCEMAP=1) must still not publish them.
  writeFileSync(join(dist, 'assets', 'app-1234.js.map'), '{"version":3,"sources":["src/secret.ts"],"mappings":""}');
  gateway = await createGateway({
    storage: new MemoryStorage(),
    sessions: new FakeSessions(),
    source: new FakeSource(fixtureEstate(1, 1), 0),
    staticDir: dist,
    routes: (app) => void app.get('/api/v1/ping', async () => ({ pong: true })),
  });
  url = await gateway.start(0, '127.0.0.1');
});

afterAll(async () => {
  await gateway?.close();
  rmSync(dist, { recursive: true, force: true });
});

test('serves the SPA, its assets, and index.html for client-side routes', async () => {
  for (const path of ['/', '/wall', '/collectivites/c1?tab=sites']) {
    const res = await fetch(`${url}${path}`);
    expect(res.status, path).toBe(200);
    expect(await res.text()).toContain('<title>Vigie</title>');
  }
  const asset = await fetch(`${url}/assets/app-1234.js`);
  expect(asset.headers.get('content-type')).toMatch(/javascript/);
});

test('source maps are never served, even when the build wrote some: JSON 404, not the map nor the SPA', async () => {
  for (const path of ['/assets/app-1234.js.map', '/assets/APP-1234.JS.MAP', '/assets/app-1234.js.map?x=1', '/assets/nothing.js.map']) {
    const res = await fetch(`${url}${path}`);
    expect(res.status, path).toBe(404);
    expect(await res.json(), path).toMatchObject({ error: { code: 'not-found' } });
  }
});

test('API paths never fall back to the SPA: registered routes answer, others get a JSON 404', async () => {
  expect(await (await fetch(`${url}/api/v1/ping`)).json()).toEqual({ pong: true });
  const missing = await fetch(`${url}/api/v1/nothing-here`);
  expect(missing.status).toBe(404);
  expect(await missing.json()).toMatchObject({ error: { code: 'not-found' } });
  const post = await fetch(`${url}/wall`, { method: 'POST' });
  expect(post.status).toBe(404);
});

test('start reports a URL on the port actually bound', () => {
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(url.endsWith(':0')).toBe(false);
});
