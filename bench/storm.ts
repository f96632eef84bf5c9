// Bench 2 — storm: 10,000 state changes injected at the source within 1 s, on the support dashboard
// at Moselle scale. Time until the screen reflects all of them, longest main-thread task, dropped
// frames, and whether the final state equals the server's. The same storm is then drawn by the
// naive baseline page (bench/naive) on a fresh gateway, for the ratio.
// Run: npm run bench:storm
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, sleep, supportSession, waitForProbe } from './lib/bench-page.ts';
import { naiveBuild, probeBuild } from './lib/builds.ts';
import { startGateway } from './lib/gateway-process.ts';
import { compareWithServer, mainThreadFigures, pageProbe } from './lib/page-results.ts';
import { report } from './lib/report.ts';
import { round } from './lib/stats.ts';

const CHANGES = 10_000;
const SPREAD_MS = 1_000;

async function storm(variant: 'vigie' | 'naive') {
  const gateway = await startGateway({ spaDir: probeBuild(), naiveDir: naiveBuild() });
  const browser = await launchChromium();
  try {
    const session = await supportSession(gateway);
    const { page, close } = await openBenchPage(browser, { session });
    await page.goto(gateway.url + (variant === 'vigie' ? '/' : '/__naive/'), { waitUntil: 'commit' });
    await waitForProbe(page, (s) => s.firstFullPaint !== undefined && s.sites === gateway.sites, 90_000, 'the map with every site');
    await sleep(5_000); // let the page's start-up requests settle
    const { changes } = await gateway.call<{ changes: Array<[string, string]> }>('/__bench/plan', { count: CHANGES });
    await pageProbe.arm(page, changes);
    await pageProbe.start(page);
    await gateway.call('/__bench/inject', { changes, spreadMs: SPREAD_MS });
    const timeoutMs = variant === 'vigie' ? 60_000 : 180_000;
    let reflected = true;
    try {
      await waitForProbe(page, (s) => s.reflectedAt !== undefined, timeoutMs, 'the storm on screen');
    } catch {
      reflected = false;
    }
    await sleep(1_000);
    await pageProbe.stop(page);
    const injection = await gateway.call<{ firstAt: number; lastAt: number; injected: number }>('/__bench/inject');
    const results = await pageProbe.results(page);
    const end = (results.reflectedAt ?? Date.now()) + 1_000;
    const figures = {
      injected: injection.injected,
      injectionWindowMs: injection.lastAt - injection.firstAt,
      reflected,
      reflectedAfterFirstChangeMs: results.reflectedAt ? round(results.reflectedAt - injection.firstAt) : null,
      reflectedAfterLastChangeMs: results.reflectedAt ? round(results.reflectedAt - injection.lastAt) : null,
      mapDraws: results.draws,
      ...mainThreadFigures(results, injection.firstAt, end),
      finalState: reflected ? await compareWithServer(page, gateway) : { equal: false, note: `not reflected within ${timeoutMs} ms` },
    };
    await close();
    return figures;
  } finally {
    await browser.close();
    await gateway.stop();
  }
}

export async function stormBench(): Promise<void> {
  console.log('storm: Vigie…');
  const vigie = await storm('vigie');
  console.log('storm: naive baseline…');
  const naive = await storm('naive');
  report('storm', {
    changes: CHANGES,
    spreadMs: SPREAD_MS,
    target: 'reflected ≤ 1000 ms, no main-thread task > 100 ms',
    vigie,
    naiveBaseline: naive,
    ratios: {
      reflectedAfterFirstChange: vigie.reflectedAfterFirstChangeMs && naive.reflectedAfterFirstChangeMs ? round(naive.reflectedAfterFirstChangeMs / vigie.reflectedAfterFirstChangeMs, 2) : null,
      longTaskTotal: vigie.longTaskTotalMs ? round(naive.longTaskTotalMs / vigie.longTaskTotalMs, 2) : null,
      droppedFrames: vigie.frames.dropped ? round(naive.frames.dropped / vigie.frames.dropped, 2) : null,
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await stormBench();
