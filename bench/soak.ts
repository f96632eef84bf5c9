// Bench 4 — soak: the wall display (kiosk) over a simulated 24 h (SIM_SPEED=720: 2 real minutes; SOAK_HOURS changes the span, same real time;
// BENCH_QUICK=1: 3600, 24 s). JS heap, DOM nodes and event listeners sampled after a forced GC
// (CDP HeapProfiler.collectGarbage + Performance.getMetrics); growth after a warm-up quarter.
// Run: npm run bench:soak
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, probeStatus, sleep } from './lib/bench-page.ts';
import { probeBuild } from './lib/builds.ts';
import { startGateway } from './lib/gateway-process.ts';
import { report } from './lib/report.ts';
import { round } from './lib/stats.ts';

/** SOAK_HOURS (default 24) simulated hours in the same real time: e.g. 48 to see finished incidents leave after a day. */
const HOURS = Number(process.env.SOAK_HOURS ?? 24);
const SPEED = Math.min(3_600, (process.env.BENCH_QUICK === '1' ? 3_600 : 720) * (HOURS / 24));
const SIMULATED_MS = HOURS * 3_600_000;
const SAMPLES = 13;

export async function soakBench(): Promise<void> {
  const realMs = SIMULATED_MS / SPEED;
  console.log(`soak: wall display, ${HOURS} simulated hours at ×${SPEED} (${realMs / 1000} s)…`);
  const gateway = await startGateway({ spaDir: probeBuild(), env: { SIM_SPEED: String(SPEED) } });
  const browser = await launchChromium();
  try {
    const { page, cdp, close } = await openBenchPage(browser);
    await cdp.send('Performance.enable');
    await page.goto(`${gateway.url}/wall?token=${encodeURIComponent(gateway.kioskToken)}&rotate=10`, { waitUntil: 'commit' });
    await page.waitForSelector('[data-freshness="live"]', { timeout: 60_000 });
    // The simulated hours count from the moment the wall is live.
    const sourceStart = (await gateway.call<{ source: number }>('/__bench/clock')).source;
    const samples: Array<{ realS: number; simulatedH: number; heapMb: number; nodes: number; listeners: number; documents: number; liveIncidents: number; freshness?: string }> = [];
    const t0 = Date.now();
    for (let i = 0; i < SAMPLES; i++) {
      const due = t0 + (realMs * i) / (SAMPLES - 1);
      await sleep(Math.max(0, due - Date.now()));
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = (name: string) => metrics.find((x) => x.name === name)?.value ?? NaN;
      const source = (await gateway.call<{ source: number }>('/__bench/clock')).source;
      const freshness = await page.getAttribute('[data-freshness]', 'data-freshness').catch(() => null);
      samples.push({
        realS: round((Date.now() - t0) / 1000),
        simulatedH: round((source - sourceStart) / 3_600_000),
        heapMb: round(m('JSHeapUsedSize') / 2 ** 20, 2),
        nodes: m('Nodes'),
        listeners: m('JSEventListeners'),
        documents: m('Documents'),
        liveIncidents: (await probeStatus(page)).incidents,
        ...(freshness ? { freshness } : {}),
      });
      console.log(`  ${JSON.stringify(samples.at(-1))}`);
    }
    await close();
    const warm = samples.filter((s) => s.realS >= realMs / 4000);
    const first = warm[0]!;
    const last = warm.at(-1)!;
    const growth = (a: number, b: number) => round((100 * (b - a)) / a, 1);
    report('soak', {
      speed: SPEED,
      simulatedHours: last.simulatedH,
      realSeconds: last.realS,
      target: 'JS heap growth ≤ 5 % after warm-up',
      afterWarmUp: {
        heapMb: { first: first.heapMb, last: last.heapMb, max: Math.max(...warm.map((s) => s.heapMb)), growthPct: growth(first.heapMb, last.heapMb) },
        domNodes: { first: first.nodes, last: last.nodes, max: Math.max(...warm.map((s) => s.nodes)), growthPct: growth(first.nodes, last.nodes) },
        listeners: { first: first.listeners, last: last.listeners, max: Math.max(...warm.map((s) => s.listeners)), growthPct: growth(first.listeners, last.listeners) },
      },
      gatewayRssMb: round(gateway.proc().rssMb),
      samples,
    });
  } finally {
    await browser.close();
    await gateway.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await soakBench();
