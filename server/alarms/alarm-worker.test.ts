// The worker over the in-memory store with recording senders and a hand-driven clock: who is told,
// when (group wait, digests, rate limits, flaps), retries with backoff, dead letters, and what the
// incident timelines say.
import { describe, expect, test } from 'vitest';
import type { AlarmEvent, Recipient } from '../../src/domain/alarm-model.ts';
import { DEFAULT_RULES } from '../../src/domain/alarm-rules.ts';
import type { DeliveryNote } from '../../src/domain/model.ts';
import type { AlarmSenders, MailMessage, SmsMessage } from './alarm-channels.ts';
import { createAlarmWorker, retryDelay } from './alarm-worker.ts';
import { MemoryAlarmStore } from './memory-alarm-store.ts';

const S = 1_000;
const MIN = 60 * S;
const T0 = Date.UTC(2026, 3, 14, 8, 0); // Tuesday 10:00 in Paris: covered

const referent: Recipient = { id: 'ref-metz', audience: 'referent', collectiviteId: 'metz', name: 'Référente Metz', email: 'ref@mairie-metz.fr', language: 'fr', rules: DEFAULT_RULES.referent, enabled: true };
const support: Recipient = { id: 'noc', audience: 'support', name: 'Astreinte', email: 'noc@moselle-fibre.fr', mobile: '+33612345678', language: 'en', rules: DEFAULT_RULES.support, enabled: true };

const opened = (n: number, at = T0, collectiviteId = 'metz'): AlarmEvent => ({
  key: `p${n}@${at}:opened`,
  kind: 'opened',
  at,
  collectiviteId,
  probeId: `p${n}`,
  incidentId: `p${n}@${at}`,
  severity: 'CRITICAL',
  subject: { collectivite: 'Metz', site: `Site ${n}`, probe: 'Accès Internet' },
});

function rig(opts: { senders?: 'ok' | 'none' | AlarmSenders; recipients?: Recipient[] } = {}) {
  let now = T0;
  const store = new MemoryAlarmStore();
  const mails: MailMessage[] = [];
  const sms: SmsMessage[] = [];
  const notes: { incidentId: string; note: DeliveryNote; at: number }[] = [];
  const senders: AlarmSenders =
    opts.senders === 'none'
      ? {}
      : typeof opts.senders === 'object'
        ? opts.senders
        : { mail: { describe: 'test', send: async (m) => void mails.push(m) }, sms: { describe: 'test', send: async (m) => void sms.push(m) } };
  for (const r of opts.recipients ?? [referent, support]) store.recipients.set(r.id, r);
  const worker = createAlarmWorker({ store, senders, now: () => now, isCovered: () => true, record: async (incidentId, note, at) => void notes.push({ incidentId, note, at }) });
  /** Advance the clock by steps of `step`, ticking each time. */
  const run = async (ms: number, step = 10 * S) => {
    for (let t = 0; t < ms; t += step) {
      now += step;
      await worker.tick();
    }
  };
  return { store, worker, mails, sms, notes, run, at: () => now, setNow: (t: number) => (now = t) };
}

describe('alarm worker', () => {
  test('a CRITICAL incident: one mail to the référent (fr) and one to the support (en) after the 30 s group wait; timeline says so', async () => {
    const r = rig();
    r.store.appendNow([opened(1)]);
    await r.worker.tick();
    expect(r.mails).toEqual([]);
    await r.run(30 * S);
    expect(r.mails.map((m) => [m.to, m.subject]).sort()).toEqual([
      ['noc@moselle-fibre.fr', '[Vigie] CRITICAL Metz · Site 1 · Accès Internet'],
      ['ref@mairie-metz.fr', '[Vigie] CRITIQUE Metz · Site 1 · Accès Internet'],
    ]);
    expect(r.sms).toEqual([]); // support's SMS rules: GTI only
    expect(r.notes.map((n) => [n.incidentId, n.note.audiences[0], n.note]).sort()).toEqual([
      [`p1@${T0}`, 'referent', { channel: 'mail', audiences: ['referent'], recipients: 1, outcome: 'sent' }],
      [`p1@${T0}`, 'support', { channel: 'mail', audiences: ['support'], recipients: 1, outcome: 'sent' }],
    ]);
    await r.run(10 * MIN);
    expect(r.mails).toHaveLength(2); // never twice
  });

  test('a storm of 300 incidents: one digest per recipient per window, later ones wait for the 5-minute interval', async () => {
    const r = rig();
    r.store.appendNow(Array.from({ length: 300 }, (_, i) => opened(i, T0 + i * 50)));
    await r.run(40 * S);
    expect(r.mails).toHaveLength(2);
    const toReferent = r.mails.find((m) => m.to === referent.email)!;
    expect(toReferent.subject).toBe('[Vigie] 300 alarmes · Metz');
    expect(toReferent.text).toContain('… et 250 autres');
    expect(r.mails.find((m) => m.to === support.email)!.subject).toBe('[Vigie] 300 alarms · Metz');
    r.store.appendNow([opened(1000, r.at())]);
    await r.run(4 * MIN);
    expect(r.mails).toHaveLength(2);
    await r.run(1 * MIN);
    expect(r.mails.map((m) => m.subject).slice(2).sort()).toEqual(['[Vigie] CRITICAL Metz · Site 1000 · Accès Internet', '[Vigie] CRITIQUE Metz · Site 1000 · Accès Internet']);
    expect(r.notes.find((n) => n.incidentId === `p0@${T0}`)?.note).toMatchObject({ outcome: 'sent', digestOf: 300 });
  });

  test('rate limit: at most 10 mails an hour to one recipient, the rest join the next digest', async () => {
    const r = rig({ recipients: [referent] });
    for (let i = 0; i < 30; i++) {
      r.store.appendNow([opened(i, r.at())]);
      await r.run(5 * MIN, 30 * S);
    }
    // 30 alarms in 150 minutes, one every 5 minutes: the interval alone would allow 30 messages.
    expect(r.mails.length).toBeLessThan(30);
    expect(r.mails.filter((m) => /^\[Vigie\] \d+ alarmes/.test(m.subject)).length).toBeGreaterThan(0);
    // Count sends per sliding hour from the sent times the store kept.
    const sent = await r.store.sentTimes('ref-metz', 'mail', 0);
    for (const t of sent) expect(sent.filter((u) => u > t - 60 * MIN && u <= t).length).toBeLessThanOrEqual(10);
    expect(r.store.deliveries.size).toBe(30);
    await r.run(2 * 60 * MIN, MIN);
    expect([...r.store.deliveries.values()].every((d) => d.state === 'sent')).toBe(true);
  });

  test('the channel refuses, then recovers: retried with backoff, delivered once, timeline tells the failure and the retry time', async () => {
    let fail = 2;
    const mails: MailMessage[] = [];
    const r = rig({
      recipients: [support],
      senders: {
        mail: {
          describe: 'flaky',
          send: async (m) => {
            if (fail-- > 0) throw new Error('421 try later');
            mails.push(m);
          },
        },
      },
    });
    r.store.appendNow([opened(1)]);
    await r.worker.tick();
    await r.run(30 * S);
    expect(r.notes.at(-1)?.note).toEqual({ channel: 'mail', audiences: ['support'], recipients: 1, outcome: 'failed', retryAt: T0 + 30 * S + 30 * S });
    await r.run(30 * S);
    expect(r.notes.at(-1)?.note).toMatchObject({ outcome: 'failed', retryAt: T0 + 60 * S + 60 * S });
    await r.run(60 * S);
    expect(mails).toHaveLength(1);
    expect(r.notes.at(-1)?.note).toMatchObject({ outcome: 'sent' });
    await r.run(30 * MIN, MIN);
    expect(mails).toHaveLength(1);
    expect(await r.store.stats()).toEqual({ queued: 0, dead: 0, lastFailure: { at: T0 + 60 * S, reason: '421 try later' } });
  });

  test('after 5 failed attempts the delivery is dead, visible in the stats and on the timeline', async () => {
    const r = rig({ recipients: [support], senders: { mail: { describe: 'down', send: async () => Promise.reject(new Error('ECONNREFUSED')) } } });
    r.store.appendNow([opened(1)]);
    await r.run(3 * 60 * MIN, 10 * S);
    expect(r.notes.map((n) => n.note.outcome)).toEqual(['failed', 'failed', 'failed', 'failed', 'dead']);
    expect(await r.store.stats()).toMatchObject({ queued: 0, dead: 1 });
  });

  test('no channel configured: recorded "not sent: no channel" at once, nothing queued', async () => {
    const r = rig({ senders: 'none' });
    r.store.appendNow([opened(1)]);
    await r.worker.tick();
    expect(r.notes.map((n) => n.note)).toEqual([
      { channel: 'mail', audiences: ['referent', 'support'], recipients: 2, outcome: 'no-channel' },
    ]);
    expect(await r.worker.health()).toEqual({ queued: 0, dead: 0, channels: [] });
  });

  test('a probe flipping 10 times in 10 minutes: 1 alarm and 1 "stable again"', async () => {
    const r = rig({ recipients: [{ ...referent, rules: { events: { 'incident-critical': ['mail'], 'incident-resolved': ['mail'] }, smsWindow: 'always' } }] });
    const incidentId = `p1@${T0}`;
    const base = { collectiviteId: 'metz', probeId: 'p1', incidentId, severity: 'CRITICAL' as const, subject: { collectivite: 'Metz', site: 'Mairie', probe: 'Disque' } };
    for (let i = 0; i < 10; i++) {
      const kind = i === 0 ? 'opened' : i % 2 === 1 ? 'resolved' : 'reopened';
      r.setNow(T0 + i * MIN);
      r.store.appendNow([{ ...base, key: `${incidentId}:v${i}:${kind}`, kind, at: T0 + i * MIN }]);
      await r.run(MIN - 10 * S);
    }
    await r.run(30 * MIN, 30 * S);
    expect(r.mails.map((m) => m.subject)).toEqual(['[Vigie] CRITIQUE Metz · Mairie · Disque', '[Vigie] STABLE Metz · Mairie · Disque']);
    expect(r.mails[1]!.text).toContain('stable à nouveau (OK) après 9 changements');
  });

  test('retry delays double up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((a) => retryDelay(a, 30 * S, 30 * MIN))).toEqual([30 * S, 60 * S, 120 * S, 240 * S, 30 * MIN]);
  });

  test('a message accepted but not recorded (a crash before the update) goes again as it was: same items, same Message-ID; newer items make the next message', async () => {
    const r = rig({ recipients: [referent] });
    const patch = r.store.patchDeliveries.bind(r.store);
    let crash = true;
    // The process "dies" between the server's acceptance and the row's update: that update never lands.
    r.store.patchDeliveries = async (ids, p) => {
      if (p.state === 'sent' && crash) {
        crash = false;
        throw new Error('killed');
      }
      return patch(ids, p);
    };
    r.store.appendNow([opened(1), opened(2)]);
    await r.worker.tick();
    r.setNow(T0 + 30 * S);
    await expect(r.worker.tick()).rejects.toThrow('killed');
    expect(r.mails).toHaveLength(1);
    r.store.appendNow([opened(3, T0 + 31 * S)]);
    await r.run(10 * MIN);
    const [first, again, next] = r.mails;
    expect(r.mails).toHaveLength(3);
    expect(again).toEqual(first); // the same message, byte for byte what was handed over before
    expect(next!.messageId).not.toBe(first!.messageId);
    expect(next!.text).toContain('Site 3');
    expect(first!.text).not.toContain('Site 3');
    expect((await r.store.report()).deliveries).toEqual({ sent: 3 });
  });
});
