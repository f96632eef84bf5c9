// Diagnostic for bench 3: where the dashboard's main thread goes under steady load. The support
// dashboard at Moselle scale (readable build), 200 changes/s at the source, Chromium's CPU profiler
// on for PROFILE_S seconds (default 20) once the load has run 10 s; prints the functions with the
// most self and inclusive time, then 5 s of Chromium trace: main-thread time per event (script,
// style, layout, paint…). Run: npx tsx bench/steady-profile.ts
import type { CDPSession } from 'playwright-core';
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, sleep, supportSession, waitForProbe } from './lib/bench-page.ts';
import { probeBuildReadable } from './lib/builds.ts';
import { timeByFunction, type CpuProfile } from './lib/cpu-profile.ts';
import { startGateway } from './lib/gateway-process.ts';
import { report } from './lib/report.ts';

const RATE = 200;

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  args?: { name?: string };
}

/**
 * What the renderer's main thread spends its time on for `ms` (Chromium trace, devtools.timeline):
 * total duration per top-level event name — script, style, layout, paint… — in ms.
 */
async function mainThreadEvents(cdp: CDPSession, ms: number) {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] }, transferMode: 'ReportEvents' });
  await sleep(ms);
  await cdp.send('Tracing.end');
  await done;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const byName = new Map<string, number>();
  for (const e of events) {
    if (!main || e.tid !== main.tid || e.pid !== main.pid || e.ph !== 'X' || e.dur === undefined) continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  return Object.fromEntries([...byName].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([name, total]) => [name, Math.round(total)]));
}
const PROFILE_MS = Number(process.env.PROFILE_S ?? 20) * 1000;

const gateway = await startGateway({ spaDir: probeBuildReadable() });
const browser = await launchChromium();
try {
  const session = await supportSession(gateway);
  const { page, cdp, close } = await openBenchPage(browser, { session });
  await page.goto(gateway.url + '/', { waitUntil: 'commit' });
  await waitForProbe(page, (s) => s.firstFullPaint !== undefined && s.sites === gateway.sites, 90_000, 'the map with every site');
  await sleep(3_000);
  await gateway.call('/__bench/steady', { rate: RATE, durationMs: PROFILE_MS + 18_000 });
  await sleep(10_000);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await sleep(PROFILE_MS);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const times = timeByFunction(profile, 40);
  const rendering = await mainThreadEvents(cdp, 5_000);
  report('steady-profile', { rate: RATE, profiledMs: PROFILE_MS, domNodes: await page.evaluate(() => document.getElementsByTagName('*').length), ...times, renderingOver5s: rendering });
  await close();
} finally {
  await browser.close();
  await gateway.stop();
}
