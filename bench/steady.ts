// Bench 3 — steady load: 200 changes/s injected at the source for 5 minutes (BENCH_QUICK=1: 30 s)
// on the support dashboard at Moselle scale. Frame times, and event → pixel latency per delta batch:
// from DeltaBatch.sourceAt (the oldest change of the batch, stamped by the source) to the frame
// driver's draw of the frame that applied it.
// Run: npm run bench:steady
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, sleep, supportSession, waitForProbe } from './lib/bench-page.ts';
import { probeBuild } from './lib/builds.ts';
import { startGateway } from './lib/gateway-process.ts';
import { mainThreadFigures, pageProbe } from './lib/page-results.ts';
import { report } from './lib/report.ts';
import { max, percentile, round } from './lib/stats.ts';

const RATE = 200;
const DURATION_MS = process.env.BENCH_QUICK === '1' ? 30_000 : 300_000;

export async function steadyBench(): Promise<void> {
  console.log(`steady: ${RATE} changes/s for ${DURATION_MS / 1000} s…`);
  const gateway = await startGateway({ spaDir: probeBuild() });
  const browser = await launchChromium();
  try {
    const session = await supportSession(gateway);
    const { page, close } = await openBenchPage(browser, { session });
    await page.goto(gateway.url + '/', { waitUntil: 'commit' });
    await waitForProbe(page, (s) => s.firstFullPaint !== undefined && s.sites === gateway.sites, 90_000, 'the map with every site');
    await sleep(5_000);
    // The simulated clock runs behind the wall clock by a constant at speed 1: sourceAt is corrected by it.
    const clock = await gateway.call<{ wall: number; source: number }>('/__bench/clock');
    const lag = clock.wall - clock.source;
    await pageProbe.start(page);
    const cpu0 = gateway.proc();
    const t0 = Date.now();
    await gateway.call('/__bench/steady', { rate: RATE, durationMs: DURATION_MS });
    await sleep(DURATION_MS + 2_000);
    await pageProbe.stop(page);
    const cpu1 = gateway.proc();
    const injection = await gateway.call<{ firstAt: number; lastAt: number; injected: number; maxLagMs: number }>('/__bench/inject');
    const results = await pageProbe.results(page);
    const toPixel = results.latencies.map((l) => l.paintAt - (l.sourceAt + lag));
    const toReceive = results.latencies.map((l) => l.recvAt - (l.sourceAt + lag));
    const main = mainThreadFigures(results, t0, Date.now());
    await close();
    report('steady', {
      rate: RATE,
      durationS: DURATION_MS / 1000,
      injected: injection.injected,
      sourceInjectorMaxLagMs: injection.maxLagMs,
      sourceClockLagMs: lag,
      target: 'p99 event → pixel ≤ 250 ms',
      batches: results.latencies.length,
      eventToPixelMs: { p50: round(percentile(toPixel, 50)), p95: round(percentile(toPixel, 95)), p99: round(percentile(toPixel, 99)), max: round(max(toPixel)) },
      eventToReceiveMs: { p50: round(percentile(toReceive, 50)), p99: round(percentile(toReceive, 99)) },
      frameTimeMs: { p50: main.frames.p50Ms, p95: main.frames.p95Ms, p99: main.frames.p99Ms, max: main.frames.maxMs },
      droppedFrames: main.frames.dropped,
      droppedPct: main.frames.droppedPct,
      longestTaskMs: main.longestTaskMs,
      tasksOver100ms: main.tasksOver100ms,
      longTaskTotalMs: main.longTaskTotalMs,
      topLongFrameScripts: main.topLongFrameScripts,
      mapDraws: results.draws,
      gatewayCpuPct: round((100 * (cpu1.cpuSeconds - cpu0.cpuSeconds)) / ((DURATION_MS + 2_000) / 1000)),
      gatewayRssMb: round(cpu1.rssMb),
    });
  } finally {
    await browser.close();
    await gateway.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await steadyBench();
