// Alarms in a storm: 10,000 probes of the small estate turn CRITICAL within 1 s, through the real
// supervision (incident reducer, persist queue writing incidents and alarm events to PGlite in one
// transaction) and the real alarm worker sending to a real SMTP server on 127.0.0.1 — one référent
// recipient per collectivité and the support's on-call address, default rules and grouping.
// Figures: time spent applying the storm on the live path with and without the alarm service (the
// outbox write is the only part on that path), the event loop's worst lateness, alarm events and
// deliveries produced, messages sent, and when the last one was accepted.
// Run: npm run bench:alarms
import { rmSync } from 'node:fs';
import { DEFAULT_RULES } from '../src/domain/alarm-rules.ts';
import { createAlarmWorker } from '../server/alarms/alarm-worker.ts';
import { startSmtpSink } from '../server/alarms/alarm-sinks.test-kit.ts';
import { createSmtpSender } from '../server/alarms/smtp-sender.ts';
import { generateEstate } from '../server/sources/simulator/estate.ts';
import { freshDataDir } from '../server/storage/data-dir.test-kit.ts';
import { openSqlClient } from '../server/storage/open-storage.ts';
import type { SqlClient } from '../server/storage/sql-client.ts';
import { createSqlStorage } from '../server/storage/sql-storage.ts';
import { systemTimers } from '../server/stream/timers.ts';
import { FakeSource } from '../server/supervision/fake-source.test-kit.ts';
import { createSupervision } from '../server/supervision/supervision.ts';
import { report } from './lib/report.ts';
import { round } from './lib/stats.ts';

const CHANGES = 10_000;
const SPREAD_MS = 1_000;
const BATCHES = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function storm(withAlarms: boolean) {
  const dir = await freshDataDir('vigie-bench-alarms-');
  const client = await openSqlClient({ dataDir: dir });
  const storage = createSqlStorage(client);
  await storage.migrate();
  const smtp = await startSmtpSink();
  const estate = generateEstate({ seed: 57, scale: 'small' });
  const source = new FakeSource(estate, Date.now());
  const store = storage.alarms!;
  if (process.env.BENCH_DEBUG) {
    for (const key of Object.keys(store) as Array<keyof typeof store>) {
      const fn = store[key] as (...a: unknown[]) => Promise<unknown>;
      (store as unknown as Record<string, unknown>)[key] = async (...a: unknown[]) => {
        const t = Date.now();
        const r = await fn(...a);
        console.error(`store.${key} ${Date.now() - t} ms${Array.isArray(r) ? ` → ${r.length}` : ''}`);
        return r;
      };
    }
  }
  const live = withAlarms ? storage : { ...storage, alarms: undefined };
  const supervision = createSupervision({ source, storage: live, persistMs: 1_000 });
  await supervision.start();
  for (const c of estate.collectivites) {
    await store.saveRecipient({ id: `ref-${c.id}`, audience: 'referent', collectiviteId: c.id, name: `Référent ${c.name}`, email: `ref-${c.id}@bench.test`, language: 'fr', rules: DEFAULT_RULES.referent, enabled: true });
  }
  await store.saveRecipient({ id: 'astreinte', audience: 'support', name: 'Astreinte', email: 'astreinte@bench.test', language: 'fr', rules: DEFAULT_RULES.support, enabled: true });
  const worker = createAlarmWorker({
    store,
    senders: { mail: createSmtpSender({ url: smtp.url, from: 'Vigie <vigie@bench.test>' }) },
    now: () => Date.now(),
    isCovered: () => true,
    record: (id, note, at) => supervision.recordDelivery(id, note, at),
    timers: systemTimers,
    tickMs: 1_000,
    log: (message, detail) => console.error(message, detail),
  });
  if (withAlarms) worker.start();

  let worstLagMs = 0;
  let expected = performance.now() + 5;
  const lag = setInterval(() => {
    const now = performance.now();
    worstLagMs = Math.max(worstLagMs, now - expected);
    expected = now + 5;
  }, 5);

  const probes = estate.probes.slice(0, CHANGES);
  let applyMs = 0;
  const firstAt = Date.now();
  for (let b = 0; b < BATCHES; b++) {
    const t = performance.now();
    for (const p of probes.slice((b * CHANGES) / BATCHES, ((b + 1) * CHANGES) / BATCHES)) source.emit(p.id, 'CRITICAL', { afterMs: 0 });
    applyMs += performance.now() - t;
    await sleep(SPREAD_MS / BATCHES);
  }
  const lastAt = Date.now();
  await supervision.persist();
  const persistedAt = Date.now();
  let lastMailAt = 0;
  let mails = 0;
  if (withAlarms) {
    // Done when the outbox is empty and the SMTP server has been quiet for 3 s.
    for (;;) {
      await sleep(500);
      if (smtp.mails.length !== mails) [mails, lastMailAt] = [smtp.mails.length, Date.now()];
      const stats = await store.stats();
      if (process.env.BENCH_DEBUG) console.error(JSON.stringify({ mails: smtp.mails.length, ...stats, events: await count(client, 'alarm_event'), deliveries: await count(client, 'alarm_delivery') }));
      if (stats.queued === 0 && mails > 0 && Date.now() - lastMailAt > 3_000) break;
      if (Date.now() - lastAt > 180_000) throw new Error('alarms not delivered within 3 minutes');
    }
  }
  clearInterval(lag);
  const figures = {
    changes: CHANGES,
    injectionWindowMs: lastAt - firstAt,
    livePathApplyMs: round(applyMs),
    livePathApplyPerChangeUs: round((applyMs / CHANGES) * 1_000),
    persistAfterLastChangeMs: persistedAt - lastAt,
    worstEventLoopLagMs: round(worstLagMs),
    ...(withAlarms && {
      alarmEvents: await count(client, 'alarm_event'),
      deliveries: await count(client, 'alarm_delivery'),
      messagesSent: smtp.mails.length,
      digestSizes: digestSizes(smtp.mails.map((m) => m.parsed.subject ?? '')),
      firstMessageAfterFirstChangeMs: smtp.mails.length ? smtp.mails[0]!.receivedAt - firstAt : null,
      lastMessageAfterLastChangeMs: lastMailAt - lastAt,
    }),
  };
  await worker.stop();
  await supervision.stop();
  await storage.close();
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
  return figures;
}

async function count(client: SqlClient, table: 'alarm_event' | 'alarm_delivery'): Promise<number> {
  const [row] = await client.query<{ n: string | number }>(`SELECT count(*) AS n FROM ${table}`);
  return Number(row?.n ?? 0);
}

function digestSizes(subjects: string[]): { singles: number; digests: number; largest: number } {
  const sizes = subjects.map((s) => Number(/\] (\d+) alarmes/.exec(s)?.[1] ?? 1));
  return { singles: sizes.filter((n) => n === 1).length, digests: sizes.filter((n) => n > 1).length, largest: Math.max(0, ...sizes) };
}

export async function alarmsBench(): Promise<void> {
  const without = await storm(false);
  const withAlarms = await storm(true);
  report('alarms', { withoutAlarmService: without, withAlarmService: withAlarms });
}

if (import.meta.url === `file://${process.argv[1]}`) await alarmsBench();
