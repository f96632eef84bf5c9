// The one schema of Vigie, as numbered migrations applied in order by both backends. Never edit a
// migration that has shipped: add the next number. Instants are epoch milliseconds in bigint.
import type { SqlClient } from './sql-client.ts';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'supervision history',
    sql: `
      -- The estate is replaced wholesale at each source snapshot and held in memory by the gateway.
      CREATE TABLE estate (
        id smallint PRIMARY KEY CHECK (id = 1),
        body jsonb NOT NULL,
        saved_at bigint NOT NULL
      );
      CREATE TABLE probe_status (
        probe_id text PRIMARY KEY,
        body jsonb NOT NULL
      );
      -- Append-only history; seq breaks ties between changes of one probe at the same instant.
      CREATE TABLE state_change (
        seq bigserial PRIMARY KEY,
        probe_id text NOT NULL,
        at bigint NOT NULL,
        state text NOT NULL,
        in_downtime boolean NOT NULL
      );
      CREATE INDEX state_change_probe_at ON state_change (probe_id, at, seq);
      CREATE INDEX state_change_at ON state_change (at);
      CREATE TABLE incident (
        id text PRIMARY KEY,
        collectivite_id text NOT NULL,
        probe_id text NOT NULL,
        status text NOT NULL,
        opened_at bigint NOT NULL,
        resolved_at bigint,
        body jsonb NOT NULL
      );
      CREATE INDEX incident_collectivite_opened ON incident (collectivite_id, opened_at);
      CREATE INDEX incident_opened ON incident (opened_at);
      CREATE INDEX incident_active ON incident (status) WHERE status IN ('open', 'acknowledged', 'in-progress');
      CREATE TABLE operator_action (
        seq bigserial PRIMARY KEY,
        incident_id text NOT NULL,
        at bigint NOT NULL,
        by_login text NOT NULL,
        action text NOT NULL,
        comment text
      );
      CREATE INDEX operator_action_incident ON operator_action (incident_id, at);
    `,
  },
  {
    version: 2,
    name: 'accounts and settings',
    sql: `
      CREATE TABLE account (
        login text PRIMARY KEY,
        role text NOT NULL CHECK (role IN ('support', 'referent')),
        collectivite_id text,
        display_name text,
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        last_login_at bigint,
        CHECK (role <> 'referent' OR collectivite_id IS NOT NULL)
      );
      -- Gateway secrets (session signing key, kiosk token) and other small settings.
      CREATE TABLE setting (
        key text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'dead letters',
    sql: `
      -- Rows the database refused (see docs/storage.md): set aside with the reason so they block
      -- nothing behind them. body is JSON as text, since jsonb cannot hold an escaped NUL.
      CREATE TABLE dead_letter (
        seq bigserial PRIMARY KEY,
        at bigint NOT NULL,
        kind text NOT NULL,
        row_key text NOT NULL,
        reason text NOT NULL,
        body text NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'login attempts, ended sessions, login versions',
    sql: `
      -- Login attempts not forgiven yet (failed, or being checked): one row per key (login, address).
      CREATE SEQUENCE login_attempt_id;
      CREATE TABLE login_attempt (
        attempt bigint NOT NULL,
        key text NOT NULL,
        at bigint NOT NULL,
        PRIMARY KEY (attempt, key)
      );
      CREATE INDEX login_attempt_key_at ON login_attempt (key, at);
      CREATE INDEX login_attempt_at ON login_attempt (at);
      -- Sessions ended by a logout, until their token expires.
      CREATE TABLE denied_session (
        id text PRIMARY KEY,
        expires_at bigint NOT NULL
      );
      -- Highest version of each removed login, so adding it again never revives its old tokens.
      CREATE TABLE login_version (
        login text PRIMARY KEY,
        version integer NOT NULL
      );
    `,
  },
  {
    version: 5,
    name: 'maintenance windows',
    sql: `
      -- Declared maintenance (docs/maintenance.md): one row per window, rewritten when it is edited,
      -- ended early or cancelled; body is the whole window (MaintenanceWindow) as jsonb.
      CREATE TABLE maintenance_window (
        id text PRIMARY KEY,
        collectivite_id text NOT NULL,
        start_at bigint NOT NULL,
        end_at bigint NOT NULL,
        body jsonb NOT NULL
      );
      CREATE INDEX maintenance_window_collectivite_start ON maintenance_window (collectivite_id, start_at);
      CREATE INDEX maintenance_window_end ON maintenance_window (end_at);
    `,
  },
  {
    version: 6,
    name: 'alarm recipients, outbox events, deliveries',
    sql: `
      -- Who receives alarms (docs/alarms.md): the Recipient as JSON, its collectivité for scoping.
      CREATE TABLE alarm_recipient (
        id text PRIMARY KEY,
        collectivite_id text,
        body jsonb NOT NULL
      );
      -- The outbox: alarm events written in the same transaction as the incident change that
      -- caused them; key is the idempotency key (same fact, same key, stored once).
      CREATE TABLE alarm_event (
        key text PRIMARY KEY,
        collectivite_id text NOT NULL,
        incident_id text,
        at bigint NOT NULL,
        body jsonb NOT NULL,
        planned boolean NOT NULL DEFAULT false
      );
      CREATE INDEX alarm_event_unplanned ON alarm_event (at) WHERE NOT planned;
      -- One row per event, recipient and channel; id = event key|recipient|channel.
      CREATE TABLE alarm_delivery (
        id text PRIMARY KEY,
        event_key text NOT NULL,
        incident_id text,
        recipient_id text NOT NULL,
        channel text NOT NULL,
        state text NOT NULL,
        attempts integer NOT NULL DEFAULT 0,
        queued_at bigint NOT NULL,
        next_at bigint NOT NULL,
        sent_at bigint,
        last_error text,
        last_failure_at bigint,
        message_id text,
        body jsonb NOT NULL
      );
      CREATE INDEX alarm_delivery_due ON alarm_delivery (next_at) WHERE state IN ('pending', 'failed');
      CREATE INDEX alarm_delivery_sent ON alarm_delivery (recipient_id, channel, sent_at) WHERE sent_at IS NOT NULL;
      CREATE INDEX alarm_delivery_incident ON alarm_delivery (incident_id);
    `,
  },
  {
    version: 7,
    name: 'daily and monthly availability roll-ups',
    sql: `
      -- Covered milliseconds per probe and local day (grain 1), month (2) or year (3), as the domain
      -- counts them from state_change (docs/storage.md). Only what is not plain "up all covered
      -- time" is written: a missing day, month or year after the probe's first day was up all along.
      CREATE TABLE availability_rollup (
        grain smallint NOT NULL,
        start bigint NOT NULL,
        probe_id text NOT NULL,
        up_ms bigint NOT NULL,
        down_ms bigint NOT NULL,
        maintenance_ms bigint NOT NULL,
        covered_ms bigint NOT NULL,
        PRIMARY KEY (grain, start, probe_id)
      );
      CREATE INDEX availability_rollup_probe_start ON availability_rollup (probe_id, grain, start);
      -- The local day of each probe's first stored change: before it, the probe was unmeasured.
      CREATE TABLE availability_rollup_probe (
        probe_id text PRIMARY KEY,
        first_day bigint NOT NULL
      );
      -- How far the roll-up goes (local day start not rolled yet) and for which calendar.
      CREATE TABLE availability_rollup_state (
        id smallint PRIMARY KEY CHECK (id = 1),
        through bigint NOT NULL,
        -- Changes dated before this mark their probe (>= through while a step is being rolled).
        marks_below bigint NOT NULL,
        fingerprint text NOT NULL
      );
      -- Probes whose history changed below 'through' after it was rolled (an engine replaying the
      -- past): from when, and a mark so a recompute only clears what it has seen.
      CREATE TABLE availability_rollup_dirty (
        probe_id text PRIMARY KEY,
        from_at bigint NOT NULL,
        marks integer NOT NULL DEFAULT 1
      );
    `,
  },
  {
    version: 8,
    name: 'managed IT conventions, actions, assistance tickets',
    sql: `
      -- Managed IT (docs/managed-it.md): each row holds the whole record as jsonb, with the
      -- collectivité and instants as columns for the queries.
      CREATE TABLE managed_it_convention (
        id text PRIMARY KEY,
        collectivite_id text NOT NULL,
        start_at bigint NOT NULL,
        body jsonb NOT NULL
      );
      CREATE INDEX managed_it_convention_collectivite ON managed_it_convention (collectivite_id, start_at);
      CREATE TABLE managed_it_action (
        id text PRIMARY KEY,
        collectivite_id text NOT NULL,
        convention_id text NOT NULL,
        at bigint NOT NULL,
        body jsonb NOT NULL
      );
      CREATE INDEX managed_it_action_collectivite_at ON managed_it_action (collectivite_id, at);
      CREATE INDEX managed_it_action_convention ON managed_it_action (convention_id);
      CREATE TABLE assistance_ticket (
        id text PRIMARY KEY,
        collectivite_id text NOT NULL,
        created_at bigint NOT NULL,
        body jsonb NOT NULL
      );
      CREATE INDEX assistance_ticket_collectivite ON assistance_ticket (collectivite_id, created_at);
    `,
  },
  {
    version: 9,
    name: 'incident root cause link',
    sql: `
      -- A dependent incident's root cause (domain/incident-cause.ts), also in the body: columns so
      -- the incident lists can show one row per cause and fetch a cause's attached incidents.
      ALTER TABLE incident ADD COLUMN cause_id text;
      ALTER TABLE incident ADD COLUMN cause_collectivite_id text;
      UPDATE incident SET cause_id = body->'cause'->>'incidentId', cause_collectivite_id = body->'cause'->>'collectiviteId'
        WHERE body ? 'cause';
      CREATE INDEX incident_cause ON incident (cause_id) WHERE cause_id IS NOT NULL;
    `,
  },
];

/** Lock id for pg_advisory_xact_lock, so two gateways starting together migrate once. */
const MIGRATION_LOCK = 0x76696769;

/** Apply the migrations not yet recorded in schema_migrations, each in its own transaction. */
export async function migrate(client: SqlClient, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  await client.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await client.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      const rows = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (rows.length > 0) return false;
      // Statements of a migration run one by one: the extended protocol takes one at a time.
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** Split on semicolons ending a line; migrations hold no semicolons inside literals. */
export function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
