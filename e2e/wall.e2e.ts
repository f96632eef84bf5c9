// The wall display against the real gateway and simulator: kiosk sign-in by token, rotation through
// the collectivités with open incidents, then the gateway is stopped (stale banner at once) and
// started again on the same port (the wall recovers by itself, without a reload).
import { afterAll, beforeAll, expect, test } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, screenshotPath, VIEWPORTS } from './browser.ts';

const ROOT = join(import.meta.dirname, '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

interface Gateway {
  child: ChildProcess;
  url: string;
  kioskToken: string;
}

let dataDir: string;
let browser: Browser;
let gateway: Gateway | undefined;

/** Starts server/main.ts in its own process group and waits for its banner. */
function startGateway(port: number): Promise<Gateway> {
  const child = spawn(TSX, ['server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, SIM_SCALE: 'small', SIM_SCENARIO: 'gti-breach', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`gateway did not start:\n${out}`)), 90_000);
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const url = /running: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out)?.[1];
      const kioskToken = /wall\?token=(\S+)/.exec(out)?.[1];
      if (url && kioskToken) {
        clearTimeout(timer);
        resolve({ child, url, kioskToken });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`gateway exited (${code}):\n${out}`)));
  });
}

/** SIGTERM to the gateway's process group (tsx and the node it spawns), then wait for the exit. */
async function stopGateway(g: Gateway): Promise<void> {
  if (g.child.exitCode !== null || g.child.pid === undefined) return;
  const exited = new Promise((resolve) => g.child.once('exit', resolve));
  process.kill(-g.child.pid, 'SIGTERM');
  await exited;
}

const freshness = (page: Page) => page.locator('[data-freshness]').getAttribute('data-freshness');
const rotation = (page: Page) => page.getByTestId('wall-rotation').textContent();

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) throw new Error('build the SPA first (npm run test:e2e does)');
  dataDir = mkdtempSync(join(tmpdir(), 'vigie-wall-e2e-'));
  gateway = await startGateway(0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  if (gateway) await stopGateway(gateway);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

test('the wall rotates, shows stale data when the gateway stops and recovers without a reload', async () => {
  const g = gateway!;
  const page = await browser.newPage({ viewport: VIEWPORTS.wall });
  await page.goto(`${g.url}/wall?token=${g.kioskToken}&rotate=5&stale=15`);
  await expect.poll(() => freshness(page), { timeout: 30_000 }).toBe('live');
  // The token leaves the address bar once exchanged for a session.
  expect(page.url()).not.toContain('token=');

  await expect.poll(() => rotation(page), { timeout: 20_000 }).toMatch(/^Collectivité 1 sur \d+ avec incident$/);
  const first = await page.locator('#wall-focus-title').textContent();
  await expect.poll(() => rotation(page), { timeout: 15_000 }).toMatch(/^Collectivité 2 sur \d+ avec incident$/);
  expect(await page.locator('#wall-focus-title').textContent()).not.toBe(first);
  await page.screenshot({ path: screenshotPath('wall-1920x1080') });

  // A reload would lose this marker: recovery must happen in the same document.
  await page.evaluate(() => Object.assign(window, { __sameDocument: true }));
  const port = Number(new URL(g.url).port);
  await stopGateway(g);
  await expect.poll(() => freshness(page), { timeout: 15_000 }).toBe('offline');
  expect(await page.getByRole('alert').first().textContent()).toContain('FLUX INTERROMPU');
  await page.screenshot({ path: screenshotPath('wall-stale') });

  gateway = await startGateway(port);
  await expect.poll(() => freshness(page), { timeout: 60_000 }).toBe('live');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  expect(await page.getByText('FLUX INTERROMPU').count()).toBe(0);
  await page.close();
});

test('the wall scales with a 4K screen', async () => {
  const g = gateway!;
  const page = await browser.newPage({ viewport: { width: 3840, height: 2160 } });
  await page.goto(`${g.url}/wall?token=${g.kioskToken}`);
  await expect.poll(() => freshness(page), { timeout: 30_000 }).toBe('live');
  const rootFont = await page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
  expect(rootFont).toBe('40px');
  await page.screenshot({ path: screenshotPath('wall-3840x2160') });
  await page.close();
});
