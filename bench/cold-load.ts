// Bench 1 — cold load: navigation → live map painted with every site, on the support dashboard
// (1920×1080), against the real gateway at Moselle scale. Also the snapshot's bytes on the wire
// (compressed, counted on the gateway's TCP socket) and uncompressed (CDP WebSocket frames).
// Run: npm run bench:cold-load
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, supportSession, waitForProbe } from './lib/bench-page.ts';
import { naiveBuild, probeBuild } from './lib/builds.ts';
import { startGateway, type RunningGateway } from './lib/gateway-process.ts';
import { report } from './lib/report.ts';
import { kb, percentile, round } from './lib/stats.ts';
import type { Browser } from 'playwright-core';

const RUNS = process.env.BENCH_QUICK === '1' ? 2 : 5;

interface Run {
  mapPaintedMs: number;
  fcpMs?: number;
  domContentLoadedMs: number;
  httpBytes: number;
  wsSnapshotBytesUncompressed: number;
  wsBytesOnWire: number;
  wsFramesBeforePaint: number;
  jsHeapMb: number;
  /** Gateway side, ms after navigation start: socket accepted, subscribe received, snapshot encoded. */
  gateway?: { connectedMs: number; subscribeMs?: number; snapshotEncodedMs?: number };
}

/** Diagnostic variant: the dashboard's SLA reports (GET /availability, /gti) blocked in the browser. */
const SLA_URLS = ['*/api/v1/availability*', '*/api/v1/gti*'];

async function oneRun(browser: Browser, gateway: RunningGateway, session: unknown, path: string, blocked: string[] = []): Promise<Run> {
  const { page, cdp, close } = await openBenchPage(browser, { session });
  let httpBytes = 0;
  let snapshotBytes = 0;
  let frames = 0;
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (blocked.length) await cdp.send('Network.setBlockedURLs', { urls: blocked });
  cdp.on('Network.loadingFinished', (e) => (httpBytes += e.encodedDataLength));
  cdp.on('Network.webSocketFrameReceived', (e) => {
    frames += 1;
    if (/^\d*\/live,\["snapshot"/.test(e.response.payloadData)) snapshotBytes += e.response.payloadData.length;
  });
  const before = new Set((await gateway.call<Array<{ at: number }>>('/__bench/wire')).map((w) => w.at));
  await page.goto(gateway.url + path, { waitUntil: 'commit' });
  const status = await waitForProbe(page, (s) => s.firstFullPaint !== undefined && s.sites === gateway.sites, 60_000, 'the map with every site');
  const wire = (await gateway.call<Array<{ at: number; url: string; bytesWritten: number }>>('/__bench/wire')).filter((w) => !before.has(w.at) && w.url.startsWith('/socket.io'));
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { dcl: nav?.domContentLoadedEventEnd ?? NaN, fcp: fcp?.startTime, origin: performance.timeOrigin };
  });
  const trace = (await gateway.call<Array<{ connectedAt: number; subscribeAt?: number; snapshotEmittedAt?: number }>>('/__bench/live-trace')).at(-1);
  const rel = (t: number | undefined) => (t === undefined ? undefined : round(t - timing.origin));
  await cdp.send('HeapProfiler.collectGarbage');
  const metrics = (await cdp.send('Performance.enable'), await cdp.send('Performance.getMetrics')).metrics;
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  await close();
  return {
    mapPaintedMs: round(status.firstFullPaint!),
    ...(timing.fcp !== undefined ? { fcpMs: round(timing.fcp) } : {}),
    domContentLoadedMs: round(timing.dcl),
    httpBytes,
    wsSnapshotBytesUncompressed: snapshotBytes,
    wsBytesOnWire: wire.reduce((n, w) => n + w.bytesWritten, 0),
    wsFramesBeforePaint: frames,
    jsHeapMb: round(heap / 2 ** 20),
    ...(trace && { gateway: { connectedMs: rel(trace.connectedAt)!, subscribeMs: rel(trace.subscribeAt), snapshotEncodedMs: rel(trace.snapshotEmittedAt) } }),
  };
}

function summarise(runs: Run[]) {
  const paint = runs.map((r) => r.mapPaintedMs);
  return {
    mapPaintedMs: { median: percentile(paint, 50), min: Math.min(...paint), max: Math.max(...paint), runs: paint },
    snapshotKB: { onWireCompressed: kb(percentile(runs.map((r) => r.wsBytesOnWire), 50)), uncompressed: kb(percentile(runs.map((r) => r.wsSnapshotBytesUncompressed), 50)) },
    httpKB: kb(percentile(runs.map((r) => r.httpBytes), 50)),
    jsHeapMb: percentile(runs.map((r) => r.jsHeapMb), 50),
    detail: runs,
  };
}

export async function coldLoad(): Promise<void> {
  console.log('cold load: building and starting the gateway…');
  const spaDir = probeBuild();
  const naiveDir = naiveBuild();
  const gateway = await startGateway({ spaDir, naiveDir });
  const browser = await launchChromium();
  try {
    const session = await supportSession(gateway);
    // One unmeasured load first: Chromium's own first-start costs are not the app's.
    await oneRun(browser, gateway, session, '/');
    const vigie: Run[] = [];
    for (let i = 0; i < RUNS; i++) vigie.push(await oneRun(browser, gateway, session, '/'));
    const withoutSla: Run[] = [];
    for (let i = 0; i < RUNS; i++) withoutSla.push(await oneRun(browser, gateway, session, '/', SLA_URLS));
    const naive: Run[] = [];
    for (let i = 0; i < RUNS; i++) naive.push(await oneRun(browser, gateway, session, '/__naive/'));
    const v = summarise(vigie);
    const n = summarise(naive);
    report('cold-load', {
      estate: { collectivites: gateway.collectivites, sites: gateway.sites, probes: gateway.probes },
      gatewayStartMs: gateway.startMs,
      target: 'map painted with every site ≤ 1500 ms',
      vigie: v,
      diagnosticWithoutSlaRequests: { blocked: SLA_URLS, ...summarise(withoutSla) },
      naiveBaseline: n,
      naiveOverVigie: round(n.mapPaintedMs.median / v.mapPaintedMs.median, 2),
    });
  } finally {
    await browser.close();
    await gateway.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await coldLoad();
