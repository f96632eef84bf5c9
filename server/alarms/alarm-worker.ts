// The alarm worker: off the live path, on its own timer, it drains the outbox. Each tick plans the
// new events (flaps, rules: alarm-planning.ts), then sends what is due, one message per recipient
// and channel (a digest when several items wait; group wait, interval and rate limits from
// alarm-grouping.ts), retries failures with exponential backoff, gives up after `maxAttempts`
// (dead letter), and records on each incident's timeline what actually happened.
import type { AlarmChannel, Recipient } from '../../src/domain/alarm-model.ts';
import { DEFAULT_GROUPING, groupReadyAt, type GroupingPolicy } from '../../src/domain/alarm-grouping.ts';
import type { FlapPolicy } from '../../src/domain/alarm-flaps.ts';
import type { DeliveryAudience, DeliveryNote, DeliveryOutcome, Instant } from '../../src/domain/model.ts';
import type { Timers } from '../stream/timers.ts';
import { configuredChannels, type AlarmSenders } from './alarm-channels.ts';
import { renderMail, renderSms } from './alarm-messages.ts';
import { planEvents } from './alarm-planning.ts';
import type { AlarmStats, AlarmStore, DeliveryRow } from './alarm-store.ts';

export interface AlarmWorkerOptions {
  store: AlarmStore;
  senders: AlarmSenders;
  now(): Instant;
  isCovered(at: Instant): boolean;
  /** Appends a 'notified' entry to the incident (Supervision.recordDelivery). */
  record(incidentId: string, note: DeliveryNote, at: Instant): Promise<void>;
  timers?: Timers;
  tickMs?: number;
  maxAttempts?: number;
  /** First retry delay; doubled per attempt up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  grouping?: GroupingPolicy;
  flaps?: FlapPolicy;
  timeZone?: string;
  log?: (message: string, detail?: unknown) => void;
}

export interface AlarmHealth extends AlarmStats {
  channels: AlarmChannel[];
}

export interface AlarmWorker {
  start(): void;
  stop(): Promise<void>;
  /** One pass (tests drive time with it). */
  tick(): Promise<void>;
  health(): Promise<AlarmHealth>;
}

const BATCH = 2_000;
/** Items one message may carry: a digest lists 50 and counts the rest. */
const MESSAGE_ITEMS = 20_000;

/** Retry delay after `attempts` failed attempts: backoff, doubled each time, capped. */
export function retryDelay(attempts: number, backoffMs: number, maxBackoffMs: number): number {
  return Math.min(maxBackoffMs, backoffMs * 2 ** Math.max(0, attempts - 1));
}

/** A stable id for a message made of these deliveries (FNV-1a over the sorted ids): the same on every attempt. */
export function messageIdFor(ids: readonly string[]): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of [...ids].sort().join('\n')) {
    const c = ch.codePointAt(0)!;
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x811c9dc5) >>> 0;
  }
  return `<${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}.${ids.length}@vigie.alarms>`;
}

export function createAlarmWorker(options: AlarmWorkerOptions): AlarmWorker {
  const { store, senders, now, maxAttempts = 5, backoffMs = 30_000, maxBackoffMs = 30 * 60_000, grouping = DEFAULT_GROUPING, timeZone = 'Europe/Paris', log = () => {} } = options;
  const channels = configuredChannels(senders);
  let timer: unknown;
  let running: Promise<void> | undefined;

  async function planNew(at: Instant): Promise<void> {
    const events = await store.unplannedEvents(BATCH * 5);
    if (events.length === 0) return;
    const recipients = await store.listRecipients();
    const plan = planEvents({ events, recipients, now: at, isCovered: options.isCovered, channels, ...(options.flaps ? { flaps: options.flaps } : {}) });
    if (plan.plannedKeys.length === 0) return;
    await store.plan(plan.plannedKeys, plan.deliveries);
    const unsent = plan.deliveries.filter((d) => d.state === 'no-channel');
    await recordNotes(unsent, 'no-channel', at, recipients);
  }

  async function send(recipient: Recipient, channel: AlarmChannel, items: DeliveryRow[], messageId: string): Promise<void> {
    if (channel === 'mail') {
      const mail = senders.mail;
      if (!mail || !recipient.email) throw new Error('no mail channel or address');
      await mail.send({ ...renderMail(recipient, items, timeZone), to: recipient.email, toName: recipient.name, messageId });
    } else {
      const sms = senders.sms;
      if (!sms || !recipient.mobile) throw new Error('no SMS channel or number');
      await sms.send({ to: recipient.mobile, text: renderSms(recipient, items, timeZone), idempotencyKey: messageId });
    }
  }

  /** One timeline entry per incident, channel and outcome, counting recipients (never naming them). */
  async function recordNotes(rows: readonly DeliveryRow[], outcome: DeliveryOutcome, at: Instant, recipients: readonly Recipient[], extra: { retryAt?: Instant; digestOf?: number } = {}): Promise<void> {
    const audienceOf = new Map(recipients.map((r) => [r.id, r.audience]));
    const groups = new Map<string, { incidentId: string; channel: AlarmChannel; ids: Set<string>; audiences: Set<DeliveryAudience> }>();
    for (const row of rows) {
      const incidentId = row.event.incidentId;
      if (!incidentId) continue;
      const key = `${incidentId}|${row.channel}`;
      const g = groups.get(key) ?? { incidentId, channel: row.channel, ids: new Set(), audiences: new Set() };
      g.ids.add(row.recipientId);
      const audience = audienceOf.get(row.recipientId);
      if (audience) g.audiences.add(audience);
      groups.set(key, g);
    }
    for (const g of groups.values()) {
      const note: DeliveryNote = { channel: g.channel, audiences: [...g.audiences].sort(), recipients: g.ids.size, outcome, ...extra };
      await options.record(g.incidentId, note, at).catch((error: unknown) => log('recording an alarm delivery on its incident failed', error));
    }
  }

  async function sendDue(at: Instant): Promise<void> {
    const groups = await store.dueGroups(at);
    if (groups.length === 0) return;
    const recipients = new Map((await store.listRecipients()).map((r) => [r.id, r]));
    for (const group of groups) {
      const { recipientId, channel } = group;
      const recipient = recipients.get(recipientId);
      // A retry goes when due; fresh items wait for their digest window and the rate limit.
      if (recipient?.enabled && !group.retrying) {
        const sent = await store.sentTimes(recipientId, channel, at - grouping.rateLimit[channel].perMs);
        if (groupReadyAt(group.oldestQueuedAt, sent, channel, grouping) > at) continue;
      }
      const due = await store.groupDue(recipientId, channel, at, MESSAGE_ITEMS);
      if (!recipient || !recipient.enabled) {
        await store.patchDeliveries(due.map((r) => r.id), { state: 'dead', attempts: 'keep', nextAt: at, lastError: 'recipient removed or disabled', failedAt: at });
        continue;
      }
      // A message once handed to the channel (or about to be) is sent again as it was: the same
      // items under the same Message-ID, so a copy after a crash or a lost "250" can be dropped by
      // the receiver. Items that joined since wait for the next message.
      const claimed = due.find((r) => r.messageId)?.messageId;
      const rows = claimed ? due.filter((r) => r.messageId === claimed) : due;
      const ids = rows.map((r) => r.id);
      const messageId = claimed ?? messageIdFor(ids);
      // Written before sending: a kill between the server's acceptance and the update below finds it.
      if (!claimed) await store.patchDeliveries(ids, { state: 'pending', attempts: 'keep', nextAt: at, messageId });
      const digestOf = rows.length > 1 ? { digestOf: rows.length } : {};
      try {
        await send(recipient, channel, rows, messageId);
      } catch (error) {
        const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
        const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
        const dead = attempts >= maxAttempts;
        const retryAt = at + retryDelay(attempts, backoffMs, maxBackoffMs);
        await store.patchDeliveries(ids, { state: dead ? 'dead' : 'failed', attempts, nextAt: dead ? at : retryAt, lastError: reason, failedAt: at, messageId });
        log(`alarm ${channel} to ${recipient.id} failed (attempt ${attempts}/${maxAttempts})`, reason);
        await recordNotes(rows, dead ? 'dead' : 'failed', at, [recipient], dead ? digestOf : { retryAt, ...digestOf });
        continue;
      }
      // When the channel accepted it (a pass sending hundreds of digests lasts a while).
      const sentAt = Math.max(at, now());
      await store.patchDeliveries(ids, { state: 'sent', attempts: 'increment', nextAt: sentAt, sentAt, messageId });
      await recordNotes(rows, 'sent', sentAt, [recipient], digestOf);
    }
  }

  async function tick(): Promise<void> {
    if (running) return running;
    running = (async () => {
      const at = now();
      await planNew(at);
      await sendDue(at);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    tick,
    start() {
      if (timer !== undefined || !options.timers) return;
      timer = options.timers.setInterval(() => void tick().catch((error: unknown) => log('alarm worker pass failed', error)), options.tickMs ?? 1_000);
    },
    async stop() {
      if (timer !== undefined) options.timers?.clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
      await Promise.all([senders.mail?.close?.(), senders.sms?.close?.()]);
    },
    async health() {
      return { ...(await store.stats()), channels };
    },
  };
}
