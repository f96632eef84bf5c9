// The alarm store in memory, for the gateway's tests and the offline demo: same contract as the
// SQL one (sql-alarms.ts), including the idempotency of event keys and delivery ids.
import type { AlarmEvent, Recipient } from '../../src/domain/alarm-model.ts';
import type { AlarmStore, DeliveryPatch, DeliveryRow, DeliveryState, DueGroup } from './alarm-store.ts';

export class MemoryAlarmStore implements AlarmStore {
  readonly recipients = new Map<string, Recipient>();
  readonly events = new Map<string, { event: AlarmEvent; planned: boolean }>();
  readonly deliveries = new Map<string, DeliveryRow & { failedAt?: number }>();

  async listRecipients() {
    return structuredClone([...this.recipients.values()].sort((a, b) => (a.id < b.id ? -1 : 1)));
  }
  async saveRecipient(recipient: Recipient) {
    this.recipients.set(recipient.id, structuredClone(recipient));
  }
  async removeRecipient(id: string) {
    return this.recipients.delete(id);
  }
  /** Synchronous on purpose: MemoryStorage.saveIncidents calls it in the same step as the incident write. */
  appendNow(events: readonly AlarmEvent[]): void {
    for (const event of events) if (!this.events.has(event.key)) this.events.set(event.key, { event: structuredClone(event), planned: false });
  }
  async appendEvents(events: readonly AlarmEvent[]) {
    this.appendNow(events);
  }
  async unplannedEvents(limit: number) {
    const open = [...this.events.values()].filter((e) => !e.planned).map((e) => e.event);
    return structuredClone(open.sort((a, b) => a.at - b.at || (a.key < b.key ? -1 : 1)).slice(0, limit));
  }
  async plan(eventKeys: readonly string[], deliveries: readonly DeliveryRow[]) {
    for (const d of deliveries) if (!this.deliveries.has(d.id)) this.deliveries.set(d.id, structuredClone(d));
    for (const key of eventKeys) {
      const e = this.events.get(key);
      if (e) e.planned = true;
    }
  }
  async dueDeliveries(before: number, limit: number) {
    const due = [...this.deliveries.values()].filter((d) => (d.state === 'pending' || d.state === 'failed') && d.nextAt <= before);
    return structuredClone(due.sort((a, b) => a.nextAt - b.nextAt || (a.id < b.id ? -1 : 1)).slice(0, limit)).map(({ failedAt: _, ...d }) => d);
  }
  async updateDeliveries(updates: Parameters<AlarmStore['updateDeliveries']>[0]) {
    for (const u of updates) {
      const d = this.deliveries.get(u.id);
      if (!d) continue;
      Object.assign(d, { state: u.state, attempts: u.attempts, nextAt: u.nextAt });
      if (u.sentAt !== undefined) d.sentAt = u.sentAt;
      if (u.lastError !== undefined) d.lastError = u.lastError;
      if (u.messageId !== undefined) d.messageId = u.messageId;
      if (u.failedAt !== undefined) d.failedAt = u.failedAt;
    }
  }
  async dueGroups(before: number) {
    const groups = new Map<string, DueGroup>();
    for (const d of this.deliveries.values()) {
      if ((d.state !== 'pending' && d.state !== 'failed') || d.nextAt > before) continue;
      const key = `${d.recipientId}|${d.channel}`;
      const g = groups.get(key) ?? { recipientId: d.recipientId, channel: d.channel, count: 0, oldestQueuedAt: d.queuedAt, retrying: false };
      g.count++;
      g.oldestQueuedAt = Math.min(g.oldestQueuedAt, d.queuedAt);
      g.retrying ||= d.state === 'failed';
      groups.set(key, g);
    }
    return [...groups.values()].sort((a, b) => a.oldestQueuedAt - b.oldestQueuedAt || (a.recipientId < b.recipientId ? -1 : 1));
  }
  async groupDue(recipientId: string, channel: string, before: number, limit: number) {
    return (await this.dueDeliveries(before, Number.MAX_SAFE_INTEGER)).filter((d) => d.recipientId === recipientId && d.channel === channel).sort((a, b) => a.queuedAt - b.queuedAt || (a.id < b.id ? -1 : 1)).slice(0, limit);
  }
  async patchDeliveries(ids: readonly string[], patch: DeliveryPatch) {
    for (const id of ids) {
      const d = this.deliveries.get(id);
      if (!d) continue;
      d.state = patch.state;
      d.attempts = patch.attempts === 'increment' ? d.attempts + 1 : patch.attempts === 'keep' ? d.attempts : patch.attempts;
      d.nextAt = patch.nextAt;
      if (patch.sentAt !== undefined) d.sentAt = patch.sentAt;
      if (patch.lastError !== undefined) d.lastError = patch.lastError;
      if (patch.failedAt !== undefined) d.failedAt = patch.failedAt;
      if (patch.messageId !== undefined) d.messageId = patch.messageId;
    }
  }
  async sentTimes(recipientId: string, channel: string, since: number) {
    const times = new Set<number>();
    for (const d of this.deliveries.values()) if (d.recipientId === recipientId && d.channel === channel && d.sentAt !== undefined && d.sentAt >= since) times.add(d.sentAt);
    return [...times].sort((a, b) => a - b);
  }
  async stats() {
    const all = [...this.deliveries.values()];
    const failures = all.filter((d) => d.failedAt !== undefined).sort((a, b) => b.failedAt! - a.failedAt!);
    const last = failures[0];
    return {
      queued: all.filter((d) => d.state === 'pending' || d.state === 'failed').length + [...this.events.values()].filter((e) => !e.planned).length,
      dead: all.filter((d) => d.state === 'dead').length,
      ...(last ? { lastFailure: { at: last.failedAt!, reason: last.lastError ?? '' } } : {}),
    };
  }
  async deliveriesOf(incidentId: string) {
    return structuredClone([...this.deliveries.values()].filter((d) => d.event.incidentId === incidentId)).map(({ failedAt: _, ...d }) => d);
  }
  async deadDeliveries(limit: number) {
    const dead = [...this.deliveries.values()].filter((d) => d.state === 'dead').sort((a, b) => b.nextAt - a.nextAt || (a.id < b.id ? -1 : 1));
    return structuredClone(dead.slice(0, limit)).map(({ failedAt: _, ...d }) => d);
  }
  async report(since = 0) {
    const all = [...this.deliveries.values()].filter((d) => d.event.at >= since);
    const sent = all.filter((d) => d.state === 'sent' && d.sentAt !== undefined);
    const deliveries: Partial<Record<DeliveryState, number>> = {};
    for (const d of all) deliveries[d.state] = (deliveries[d.state] ?? 0) + 1;
    const events = [...this.events.values()].filter((e) => e.event.at >= since);
    return { events: events.length, unplanned: events.filter((e) => !e.planned).length, deliveries, messages: new Set(sent.flatMap((d) => (d.messageId ? [d.messageId] : []))).size, sentDelaysMs: sent.map((d) => d.sentAt! - d.event.at) };
  }
}
