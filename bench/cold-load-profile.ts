// Diagnostic for bench 1: where does a cold load spend the page's main thread? Cold loads of the
// support dashboard at Moselle scale (readable build), the last one with Chromium's CPU profiler on:
// when each WebSocket message reached the page's JS and how long its handler took, the gateway's
// trace, main-thread time per 100 ms around the snapshot, and the top functions per phase.
// NO_NET=1 leaves CDP's Network domain off (it copies every WebSocket frame on the page's thread).
// Run: npx tsx bench/cold-load-profile.ts   (prints; writes bench/results/cold-load-profile.json)
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, supportSession, waitForProbe } from './lib/bench-page.ts';
import { probeBuildReadable } from './lib/builds.ts';
import { timeByFunction, type CpuProfile } from './lib/cpu-profile.ts';
import { startGateway } from './lib/gateway-process.ts';
import { report } from './lib/report.ts';
import { round } from './lib/stats.ts';

/** Page init script (plain JS: tsx would add helpers the page lacks): WebSocket messages reaching JS, and their handlers' time. */
const WS_MARKS = `(() => {
  const marks = [];
  window.__wsMarks = marks;
  const add = WebSocket.prototype.addEventListener;
  Object.defineProperty(WebSocket.prototype, 'onmessage', {
    set(fn) {
      add.call(this, 'message', function (e) {
        const at = performance.now();
        fn.call(this, e);
        marks.push({ at: Math.round(at), bytes: typeof e.data === 'string' ? e.data.length : 0, handlerMs: Math.round(performance.now() - at) });
      });
    },
  });
})();`;

/** Main-thread time by kind (idle, program, gc, js) per 100 ms bin from `originUs` (profile clock). */
function bins(profile: CpuProfile, originUs: number, fromMs: number, toMs: number) {
  const names = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  const rows = new Map<number, Record<string, number>>();
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    const bin = Math.floor((t - originUs) / 1000 / 100) * 100;
    if (bin < fromMs || bin >= toMs) return;
    const name = names.get(id);
    const kind = name === '(idle)' ? 'idle' : name === '(program)' ? 'program' : name === '(garbage collector)' ? 'gc' : 'js';
    const row = rows.get(bin) ?? { fromMs: bin };
    row[kind] = round((row[kind] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
    rows.set(bin, row);
  });
  return [...rows.values()].sort((a, b) => a.fromMs! - b.fromMs!);
}

const gateway = await startGateway({ spaDir: probeBuildReadable() });
const browser = await launchChromium();
try {
  const session = await supportSession(gateway);
  // Two warm-up loads (Chromium's first-start costs are not the app's), then the profiled one.
  for (const profiled of [false, false, true]) {
    const { page, cdp, close } = await openBenchPage(browser, { session });
    await page.addInitScript({ content: WS_MARKS });
    const frames: Array<{ ts: number; bytes: number }> = [];
    if (process.env.NO_NET !== '1') {
      cdp.on('Network.webSocketFrameReceived', (e) => frames.push({ ts: e.timestamp, bytes: e.response.payloadData.length }));
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    if (profiled) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await page.goto(gateway.url + '/', { waitUntil: 'commit' });
    const status = await waitForProbe(page, (s) => s.firstFullPaint !== undefined && s.sites === gateway.sites, 60_000, 'the map');
    const marks = await page.evaluate(() => (window as unknown as { __wsMarks: unknown[] }).__wsMarks);
    const trace = (await gateway.call<Array<{ connectedAt: number; subscribeAt?: number; snapshotEmittedAt?: number }>>('/__bench/live-trace')).at(-1);
    const origin = await page.evaluate(() => performance.timeOrigin);
    const gatewayMs = trace && { connected: round(trace.connectedAt - origin), subscribe: round((trace.subscribeAt ?? NaN) - origin), snapshotEmitted: round((trace.snapshotEmittedAt ?? NaN) - origin) };
    console.log(profiled ? 'profiled' : 'warm-up', 'map painted', round(status.firstFullPaint!), 'ws messages', JSON.stringify(marks), 'gateway', gatewayMs);
    if (!profiled) {
      await close();
      continue;
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    // The biggest frame (the snapshot) as seen by the network layer: the same monotonic clock as the profile.
    const big = frames.reduce<{ ts: number; bytes: number } | undefined>((a, f) => (!a || f.bytes > a.bytes ? f : a), undefined);
    const originUs = big ? big.ts * 1e6 : profile.startTime;
    const phase = (fromMs: number, toMs: number) => timeByFunction(profile, 12, originUs + fromMs * 1000, originUs + toMs * 1000);
    report('cold-load-profile', {
      mapPaintedMs: round(status.firstFullPaint!),
      wsMessages: marks,
      gatewayMs,
      networkDomain: process.env.NO_NET !== '1',
      binsFromSnapshotFrame: big ? bins(profile, originUs, -300, 1500) : 'NO_NET=1: no frame timestamps',
      whole: timeByFunction(profile, 25),
      ...(big && { beforeSnapshot: phase(-300, 200), afterSnapshot: phase(200, 600), later: phase(600, 1500) }),
    });
    await close();
  }
} finally {
  await browser.close();
  await gateway.stop();
}
