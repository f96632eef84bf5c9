// The channels against real servers on 127.0.0.1: mails through nodemailer to smtp-server, parsed
// back with mailparser; SMS as HTTP to a sink. Header injection through probe names, escaping in
// the HTML part, GSM-7 texts, and an SMTP server that refuses then recovers (delivered once).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AlarmEvent, Recipient } from '../../src/domain/alarm-model.ts';
import { DEFAULT_RULES } from '../../src/domain/alarm-rules.ts';
import type { DeliveryNote } from '../../src/domain/model.ts';
import { createAlarmWorker } from './alarm-worker.ts';
import { startSmsSink, startSmtpSink } from './alarm-sinks.test-kit.ts';
import { MemoryAlarmStore } from './memory-alarm-store.ts';
import { createSmsHttpSender } from './sms-http-sender.ts';
import { createSmtpSender } from './smtp-sender.ts';

const T0 = Date.UTC(2026, 3, 14, 8, 0);
let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
let smsSink: Awaited<ReturnType<typeof startSmsSink>>;
beforeAll(async () => {
  smtp = await startSmtpSink();
  smsSink = await startSmsSink();
});
const workers: Array<ReturnType<typeof createAlarmWorker>> = [];
afterAll(async () => {
  // Each worker closes its senders (the mail channel keeps one pooled connection open).
  await Promise.all(workers.map((w) => w.stop()));
  await smtp?.close();
  await smsSink?.close();
});

const referent: Recipient = { id: 'ref', audience: 'referent', collectiviteId: 'metz', name: 'Référente\r\nBcc: victim@evil.example', email: 'ref@mairie-metz.fr', language: 'fr', rules: DEFAULT_RULES.referent, enabled: true };
const support: Recipient = { id: 'noc', audience: 'support', name: 'Astreinte', email: 'noc@moselle-fibre.fr', mobile: '+33612345678', language: 'fr', rules: { events: { 'incident-critical': ['mail', 'sms'] }, smsWindow: 'always' }, enabled: true };

function event(n: number, probe = 'Accès Internet', site = 'École Jules Ferry'): AlarmEvent {
  return { key: `p${n}:opened`, kind: 'opened', at: T0, collectiviteId: 'metz', probeId: `p${n}`, incidentId: `p${n}@${T0}`, severity: 'CRITICAL', subject: { collectivite: 'Metz', site, probe, output: 'CRITICAL - <b>no route</b> & "loss" 100%' } };
}

function rig(recipients: Recipient[]) {
  let now = T0;
  const store = new MemoryAlarmStore();
  for (const r of recipients) store.recipients.set(r.id, r);
  const notes: DeliveryNote[] = [];
  const worker = createAlarmWorker({
    store,
    senders: { mail: createSmtpSender({ url: smtp.url, from: 'Vigie <vigie@moselle-fibre.fr>' }), sms: createSmsHttpSender({ url: smsSink.url, token: 's3cret' }) },
    now: () => now,
    isCovered: () => true,
    record: async (_id, note) => void notes.push(note),
  });
  workers.push(worker);
  return { store, worker, notes, advance: (ms: number) => (now += ms) };
}

describe('channels with real servers', () => {
  test('a CRITICAL alarm reaches the SMTP server with a lock-screen subject, text and escaped HTML; CR/LF in names opens no header', async () => {
    const before = smtp.mails.length;
    const r = rig([referent]);
    r.store.appendNow([event(1, 'Accès Internet\r\nBcc: victim@evil.example', 'École <script>alert(1)</script>')]);
    await r.worker.tick();
    r.advance(30_000);
    await r.worker.tick();
    const mails = smtp.mails.slice(before);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.envelopeTo).toEqual(['ref@mairie-metz.fr']);
    expect(mail.parsed.subject).toBe('[Vigie] CRITIQUE Metz · École <script>alert(1)</script> · Accès Internet Bcc: victim@evil.example');
    expect(mail.parsed.bcc).toBeUndefined();
    expect(mail.raw).not.toMatch(/^Bcc:/im);
    expect(mail.parsed.to && !Array.isArray(mail.parsed.to) ? mail.parsed.to.value : []).toEqual([{ address: 'ref@mairie-metz.fr', name: 'Référente Bcc: victim@evil.example' }]);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('auto-generated');
    expect(mail.parsed.messageId).toMatch(/@vigie\.alarms>?$/);
    expect(mail.parsed.headers.get('x-vigie-alarm-id')).toBe(mail.parsed.messageId);
    expect(mail.parsed.text).toContain('CRITIQUE Metz · École <script>alert(1)</script>');
    expect(mail.parsed.text).toContain('Sortie de la sonde : CRITICAL - <b>no route</b> & "loss" 100%');
    const html = String(mail.parsed.html);
    expect(html).toContain('École &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;no route&lt;/b&gt; &amp; &quot;loss&quot;');
    expect(html).not.toContain('<script>');
    expect(r.notes).toEqual([{ channel: 'mail', audiences: ['referent'], recipients: 1, outcome: 'sent' }]);
  });

  test('the SMTP server refuses twice, then recovers: delivered exactly once, the timeline tells each failure', async () => {
    const before = smtp.mails.length;
    const r = rig([referent]);
    r.store.appendNow([event(2)]);
    smtp.refuseNext(2);
    await r.worker.tick();
    for (let i = 0; i < 40; i++) {
      r.advance(10_000);
      await r.worker.tick();
    }
    expect(smtp.mails.slice(before)).toHaveLength(1);
    expect(r.notes.map((n) => n.outcome)).toEqual(['failed', 'failed', 'sent']);
    expect((await r.store.stats()).lastFailure?.reason).toMatch(/451/);
  });

  test('SMS through the HTTP provider: bearer token, idempotency key, 160 GSM-7 characters; a 503 is retried', async () => {
    const r = rig([support]);
    r.store.appendNow([event(3, 'Caméra « entrée » — œil n°2 [PTZ] €', 'Groupe scolaire Jean-Baptiste Poquelin dit Molière, bâtiment annexe très long nom')]);
    smsSink.refuseNext(1);
    await r.worker.tick();
    for (let i = 0; i < 10; i++) {
      r.advance(10_000);
      await r.worker.tick();
    }
    expect(smsSink.received).toHaveLength(1);
    const sms = smsSink.received[0]!;
    expect(sms.headers.authorization).toBe('Bearer s3cret');
    expect(sms.headers['idempotency-key']).toBe(sms.body.reference);
    expect(sms.body.to).toBe('+33612345678');
    expect(sms.body.text.length).toBeLessThanOrEqual(160);
    expect(sms.body.text).toMatch(/^Vigie \d\d\/\d\d\/\d{4} \d\d:\d\d CRITIQUE Metz - Groupe scolaire/);
    const GSM7 = /^[@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&'()*+,\-./0-9:;<=>?¡A-ZÄÖÑÜ§¿a-zäöñüà]*$/;
    expect(sms.body.text).toMatch(GSM7);
    expect(r.notes.filter((n) => n.channel === 'sms').map((n) => n.outcome)).toEqual(['failed', 'sent']);
  });
});
