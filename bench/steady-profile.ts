// Diagnostic for bench 3: where the dashboard's main thread goes under steady load. The support
// dashboard at Moselle scale (readable build), 200 changes/s at the source, Chromium's CPU profiler
// on for PROFILE_S seconds (default 20) once the load has run 10 s; prints the functions with the
// most self and inclusive time. Run: npx tsx bench/steady-profile.ts
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, sleep, supportSession, waitForProbe } from './lib/bench-page.ts';
import { probeBuildReadable } from './lib/builds.ts';
import { timeByFunction, type CpuProfile } from './lib/cpu-profile.ts';
import { startGateway } from './lib/gateway-process.ts';
import { report } from './lib/report.ts';

const RATE = 200;
const PROFILE_MS = Number(process.env.PROFILE_S ?? 20) * 1000;

const gateway = await startGateway({ spaDir: probeBuildReadable() });
const browser = await launchChromium();
try {
  const session = await supportSession(gateway);
  const { page, cdp, close } = await openBenchPage(browser, { session });
  await page.goto(gateway.url + '/', { waitUntil: 'commit' });
  await waitForProbe(page, (s) => s.firstFullPaint !== undefined && s.sites === gateway.sites, 90_000, 'the map with every site');
  await sleep(3_000);
  await gateway.call('/__bench/steady', { rate: RATE, durationMs: PROFILE_MS + 12_000 });
  await sleep(10_000);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  await cdp.send('Profiler.start');
  await sleep(PROFILE_MS);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const times = timeByFunction(profile, 40);
  report('steady-profile', { rate: RATE, profiledMs: PROFILE_MS, openIncidents: await page.evaluate(() => document.querySelectorAll('[data-incident-id]').length), ...times });
  await close();
} finally {
  await browser.close();
  await gateway.stop();
}
