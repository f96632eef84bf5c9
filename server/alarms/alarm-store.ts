// The alarm service's durable state, as a port: recipients, the outbox of alarm events (written
// with the incident change that caused them, see Storage.saveIncidents) and the deliveries the
// worker plans from them. One implementation over SQL (server/storage/sql-alarms.ts, PGlite and
// PostgreSQL) and one in memory for tests; both honour the same idempotency: an event key and a
// delivery id are stored once, whatever the number of writes.
import type { AlarmChannel, AlarmEvent, Recipient } from '../../src/domain/alarm-model.ts';
import type { Instant } from '../../src/domain/model.ts';

/**
 * pending: waiting for its digest window; failed: waiting for a retry at nextAt; sent: accepted by
 * the channel; dead: given up after the last attempt; no-channel: nothing configured to send it.
 */
export const DELIVERY_STATES = ['pending', 'failed', 'sent', 'dead', 'no-channel'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface DeliveryRow {
  /** Idempotency key: `${eventKey}|${recipientId}|${channel}`. */
  id: string;
  eventKey: string;
  recipientId: string;
  channel: AlarmChannel;
  event: AlarmEvent;
  /** Set on a "stable again" notice: how many changes the flapping burst had. */
  flips?: number;
  state: DeliveryState;
  attempts: number;
  queuedAt: Instant;
  /** When it may next be tried (failed) or was queued (pending). */
  nextAt: Instant;
  sentAt?: Instant;
  lastError?: string;
  /** The message it went (or goes) out in: one id per digest, the Message-ID of a mail. */
  messageId?: string;
}

export type DeliveryUpdate = Pick<DeliveryRow, 'id' | 'state' | 'attempts' | 'nextAt'> & Partial<Pick<DeliveryRow, 'sentAt' | 'lastError' | 'messageId'>> & {
  /** Set with lastError: when the attempt failed. */
  failedAt?: Instant;
};

/** The deliveries due for one recipient on one channel, summed up (the worker decides per group). */
export interface DueGroup {
  recipientId: string;
  channel: AlarmChannel;
  count: number;
  oldestQueuedAt: Instant;
  /** Some of them failed before and wait for a retry that is now due. */
  retrying: boolean;
}

/** One change applied to many deliveries at once; attempts: a number, one more than each row had, or unchanged. */
export interface DeliveryPatch {
  state: DeliveryState;
  attempts: number | 'increment' | 'keep';
  nextAt: Instant;
  sentAt?: Instant;
  lastError?: string;
  failedAt?: Instant;
  messageId?: string;
}

export interface AlarmStats {
  /** Deliveries not finished (pending or waiting for a retry). */
  queued: number;
  dead: number;
  /** The newest failed attempt, if any. */
  lastFailure?: { at: Instant; reason: string };
}

/** What the outbox holds, for the benchmarks (bench/storm.ts) and diagnostics. */
export interface OutboxReport {
  events: number;
  /** Of those, not planned yet. */
  unplanned: number;
  deliveries: Partial<Record<DeliveryState, number>>;
  /** Distinct messages the sent deliveries went out in (a digest carries many). */
  messages: number;
  /** Per sent delivery: from its event (the incident change) to the channel's acceptance, ms. */
  sentDelaysMs: number[];
}

export interface AlarmStore {
  listRecipients(): Promise<Recipient[]>;
  saveRecipient(recipient: Recipient): Promise<void>;
  /** false when there was no such recipient. */
  removeRecipient(id: string): Promise<boolean>;
  /** Store events outside an incident change (maintenance notices, GTI clocks); keys already stored are left alone. */
  appendEvents(events: readonly AlarmEvent[]): Promise<void>;
  /** Events the worker has not planned yet, oldest first. */
  unplannedEvents(limit: number): Promise<AlarmEvent[]>;
  /** In one transaction: mark these events planned and store their deliveries (ids already stored are left alone). */
  plan(eventKeys: readonly string[], deliveries: readonly DeliveryRow[]): Promise<void>;
  /** Pending and failed deliveries with nextAt <= before, oldest first. */
  dueDeliveries(before: Instant, limit: number): Promise<DeliveryRow[]>;
  updateDeliveries(updates: readonly DeliveryUpdate[]): Promise<void>;
  /** Every (recipient, channel) with deliveries due at `before`: a storm for one recipient never hides another's. */
  dueGroups(before: Instant): Promise<DueGroup[]>;
  /** The due deliveries of one recipient and channel, oldest first. */
  groupDue(recipientId: string, channel: AlarmChannel, before: Instant, limit: number): Promise<DeliveryRow[]>;
  /** Apply one patch to these deliveries (one statement however many). */
  patchDeliveries(ids: readonly string[], patch: DeliveryPatch): Promise<void>;
  /** Distinct instants messages were sent to this recipient on this channel since `since`. */
  sentTimes(recipientId: string, channel: AlarmChannel, since: Instant): Promise<Instant[]>;
  stats(): Promise<AlarmStats>;
  /** Recent deliveries of one incident (for support's view of who was told). */
  deliveriesOf(incidentId: string): Promise<DeliveryRow[]>;
  /** Dead deliveries (given up), the most recently given up first. */
  deadDeliveries(limit: number): Promise<DeliveryRow[]>;
  /** The outbox's figures; `since`: only events (and their deliveries) at or after that instant. */
  report(since?: Instant): Promise<OutboxReport>;
}
