// The alarm store over SQL (PGlite and PostgreSQL): recipients, outbox events, deliveries
// (migration 6). Inserts use ON CONFLICT DO NOTHING on the idempotency keys, so an event or a
// delivery written twice (a retried batch, a replanning after a crash) is stored once.
import type { AlarmChannel, AlarmEvent, Recipient } from '../../src/domain/alarm-model.ts';
import type { AlarmStore, DeliveryRow, DeliveryState } from '../alarms/alarm-store.ts';
import type { SqlClient, SqlQueryable } from './sql-client.ts';

interface DeliveryDbRow {
  id: string;
  state: DeliveryRow['state'];
  attempts: number;
  queued_at: string | number;
  next_at: string | number;
  sent_at: string | number | null;
  last_error: string | null;
  message_id: string | null;
  body: { event: AlarmEvent; flips?: number; recipientId: string; channel: AlarmChannel };
}

const COLUMNS = 'id, state, attempts, queued_at, next_at, sent_at, last_error, message_id, body';

function toDelivery(r: DeliveryDbRow): DeliveryRow {
  return {
    id: r.id,
    eventKey: r.body.event.key,
    recipientId: r.body.recipientId,
    channel: r.body.channel,
    event: r.body.event,
    ...(r.body.flips !== undefined ? { flips: r.body.flips } : {}),
    state: r.state,
    attempts: Number(r.attempts),
    queuedAt: Number(r.queued_at),
    nextAt: Number(r.next_at),
    ...(r.sent_at !== null ? { sentAt: Number(r.sent_at) } : {}),
    ...(r.last_error !== null ? { lastError: r.last_error } : {}),
    ...(r.message_id !== null ? { messageId: r.message_id } : {}),
  };
}

/** Insert events, skipping keys already stored. Runs inside the incident write's transaction. */
export async function insertAlarmEvents(db: SqlQueryable, events: readonly AlarmEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.query(
    `INSERT INTO alarm_event (key, collectivite_id, incident_id, at, body)
     SELECT e->>'key', e->>'collectiviteId', e->>'incidentId', (e->>'at')::bigint, e FROM jsonb_array_elements($1::jsonb) AS e
     ON CONFLICT (key) DO NOTHING`,
    [JSON.stringify(events)],
  );
}

export function createSqlAlarmStore(db: SqlClient): AlarmStore {
  return {
    async listRecipients() {
      const rows = await db.query<{ body: Recipient }>('SELECT body FROM alarm_recipient ORDER BY id');
      return rows.map((r) => r.body);
    },
    async saveRecipient(recipient) {
      await db.query(
        `INSERT INTO alarm_recipient (id, collectivite_id, body) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (id) DO UPDATE SET collectivite_id = excluded.collectivite_id, body = excluded.body`,
        [recipient.id, recipient.collectiviteId ?? null, JSON.stringify(recipient)],
      );
    },
    async removeRecipient(id) {
      const rows = await db.query('DELETE FROM alarm_recipient WHERE id = $1 RETURNING id', [id]);
      return rows.length > 0;
    },
    appendEvents: (events) => insertAlarmEvents(db, events),
    async unplannedEvents(limit) {
      const rows = await db.query<{ body: AlarmEvent }>('SELECT body FROM alarm_event WHERE NOT planned ORDER BY at, key LIMIT $1', [limit]);
      return rows.map((r) => r.body);
    },
    async plan(eventKeys, deliveries) {
      await db.transaction(async (tx) => {
        if (deliveries.length > 0) {
          const rows = deliveries.map((d) => ({
            id: d.id,
            incidentId: d.event.incidentId ?? null,
            recipientId: d.recipientId,
            channel: d.channel,
            state: d.state,
            attempts: d.attempts,
            queuedAt: d.queuedAt,
            nextAt: d.nextAt,
            lastError: d.lastError ?? null,
            body: { event: d.event, recipientId: d.recipientId, channel: d.channel, ...(d.flips !== undefined ? { flips: d.flips } : {}) },
          }));
          await tx.query(
            `INSERT INTO alarm_delivery (id, event_key, incident_id, recipient_id, channel, state, attempts, queued_at, next_at, last_error, body)
             SELECT e->>'id', e->'body'->'event'->>'key', e->>'incidentId', e->>'recipientId', e->>'channel', e->>'state',
                    (e->>'attempts')::int, (e->>'queuedAt')::bigint, (e->>'nextAt')::bigint, e->>'lastError', e->'body'
             FROM jsonb_array_elements($1::jsonb) AS e
             ON CONFLICT (id) DO NOTHING`,
            [JSON.stringify(rows)],
          );
        }
        if (eventKeys.length > 0) await tx.query('UPDATE alarm_event SET planned = true WHERE key = ANY($1::text[])', [eventKeys]);
      });
    },
    async dueDeliveries(before, limit) {
      const rows = await db.query<DeliveryDbRow>(
        `SELECT ${COLUMNS} FROM alarm_delivery WHERE state IN ('pending', 'failed') AND next_at <= $1 ORDER BY next_at, id LIMIT $2`,
        [before, limit],
      );
      return rows.map(toDelivery);
    },
    async updateDeliveries(updates) {
      if (updates.length === 0) return;
      await db.transaction(async (tx) => {
        for (const u of updates) {
          await tx.query(
            `UPDATE alarm_delivery SET state = $2, attempts = $3, next_at = $4, sent_at = COALESCE($5, sent_at),
               last_error = COALESCE($6, last_error), last_failure_at = COALESCE($8, last_failure_at),
               message_id = COALESCE($7, message_id)
             WHERE id = $1`,
            [u.id, u.state, u.attempts, u.nextAt, u.sentAt ?? null, u.lastError ?? null, u.messageId ?? null, u.failedAt ?? null],
          );
        }
      });
    },
    async dueGroups(before) {
      const rows = await db.query<{ recipient_id: string; channel: AlarmChannel; n: string | number; oldest: string | number; retrying: boolean }>(
        `SELECT recipient_id, channel, count(*) AS n, min(queued_at) AS oldest, bool_or(state = 'failed') AS retrying
         FROM alarm_delivery WHERE state IN ('pending', 'failed') AND next_at <= $1 GROUP BY recipient_id, channel ORDER BY min(queued_at), recipient_id, channel`,
        [before],
      );
      return rows.map((r) => ({ recipientId: r.recipient_id, channel: r.channel, count: Number(r.n), oldestQueuedAt: Number(r.oldest), retrying: r.retrying }));
    },
    async groupDue(recipientId, channel, before, limit) {
      const rows = await db.query<DeliveryDbRow>(
        `SELECT ${COLUMNS} FROM alarm_delivery WHERE recipient_id = $1 AND channel = $2 AND state IN ('pending', 'failed') AND next_at <= $3 ORDER BY queued_at, id LIMIT $4`,
        [recipientId, channel, before, limit],
      );
      return rows.map(toDelivery);
    },
    async patchDeliveries(ids, patch) {
      if (ids.length === 0) return;
      const mode = typeof patch.attempts === 'number' ? 'set' : patch.attempts;
      await db.query(
        `UPDATE alarm_delivery SET state = $2,
           attempts = CASE $9::text WHEN 'increment' THEN attempts + 1 WHEN 'keep' THEN attempts ELSE $3::int END, next_at = $4, sent_at = COALESCE($5, sent_at),
           last_error = COALESCE($6, last_error), last_failure_at = COALESCE($7, last_failure_at), message_id = COALESCE($8, message_id)
         WHERE id = ANY($1::text[])`,
        [ids, patch.state, typeof patch.attempts === 'number' ? patch.attempts : 0, patch.nextAt, patch.sentAt ?? null, patch.lastError ?? null, patch.failedAt ?? null, patch.messageId ?? null, mode],
      );
    },
    async sentTimes(recipientId, channel, since) {
      const rows = await db.query<{ sent_at: string | number }>(
        'SELECT DISTINCT sent_at FROM alarm_delivery WHERE recipient_id = $1 AND channel = $2 AND sent_at >= $3 ORDER BY sent_at',
        [recipientId, channel, since],
      );
      return rows.map((r) => Number(r.sent_at));
    },
    async stats() {
      const [counts] = await db.query<{ queued: string | number; dead: string | number }>(
        `SELECT count(*) FILTER (WHERE state IN ('pending', 'failed')) AS queued, count(*) FILTER (WHERE state = 'dead') AS dead FROM alarm_delivery`,
      );
      const [unplanned] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM alarm_event WHERE NOT planned');
      const [failure] = await db.query<{ at: string | number; reason: string }>(
        'SELECT last_failure_at AS at, last_error AS reason FROM alarm_delivery WHERE last_failure_at IS NOT NULL ORDER BY last_failure_at DESC LIMIT 1',
      );
      return {
        queued: Number(counts?.queued ?? 0) + Number(unplanned?.n ?? 0),
        dead: Number(counts?.dead ?? 0),
        ...(failure ? { lastFailure: { at: Number(failure.at), reason: failure.reason } } : {}),
      };
    },
    async deliveriesOf(incidentId) {
      const rows = await db.query<DeliveryDbRow>(`SELECT ${COLUMNS} FROM alarm_delivery WHERE incident_id = $1 ORDER BY queued_at, id LIMIT 500`, [incidentId]);
      return rows.map(toDelivery);
    },
    async deadDeliveries(limit) {
      const rows = await db.query<DeliveryDbRow>(`SELECT ${COLUMNS} FROM alarm_delivery WHERE state = 'dead' ORDER BY next_at DESC, id LIMIT $1`, [limit]);
      return rows.map(toDelivery);
    },
    async report(since = 0) {
      const of = "(body->'event'->>'at')::bigint >= $1";
      const [events] = await db.query<{ n: string | number; unplanned: string | number }>('SELECT count(*) AS n, count(*) FILTER (WHERE NOT planned) AS unplanned FROM alarm_event WHERE at >= $1', [since]);
      const states = await db.query<{ state: DeliveryState; n: string | number }>(`SELECT state, count(*) AS n FROM alarm_delivery WHERE ${of} GROUP BY state`, [since]);
      const [messages] = await db.query<{ n: string | number }>(`SELECT count(DISTINCT message_id) AS n FROM alarm_delivery WHERE state = 'sent' AND ${of}`, [since]);
      const delays = await db.query<{ d: string | number }>(`SELECT sent_at - (body->'event'->>'at')::bigint AS d FROM alarm_delivery WHERE state = 'sent' AND sent_at IS NOT NULL AND ${of}`, [since]);
      return {
        events: Number(events?.n ?? 0),
        unplanned: Number(events?.unplanned ?? 0),
        deliveries: Object.fromEntries(states.map((r) => [r.state, Number(r.n)])),
        messages: Number(messages?.n ?? 0),
        sentDelaysMs: delays.map((r) => Number(r.d)),
      };
    },
  };
}
