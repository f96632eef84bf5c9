// Fault test: kill -9 of the process sending alarms with 100 of them queued. After a restart on the
// same data folder every recipient has its alarm exactly once: no alarm lost, none sent twice as a
// distinct message. At most the one message in flight at the kill is handed to the server again,
// with the same Message-ID (docs/alarms.md "Once, not twice"), which a mailbox drops as a copy.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AlarmEvent, Recipient } from '../../src/domain/alarm-model.ts';
import { freshDataDir } from '../storage/data-dir.test-kit.ts';
import { openStorage } from '../storage/open-storage.ts';
import { startSmtpSink } from './alarm-sinks.test-kit.ts';

const N = 100;
let dir: string;
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dir = await freshDataDir('vigie-alarm-crash-');
  smtp = await startSmtpSink({ delayMs: 15 });
});
afterAll(async () => {
  for (const c of children) if (c.pid !== undefined && c.exitCode === null && c.signalCode === null) process.kill(c.pid, 'SIGKILL');
  await smtp?.close();
  rmSync(dir, { recursive: true, force: true });
});

function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'alarm-worker.fixture.ts'), dir, smtp.url], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve(child));
    child.once('exit', (code, signal) => signal !== 'SIGKILL' && reject(new Error(`worker exited ${code ?? signal}: ${err}`)));
  });
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('kill -9 with 100 alarms queued: after restart each recipient gets its alarm exactly once', { timeout: 120_000 }, async () => {
  // 100 recipients, one CRITICAL incident: 100 deliveries, 100 separate messages.
  const storage = await openStorage({ dataDir: dir });
  for (let i = 0; i < N; i++) {
    const r: Recipient = { id: `r${i}`, audience: 'support', name: `Astreinte ${i}`, email: `r${i}@astreinte.test`, language: 'fr', rules: { events: { 'incident-critical': ['mail'] }, smsWindow: 'always' }, enabled: true };
    await storage.alarms!.saveRecipient(r);
  }
  const event: AlarmEvent = { key: 'p1@1:opened', kind: 'opened', at: Date.now(), collectiviteId: 'metz', probeId: 'p1', incidentId: 'p1@1', severity: 'CRITICAL', subject: { collectivite: 'Metz', site: 'Mairie', probe: 'Accès Internet' } };
  await storage.alarms!.appendEvents([event]);
  await storage.close();

  const first = await startWorker();
  await until(() => smtp.mails.length >= 30, 60_000);
  process.kill(first.pid!, 'SIGKILL');
  await new Promise((r) => first.once('exit', r));
  const atKill = smtp.mails.length;
  expect(atKill).toBeLessThan(N);

  const second = await startWorker();
  await until(() => new Set(smtp.mails.map((m) => m.envelopeTo[0])).size >= N, 60_000);
  await new Promise((r) => setTimeout(r, 500)); // anything extra would arrive now
  const exited = new Promise((r) => second.once('exit', r));
  process.kill(second.pid!, 'SIGTERM');
  await exited;

  const byRecipient = new Map<string, Set<string>>();
  for (const m of smtp.mails) {
    const to = m.envelopeTo[0]!;
    byRecipient.set(to, (byRecipient.get(to) ?? new Set()).add(m.parsed.messageId ?? '?'));
  }
  expect(byRecipient.size).toBe(N);
  for (const [to, ids] of byRecipient) expect(ids.size, to).toBe(1);
  // Copies handed over again (same Message-ID): at most the one in flight at the kill.
  expect(smtp.mails.length - N).toBeLessThanOrEqual(1);
  console.log(`kill -9 after ${atKill} of ${N} mails; after restart ${smtp.mails.length} handed over, ${N} distinct, ${smtp.mails.length - N} re-sent copy`);

  const after = await openStorage({ dataDir: dir });
  try {
    expect(await after.alarms!.stats()).toMatchObject({ queued: 0, dead: 0 });
  } finally {
    await after.close();
  }
});
