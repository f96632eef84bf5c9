// Diagnostic for bench 1: where does a cold load spend the page's main thread? One cold load of the
// support dashboard at Moselle scale with Chromium's CPU profiler on, then the top functions by
// self time and the main-thread time spent between "snapshot received" and "map painted".
// Run: npx tsx bench/cold-load-profile.ts   (prints; writes bench/results/cold-load-profile.json)
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, supportSession, waitForProbe } from './lib/bench-page.ts';
import { probeBuildReadable } from './lib/builds.ts';
import { startGateway } from './lib/gateway-process.ts';
import { report } from './lib/report.ts';
import { round } from './lib/stats.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function selfTimes(profile: Profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const node = byId.get(id)!;
    const f = node.callFrame;
    const file = f.url.split('/').at(-1) ?? '';
    const key = `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ fn, ms: round(ms) }));
}

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

const gateway = await startGateway({ spaDir: probeBuildReadable() });
const browser = await launchChromium();
try {
  const session = await supportSession(gateway);
  // Warm Chromium once, as the bench does.
  for (const profiled of [false, false, true]) {
    const { page, cdp, close } = await openBenchPage(browser, { session });
    // When each WebSocket message reaches the page's JS, and how long its handlers take.
    await page.addInitScript({ content: WS_MARKS });
    const frames: Array<{ ts: number; bytes: number }> = [];
    cdp.on('Network.webSocketFrameReceived', (e) => frames.push({ ts: e.timestamp, bytes: e.response.payloadData.length }));
    if (process.env.NO_NET !== '1') {
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
    console.log(profiled ? 'profiled' : 'plain', 'map painted', round(status.firstFullPaint!), 'ws messages', JSON.stringify(marks), 'gateway', trace && { connected: round(trace.connectedAt - origin), subscribe: round((trace.subscribeAt ?? NaN) - origin), snapshotEmitted: round((trace.snapshotEmittedAt ?? NaN) - origin) });
    console.log('  cdp frames', JSON.stringify(frames.map((f) => ({ bytes: f.bytes, dtMs: round((f.ts - frames[0]!.ts) * 1000) }))));
    if (!profiled) {
      await close();
      continue;
    }
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    const nowMono = await page.evaluate(() => performance.now());
    // Main-thread time per 100 ms after the snapshot frame reached the network layer (same monotonic clock).
    const big = frames.find((f) => f.bytes > 1_000_000);
    const bins: Array<Record<string, number>> = [];
    if (big) {
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      let t = profile.startTime;
      profile.samples.forEach((id, i) => {
        t += profile.timeDeltas[i] ?? 0;
        const bin = Math.floor((t / 1000 - big.ts * 1000) / 100);
        if (bin < -3 || bin > 25) return;
        const name = byId.get(id)!.callFrame.functionName;
        const cat = name === '(idle)' ? 'idle' : name === '(program)' ? 'program' : name === '(garbage collector)' ? 'gc' : 'js';
        const row = (bins[bin + 3] ??= { fromMs: bin * 100 });
        row[cat] = round((row[cat] ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
      });
    }
    if (big) {
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const label = (n: ProfileNode) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
      for (const [from, to] of [[-300, 200], [200, 500], [500, 900], [900, 1000], [1000, 1400]] as const) {
        const self = new Map<string, number>();
        const inclusive = new Map<string, number>();
        let t = profile.startTime;
        profile.samples.forEach((id, i) => {
          t += profile.timeDeltas[i] ?? 0;
          const rel = t / 1000 - big.ts * 1000;
          if (rel < from || rel >= to) return;
          const ms = (profile.timeDeltas[i] ?? 0) / 1000;
          const node = byId.get(id)!;
          self.set(label(node), (self.get(label(node)) ?? 0) + ms);
          const seen = new Set<string>();
          for (let n: ProfileNode | undefined = node; n; n = byId.get(parent.get(n.id) ?? -1)) {
            const l = label(n);
            if (seen.has(l)) continue;
            seen.add(l);
            inclusive.set(l, (inclusive.get(l) ?? 0) + ms);
          }
        });
        const top = (m: Map<string, number>, k: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, ms]) => `${f} ${round(ms)}`).join(' | ');
        console.log(`  window ${from}..${to} ms self: ${top(self, 10)}`);
        console.log(`  window ${from}..${to} ms inclusive: ${top(inclusive, 25)}`);
      }
    }
    console.log('  per 100 ms from the snapshot frame:');
    for (const row of bins) if (row) console.log('   ', JSON.stringify(row));
    const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
    const idle = selfTimes(profile, 200).filter((s) => s.fn.startsWith('(idle)') || s.fn.startsWith('(program)') || s.fn.startsWith('(garbage'));
    const top = selfTimes(profile);
    report('cold-load-profile', {
      mapPaintedMs: round(status.firstFullPaint!),
      profiledMs: round(total),
      nowMs: round(nowMono),
      idleProgramGc: idle,
      topSelf: top,
    });
    await close();
  }
} finally {
  await browser.close();
  await gateway.stop();
}
