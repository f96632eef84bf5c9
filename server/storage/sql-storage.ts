// The Storage port over any SqlClient: estate, current statuses, state-change history, incidents
// and operator actions. Writes are batched into a few multi-row statements (unnest / jsonb arrays)
// because the simulator can emit thousands of changes per second. A write the database refuses for
// its data throws StorageRefusedError (sql-errors.ts), so the caller can set the rows aside.
import { withVersion } from '../../src/domain/incident-version.ts';
import type { Incident, ProbeStatus } from '../../src/domain/model.ts';
import type { AlarmEvent } from '../../src/domain/alarm-model.ts';
import type { Estate } from '../../src/protocol/schemas.ts';
import type { IncidentQuery, OperatorActionRow, StateChangeRow, Storage } from '../ports.ts';
import { createSqlAccountStore } from './sql-accounts.ts';
import { createSqlDeadLetters } from './sql-dead-letters.ts';
import { createSqlMaintenanceStore } from './sql-maintenance.ts';
import { createSqlManagedItStore } from './sql-managed-it.ts';
import { createSqlAlarmStore, insertAlarmEvents } from './sql-alarms.ts';
import { createSqlRollupStore } from './sql-rollups.ts';
import { refusing } from './sql-errors.ts';
import { migrate } from './migrations.ts';
import type { SqlClient, SqlQueryable } from './sql-client.ts';

/**
 * Rows per statement: large enough to amortise round trips, small enough that one statement keeps
 * the embedded database (PGlite runs on the gateway's thread) busy for a few tens of ms, not
 * hundreds — a storm's 10,000 incidents are written in slices the live stream runs between.
 */
const STATE_CHANGE_CHUNK = 1_000;
const JSON_CHUNK = 500;
const INCIDENT_CHUNK = 200;

/** `items` in slices of `size`, the event loop let run between two (a timer, a socket write). */
async function* chunks<T>(items: readonly T[], size: number): AsyncGenerator<T[]> {
  for (let i = 0; i < items.length; i += size) {
    if (i > 0) await new Promise<void>((resolve) => setImmediate(resolve));
    yield items.slice(i, i + size);
  }
}

/** Keep the last item per key, in order of last appearance: one upsert per row per statement. */
function lastPerKey<T>(items: readonly T[], key: (item: T) => string): T[] {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const k = key(item);
    byKey.delete(k);
    byKey.set(k, item);
  }
  return [...byKey.values()];
}

/** An incident row's body: rows written before incidents had versions lack one (withVersion fills it in). */
type StoredIncident = Parameters<typeof withVersion>[0];

interface StateChangeDbRow {
  probe_id: string;
  at: string | number;
  state: StateChangeRow['state'];
  in_downtime: boolean;
}

const toStateChange = (r: StateChangeDbRow): StateChangeRow => ({
  probeId: r.probe_id,
  at: Number(r.at),
  state: r.state,
  inDowntime: r.in_downtime,
});

async function insertStateChanges(db: SqlQueryable, rows: readonly StateChangeRow[]): Promise<void> {
  for await (const part of chunks(rows, STATE_CHANGE_CHUNK)) {
    // One statement: a change dated before the availability roll-up's frontier marks its probe for
    // a recompute (docs/storage.md), atomically with the insert.
    await db.query(
      `WITH added AS (
         INSERT INTO state_change (probe_id, at, state, in_downtime)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::boolean[])
         RETURNING probe_id, at
       )
       INSERT INTO availability_rollup_dirty (probe_id, from_at)
       SELECT probe_id, min(at) FROM added
       WHERE at < (SELECT coalesce(max(marks_below), 0) FROM availability_rollup_state)
       GROUP BY probe_id
       ON CONFLICT (probe_id) DO UPDATE SET from_at = least(availability_rollup_dirty.from_at, excluded.from_at),
         marks = availability_rollup_dirty.marks + 1`,
      [part.map((r) => r.probeId), part.map((r) => r.at), part.map((r) => r.state), part.map((r) => r.inDowntime)],
    );
  }
}

async function upsertStatuses(db: SqlQueryable, statuses: readonly ProbeStatus[]): Promise<void> {
  for await (const part of chunks(lastPerKey(statuses, (s) => s.probeId), JSON_CHUNK)) {
    await db.query(
      `INSERT INTO probe_status (probe_id, body)
       SELECT e->>'probeId', e FROM jsonb_array_elements($1::jsonb) AS e
       ON CONFLICT (probe_id) DO UPDATE SET body = excluded.body`,
      [JSON.stringify(part)],
    );
  }
}

async function upsertIncidents(db: SqlQueryable, incidents: readonly Incident[]): Promise<void> {
  for await (const part of chunks(lastPerKey(incidents, (i) => i.id), INCIDENT_CHUNK)) {
    await db.query(
      `INSERT INTO incident (id, collectivite_id, probe_id, status, opened_at, resolved_at, cause_id, cause_collectivite_id, body)
       SELECT e->>'id', e->>'collectiviteId', e->>'probeId', e->>'status', (e->>'openedAt')::bigint,
              COALESCE(e->>'resolvedAt', e->>'closedAt')::bigint, e->'cause'->>'incidentId', e->'cause'->>'collectiviteId', e
       FROM jsonb_array_elements($1::jsonb) AS e
       ON CONFLICT (id) DO UPDATE SET collectivite_id = excluded.collectivite_id, probe_id = excluded.probe_id,
         status = excluded.status, opened_at = excluded.opened_at, resolved_at = excluded.resolved_at,
         cause_id = excluded.cause_id, cause_collectivite_id = excluded.cause_collectivite_id, body = excluded.body`,
      [JSON.stringify(part)],
    );
  }
}

/** Distinct probe ids through the (probe_id, at) index: a loose index scan, not a full scan. */
const ALL_PROBES = `WITH RECURSIVE p(probe_id) AS (
    (SELECT probe_id FROM state_change ORDER BY probe_id LIMIT 1)
    UNION ALL
    SELECT (SELECT s.probe_id FROM state_change s WHERE s.probe_id > p.probe_id ORDER BY s.probe_id LIMIT 1)
    FROM p WHERE p.probe_id IS NOT NULL
  ) SELECT probe_id FROM p WHERE probe_id IS NOT NULL`;

function incidentWhere(query: IncidentQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  if (query.collectiviteId !== undefined) clauses.push(`collectivite_id = ${param(query.collectiviteId)}`);
  // No site column: the body's siteId, read within the collectivité's rows (its index narrows them).
  if (query.siteId !== undefined) clauses.push(`body->>'siteId' = ${param(query.siteId)}`);
  if (query.activeOnly) clauses.push(`status IN ('open', 'acknowledged', 'in-progress')`);
  if (query.endedOnly) clauses.push(`status IN ('resolved', 'closed')`);
  if (query.status !== undefined) clauses.push(`status = ${param(query.status)}`);
  if (query.causeId !== undefined) clauses.push(`cause_id = ${param(query.causeId)}`);
  // One row per cause: a dependent is listed under its cause, unless the cause is outside the list's
  // collectivité (an area cut seen from one of its collectivités).
  if (query.topLevel) clauses.push(query.collectiviteId !== undefined ? `(cause_id IS NULL OR cause_collectivite_id IS DISTINCT FROM collectivite_id)` : `cause_id IS NULL`);
  if (query.excludeIds?.length) clauses.push(`id <> ALL(${param(query.excludeIds)}::text[])`);
  // Period filter = overlap: opened before the end, not resolved before the start.
  if (query.to !== undefined) clauses.push(`opened_at < ${param(query.to)}`);
  if (query.from !== undefined) clauses.push(`(resolved_at IS NULL OR resolved_at >= ${param(query.from)})`);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

export function createSqlStorage(db: SqlClient): Storage {
  return {
    async migrate() {
      await migrate(db);
    },
    close: () => db.close(),

    async saveEstate(estate: Estate) {
      await refusing(() =>
        db.query(
          `INSERT INTO estate (id, body, saved_at) VALUES (1, $1::jsonb, $2)
           ON CONFLICT (id) DO UPDATE SET body = excluded.body, saved_at = excluded.saved_at`,
          [JSON.stringify(estate), Date.now()],
        ),
      );
    },
    async loadEstate() {
      const rows = await db.query<{ body: Estate }>('SELECT body FROM estate WHERE id = 1');
      return rows[0]?.body;
    },

    saveStatuses: (statuses: ProbeStatus[]) => refusing(() => upsertStatuses(db, statuses)),
    async loadStatuses() {
      const rows = await db.query<{ body: ProbeStatus }>('SELECT body FROM probe_status ORDER BY probe_id');
      return rows.map((r) => r.body);
    },

    async appendStateChanges(rows: StateChangeRow[]) {
      if (rows.length === 0) return;
      if (rows.length <= STATE_CHANGE_CHUNK) return refusing(() => insertStateChanges(db, rows));
      await refusing(() => db.transaction((tx) => insertStateChanges(tx, rows)));
    },
    async loadStateChanges(from, to, probeIds) {
      const probes = probeIds ? 'SELECT unnest($3::text[]) AS probe_id' : ALL_PROBES;
      const params: unknown[] = probeIds ? [from, to, probeIds] : [from, to];
      // Both parts per probe through the (probe_id, at, seq) index, so a read of a few probes costs
      // their rows only. A join allowed a plan that scans the whole period by `at` and sorts it
      // (1.7 M rows, 3 s, per 2,000-probe chunk of a yearly report; see docs/benchmarks.md).
      const rows = await db.query<StateChangeDbRow>(
        `WITH probes AS (${probes})
         SELECT c.probe_id, c.at, c.state, c.in_downtime FROM probes p CROSS JOIN LATERAL (
           (SELECT s.probe_id, s.at, s.state, s.in_downtime, s.seq FROM state_change s
            WHERE s.probe_id = p.probe_id AND s.at < $1 ORDER BY s.at DESC, s.seq DESC LIMIT 1)
           UNION ALL
           SELECT s.probe_id, s.at, s.state, s.in_downtime, s.seq FROM state_change s
           WHERE s.probe_id = p.probe_id AND s.at >= $1 AND s.at < $2
         ) c ORDER BY c.probe_id, c.at, c.seq`,
        params,
      );
      return rows.map(toStateChange);
    },

    saveIncidents: (incidents: Incident[], alarms: readonly AlarmEvent[] = []) =>
      refusing(() =>
        alarms.length === 0
          ? upsertIncidents(db, incidents)
          : db.transaction(async (tx) => {
              await upsertIncidents(tx, incidents);
              await insertAlarmEvents(tx, alarms);
            }),
      ),
    async loadIncidents(query) {
      const { where, params } = incidentWhere(query);
      const page = [
        query.limit !== undefined ? `LIMIT ${Math.max(0, Math.floor(query.limit))}` : '',
        query.offset ? `OFFSET ${Math.max(0, Math.floor(query.offset))}` : '',
      ].join(' ');
      // One text value rather than a row per incident: a year of an estate is ~40,000 incidents,
      // and PGlite's cost is per row returned (sql-rollups.ts, docs/benchmarks.md).
      // Sorted once: by the aggregate, and inside only when a page is cut from the sorted list.
      const listed = page.trim() ? `(SELECT body, opened_at, id FROM incident ${where} ORDER BY opened_at DESC, id ${page}) AS listed` : `incident ${where}`;
      const [row] = await db.query<{ bodies: string | null }>(`SELECT '[' || string_agg(body::text, ',' ORDER BY opened_at DESC, id) || ']' AS bodies FROM ${listed}`, params);
      return row?.bodies ? (JSON.parse(row.bodies) as StoredIncident[]).map(withVersion) : [];
    },
    async countIncidents(query) {
      const { where, params } = incidentWhere(query);
      const [row] = await db.query<{ n: string | number }>(`SELECT count(*) AS n FROM incident ${where}`, params);
      return Number(row?.n ?? 0);
    },
    async loadIncident(id: string) {
      const rows = await db.query<{ body: StoredIncident }>('SELECT body FROM incident WHERE id = $1', [id]);
      return rows[0] && withVersion(rows[0].body);
    },

    async appendOperatorAction(row: OperatorActionRow) {
      await refusing(() =>
        db.query('INSERT INTO operator_action (incident_id, at, by_login, action, comment) VALUES ($1, $2, $3, $4, $5)', [
          row.incidentId,
          row.at,
          row.by,
          row.action,
          row.comment ?? null,
        ]),
      );
    },

    ...createSqlDeadLetters(db),
    accounts: createSqlAccountStore(db),
    maintenance: createSqlMaintenanceStore(db),
    managedIt: createSqlManagedItStore(db),
    alarms: createSqlAlarmStore(db),
    rollups: createSqlRollupStore(db, ALL_PROBES),
  };
}
