// Bench 2 — storm: 10,000 state changes injected at the source within 1 s, on the support dashboard
// at Moselle scale. Time until the screen reflects all of them, longest main-thread task, dropped
// frames, and whether the final state equals the server's. Run again with the alarm service on
// (one référent per collectivité and support's on-call address, the worker sending to a real SMTP
// server on 127.0.0.1): the same map figures, plus alarms produced, messages and digests, and each
// alarm's delay from its change to the SMTP server's acceptance. The same storm is then drawn by the
// naive baseline page (bench/naive) on a fresh gateway, for the ratio.
// Run: npm run bench:storm (STORM_NAIVE=0 skips the baseline)
import { launchChromium } from '../e2e/browser.ts';
import { openBenchPage, sleep, supportSession, waitForProbe } from './lib/bench-page.ts';
import { naiveBuild, probeBuild } from './lib/builds.ts';
import { startGateway } from './lib/gateway-process.ts';
import { compareWithServer, mainThreadFigures, pageProbe } from './lib/page-results.ts';
import { loadavg } from 'node:os';
import { startSmtpSink } from '../server/alarms/alarm-sinks.test-kit.ts';
import { report } from './lib/report.ts';
import { max, percentile, round } from './lib/stats.ts';

const CHANGES = 10_000;
const SPREAD_MS = 1_000;

/** Alarms' own figures for one storm (the alarm service on, GET /__bench/alarms). */
interface OutboxFigures {
  on: boolean;
  events?: number;
  unplanned?: number;
  deliveries?: Record<string, number>;
  messages?: number;
  sentDelaysMs?: number[];
  queued?: number;
  dead?: number;
}

const ALARMS_TIMEOUT_MS = 240_000;

async function storm(variant: 'vigie' | 'naive', options: { alarms?: boolean } = {}) {
  const smtp = options.alarms ? await startSmtpSink() : undefined;
  const env: Record<string, string> = smtp ? { BENCH_ALARMS: '1', SMTP_URL: smtp.url, MAIL_FROM: 'Vigie <vigie@bench.test>', MAIL_CATCHER: 'false' } : {};
  // A loaded shared machine can take over a minute to open the database and build the estate.
  const gateway = await startGateway({ spaDir: probeBuild(), naiveDir: naiveBuild(), env, readyTimeoutMs: 180_000 });
  const browser = await launchChromium();
  const loadAtStart = round(loadavg()[0]!, 1);
  try {
    const session = await supportSession(gateway);
    const { page, close } = await openBenchPage(browser, { session });
    await page.goto(gateway.url + (variant === 'vigie' ? '/' : '/__naive/'), { waitUntil: 'commit' });
    await waitForProbe(page, (s) => s.firstFullPaint !== undefined && s.sites === gateway.sites, 90_000, 'the map with every site');
    await sleep(5_000); // let the page's start-up requests settle
    const { changes } = await gateway.call<{ changes: Array<[string, string]> }>('/__bench/plan', { count: CHANGES });
    await pageProbe.arm(page, changes);
    // Alarms are counted from here: the simulator's earlier incidents are not the storm's.
    const { source: stormClock } = await gateway.call<{ source: number }>('/__bench/clock');
    const mailsBefore = smtp?.mails.length ?? 0;
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
      loadAverage1mAtStart: loadAtStart,
    };
    await close();
    const alarms = smtp ? await alarmFigures(gateway, smtp, stormClock, mailsBefore, injection) : undefined;
    return { ...figures, ...(alarms && { alarms }) };
  } finally {
    await browser.close();
    await gateway.stop();
    await smtp?.close();
  }
}

/** Waits until the outbox is drained (or ALARMS_TIMEOUT_MS), then sums up what the storm's alarms did. */
async function alarmFigures(gateway: Awaited<ReturnType<typeof startGateway>>, smtp: Awaited<ReturnType<typeof startSmtpSink>>, since: number, mailsBefore: number, injection: { firstAt: number; lastAt: number }) {
  const read = () => gateway.call<OutboxFigures>(`/__bench/alarms?since=${since}`);
  const deadline = Date.now() + ALARMS_TIMEOUT_MS;
  let outbox = await read();
  // The storm's alarms are done when every event since it is planned and no delivery waits (the
  // simulator's own background incidents may keep the whole queue from ever being empty).
  const waiting = (o: OutboxFigures) => (o.unplanned ?? 0) + (o.deliveries?.pending ?? 0) + (o.deliveries?.failed ?? 0);
  while (Date.now() < deadline && ((outbox.events ?? 0) === 0 || waiting(outbox) > 0)) {
    await sleep(2_000);
    outbox = await read();
  }
  const drained = (outbox.events ?? 0) > 0 && waiting(outbox) === 0;
  const mails = smtp.mails.slice(mailsBefore);
  const digests = mails.filter((m) => /^\[Vigie\] \d+ alarmes/.test(m.parsed.subject ?? ''));
  const delays = outbox.sentDelaysMs ?? [];
  const arrivals = mails.map((m) => m.receivedAt - injection.firstAt);
  // Per alarm: each mail counts for the alarms it carries (a digest says how many in its subject).
  const carried = (subject: string | undefined) => Number(/^\[Vigie\] (\d+) alarmes/.exec(subject ?? '')?.[1] ?? 1);
  const alarmArrivals = mails.flatMap((m) => Array<number>(carried(m.parsed.subject)).fill(m.receivedAt - injection.firstAt));
  return {
    drained,
    eventsWritten: outbox.events,
    deliveries: outbox.deliveries,
    messagesSent: outbox.messages,
    mailsReceived: mails.length,
    digests: digests.length,
    largestDigest: max(digests.map((m) => carried(m.parsed.subject))),
    // From each alarm's change to its acceptance as the worker recorded it (sent_at, source clock).
    deliveryDelayMs: { count: delays.length, p50: percentile(delays, 50), p99: percentile(delays, 99), max: max(delays) },
    // At the SMTP server (wall clock), per alarm, after the storm's first change.
    alarmArrivalAfterFirstChangeMs: { count: alarmArrivals.length, p50: percentile(alarmArrivals, 50), p99: percentile(alarmArrivals, 99), max: max(alarmArrivals) },
    // Per message, at the SMTP server (wall clock): when each mail arrived after the storm's first change.
    mailAfterFirstChangeMs: { p50: percentile(arrivals, 50), p99: percentile(arrivals, 99), max: max(arrivals) },
    firstMailAfterFirstChangeMs: mails.length ? round(Math.min(...mails.map((m) => m.receivedAt)) - injection.firstAt) : null,
    lastMailAfterLastChangeMs: mails.length ? round(Math.max(...mails.map((m) => m.receivedAt)) - injection.lastAt) : null,
    dead: outbox.dead,
  };
}

export async function stormBench(): Promise<void> {
  console.log('storm: Vigie…');
  const vigie = await storm('vigie');
  console.log('storm: Vigie with the alarm service sending…');
  const vigieWithAlarms = await storm('vigie', { alarms: true });
  const naive = process.env.STORM_NAIVE === '0' ? undefined : (console.log('storm: naive baseline…'), await storm('naive'));
  report('storm', {
    changes: CHANGES,
    spreadMs: SPREAD_MS,
    target: 'reflected ≤ 1000 ms, no main-thread task > 100 ms; alarms off the live path',
    vigie,
    vigieWithAlarms,
    ...(naive && {
      naiveBaseline: naive,
      ratios: {
        reflectedAfterFirstChange: vigie.reflectedAfterFirstChangeMs && naive.reflectedAfterFirstChangeMs ? round(naive.reflectedAfterFirstChangeMs / vigie.reflectedAfterFirstChangeMs, 2) : null,
        longTaskTotal: vigie.longTaskTotalMs ? round(naive.longTaskTotalMs / vigie.longTaskTotalMs, 2) : null,
        droppedFrames: vigie.frames.dropped ? round(naive.frames.dropped / vigie.frames.dropped, 2) : null,
      },
    }),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await stormBench();
