// @vitest-environment jsdom
// The gateway writes TILE_URL into the index.html it serves; the SPA's own reader must get the exact
// value back, however hostile. jsdom here gives the test a real HTML parser (DOMParser).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { resolveTileConfig } from '../src/features/map/api/tile-config.ts';
import { createGateway } from './app.ts';
import { loadConfig } from './config.ts';
import { FakeSessions } from './live/live-clients.test-kit.ts';
import { fixtureEstate } from './supervision/estate-fixture.test-kit.ts';
import { FakeSource } from './supervision/fake-source.test-kit.ts';
import { MemoryStorage } from './supervision/memory-storage.ts';

test("writes TILE_URL into index.html's meta tags, escaped, for every SPA path; the SPA reads it back", async () => {
  const spa = mkdtempSync(join(tmpdir(), 'vigie-dist-'));
  writeFileSync(join(spa, 'index.html'), '<!doctype html><html><head><title>Vigie</title></head><body></body></html>');
  const tileUrl = 'https://tiles.example/{z}/{x}/{y}.png?k="><script>alert(1)</script>';
  const tileAttribution = '© Tuiles "Moselle" <locales> & co';
  const tiled = await createGateway({
    storage: new MemoryStorage(),
    sessions: new FakeSessions(),
    source: new FakeSource(fixtureEstate(1, 1), 0),
    staticDir: spa,
    config: loadConfig({ TILE_URL: tileUrl, TILE_ATTRIBUTION: tileAttribution }),
  });
  try {
    const base = await tiled.start(0, '127.0.0.1');
    for (const path of ['/', '/index.html', '/wall?token=abc', '/c/c1']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type'), path).toMatch(/^text\/html/);
      const html = await res.text();
      expect(html, path).not.toContain('<script>');
      expect(html, path).toContain('&quot;&gt;&lt;script&gt;');
      const doc = new DOMParser().parseFromString(html, 'text/html');
      expect(doc.querySelectorAll('script')).toHaveLength(0);
      expect(resolveTileConfig({}, doc), path).toEqual({ url: tileUrl, attribution: tileAttribution });
    }
  } finally {
    await tiled.close();
    rmSync(spa, { recursive: true, force: true });
  }
});
