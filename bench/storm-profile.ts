// Diagnostic for the storm bench: which functions run inside the main thread's long tasks while
// 10,000 changes arrive within 1 s (bench/storm.ts' storm, on the readable probe build). Chromium's
// CPU profiler runs through the storm; runs of consecutive non-idle samples of at least
// BUSY_MS (default 40) approximate the long tasks, and the functions are ranked by time inside them;
// the page's own long tasks (PerformanceObserver) are read the same way (perLongTask).
// Run: npx tsx bench/storm-profile.ts
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, sleep, supportSession, waitForProbe } from './lib/bench-page.ts';
import { probeBuildReadable } from './lib/builds.ts';
import { busyRuns, timeByFunction, type CpuProfile, type ProfileWindow } from './lib/cpu-profile.ts';
import { startGateway } from './lib/gateway-process.ts';
import { mainThreadFigures, pageProbe } from './lib/page-results.ts';
import { report } from './lib/report.ts';

const CHANGES = 10_000;
const BUSY_MS = Number(process.env.BUSY_MS ?? 40);
/** React's and socket.io's own frames, and the profile's root: every run goes through them. */
const FRAMEWORK = /^\((root|anonymous)\)|^(performWork|renderRoot|workLoop|beginWork|updateFunctionComponent|renderWithHooks|performSyncWork|flushSyncWork|processRootSchedule|performUnitOfWork|commitRoot|completeRoot|flushMutationEffects|commitMutationEffects|recursivelyTraverse|Emitter\.emit|emitEvent|onevent|onpacket|exports\.useMemo|updateMemo|mountMemo) /;

const gateway = await startGateway({ spaDir: probeBuildReadable() });
const browser = await launchChromium();
try {
  const session = await supportSession(gateway);
  const { page, cdp, close } = await openBenchPage(browser, { session });
  await page.goto(gateway.url + '/', { waitUntil: 'commit' });
  await waitForProbe(page, (s) => s.firstFullPaint !== undefined && s.sites === gateway.sites, 90_000, 'the map with every site');
  await sleep(5_000);
  const { changes } = await gateway.call<{ changes: Array<[string, string]> }>('/__bench/plan', { count: CHANGES });
  await pageProbe.arm(page, changes);
  await pageProbe.start(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
  // The page's clock when the profile started (within the round trip): places the page's long
  // tasks (performance timeline, ms) on the profile's clock (µs).
  const pageMsAtStart = await page.evaluate(() => performance.now());
  await gateway.call('/__bench/inject', { changes, spreadMs: 1_000 });
  await waitForProbe(page, (s) => s.reflectedAt !== undefined, 60_000, 'the storm on screen');
  await sleep(1_500);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await pageProbe.stop(page);
  const injection = await gateway.call<{ firstAt: number; lastAt: number }>('/__bench/inject');
  const results = await pageProbe.results(page);
  const runs = busyRuns(profile, BUSY_MS);
  const offsetUs = profile.startTime - pageMsAtStart * 1000;
  const from = injection.firstAt - results.timeOrigin;
  const tasks = results.longTasks
    .filter((t) => t.start + t.duration >= from)
    .map((t) => ({ ms: Math.round(t.duration), fromUs: t.start * 1000 + offsetUs, toUs: (t.start + t.duration) * 1000 + offsetUs }));
  const appTop = (windows: ProfileWindow[]) =>
    timeByFunction(profile, 80, windows)
      .inclusive.filter((f) => !FRAMEWORK.test(f.fn))
      .slice(0, 14)
      .map((f) => `${f.ms} ${f.fn}`);
  report('storm-profile', {
    busyMs: BUSY_MS,
    reflectedAfterLastChangeMs: results.reflectedAt ? Math.round(results.reflectedAt - injection.lastAt) : null,
    ...mainThreadFigures(results, injection.firstAt, (results.reflectedAt ?? Date.now()) + 1_000),
    busyRuns: runs.map((r) => Math.round((r.toUs - r.fromUs) / 1000)),
    inBusyRuns: timeByFunction(profile, 60, runs),
    // Each run on its own: the app's functions (the framework's frames left out) by inclusive time.
    perRun: runs.map((r) => ({ ms: Math.round((r.toUs - r.fromUs) / 1000), top: appTop([r]) })),
    // The page's own long tasks (≥ 50 ms, PerformanceObserver) from the storm's first change, each
    // with the functions sampled inside it (placed on the profile's clock within a round trip).
    inLongTasks: timeByFunction(profile, 30, tasks).self,
    perLongTask: tasks.map((t) => ({ ms: t.ms, top: appTop([t]) })),
  });
  await close();
} finally {
  await browser.close();
  await gateway.stop();
}
