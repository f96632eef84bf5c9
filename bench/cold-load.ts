// Bench 1 — cold load: navigation → live map painted with every site, on the support dashboard
// (1920×1080), against the real gateway at Moselle scale. Also the snapshot's bytes on the wire
// (compressed, counted on the gateway's TCP socket) and uncompressed (CDP WebSocket frames).
// The timed runs leave CDP's Network domain off: with it on, Chromium copies every WebSocket frame
// to the DevTools client on the page's own thread (measured: +0.3–0.4 s on a 20 MB snapshot), so
// the uncompressed and HTTP byte counts come from one extra, untimed run.
// Run: npm run bench:cold-load
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, supportSession, waitForProbe } from './lib/bench-page.ts';
import { naiveBuild, probeBuild } from './lib/builds.ts';
import { startGateway, type RunningGateway } from './lib/gateway-process.ts';
import { report } from './lib/report.ts';
import { kb, percentile, round } from './lib/stats.ts';
import type { Browser } from 'playwright-core';

const RUNS = process.env.BENCH_QUICK === '1' ? 2 : 5;

interface Bytes {
  httpBytes: number;
  wsSnapshotBytesUncompressed: number;
  wsFramesBeforePaint: number;
}

interface Run {
  mapPaintedMs: number;
  fcpMs?: number;
  domContentLoadedMs: number;
  wsBytesOnWire: number;
  jsHeapMb: number;
  /** Only in the untimed run that counts bytes through CDP. */
  bytes?: Bytes;
  /** Gateway side, ms after navigation start: socket accepted, subscribe received, snapshot encoded. */
  gateway?: { connectedMs: number; subscribeMs?: number; snapshotEncodedMs?: number };
}

/** Diagnostic variant: the dashboard's SLA reports (GET /availability, /gti) blocked in the browser. */
const SLA_URLS = ['**/api/v1/availability**', '**/api/v1/gti**'];

async function oneRun(browser: Browser, gateway: RunningGateway, session: unknown, path: string, options: { blocked?: string[]; countBytes?: boolean } = {}): Promise<Run> {
  const { blocked = [], countBytes = false } = options;
  // A new context per run: an empty HTTP cache, no service worker, nothing kept from the last run.
  const { page, cdp, close } = await openBenchPage(browser, { session });
  let httpBytes = 0;
  let snapshotBytes = 0;
  let frames = 0;
  if (countBytes) {
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  }
  // Blocked through request interception (HTTP only), which leaves the WebSocket frames alone.
  for (const pattern of blocked) await page.route(pattern, (route) => route.abort());
  if (countBytes) {
    cdp.on('Network.loadingFinished', (e) => (httpBytes += e.encodedDataLength));
    cdp.on('Network.webSocketFrameReceived', (e) => {
      frames += 1;
      if (/^\d*\/live,\["snapshot"/.test(e.response.payloadData)) snapshotBytes += e.response.payloadData.length;
    });
  }
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
    wsBytesOnWire: wire.reduce((n, w) => n + w.bytesWritten, 0),
    jsHeapMb: round(heap / 2 ** 20),
    ...(countBytes && { bytes: { httpBytes, wsSnapshotBytesUncompressed: snapshotBytes, wsFramesBeforePaint: frames } }),
    ...(trace && { gateway: { connectedMs: rel(trace.connectedAt)!, subscribeMs: rel(trace.subscribeAt), snapshotEncodedMs: rel(trace.snapshotEmittedAt) } }),
  };
}

function summarise(runs: Run[], bytes?: Bytes) {
  const paint = runs.map((r) => r.mapPaintedMs);
  return {
    mapPaintedMs: { median: percentile(paint, 50), min: Math.min(...paint), max: Math.max(...paint), runs: paint },
    snapshotKB: { onWireCompressed: kb(percentile(runs.map((r) => r.wsBytesOnWire), 50)), ...(bytes && { uncompressed: kb(bytes.wsSnapshotBytesUncompressed) }) },
    ...(bytes && { httpKB: kb(bytes.httpBytes) }),
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
    // One untimed load first: Chromium's own first-start costs are not the app's. It counts the bytes.
    const counted = (await oneRun(browser, gateway, session, '/', { countBytes: true })).bytes;
    const naiveCounted = (await oneRun(browser, gateway, session, '/__naive/', { countBytes: true })).bytes;
    const vigie: Run[] = [];
    for (let i = 0; i < RUNS; i++) vigie.push(await oneRun(browser, gateway, session, '/'));
    const withoutSla: Run[] = [];
    for (let i = 0; i < RUNS; i++) withoutSla.push(await oneRun(browser, gateway, session, '/', { blocked: SLA_URLS }));
    const naive: Run[] = [];
    for (let i = 0; i < RUNS; i++) naive.push(await oneRun(browser, gateway, session, '/__naive/'));
    const v = summarise(vigie, counted);
    const n = summarise(naive, naiveCounted);
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
