// What sessions keep in the database besides accounts: login attempts not forgiven yet (the rate
// limit, counted before the password check) and sessions ended by a logout. Both outlive a restart.
import type { LoginAttemptStore, SessionDenyList } from '../ports.ts';
import type { SqlClient } from './sql-client.ts';

/** pg_advisory_xact_lock class of the per-key locks that make a reservation atomic across connections. */
const ATTEMPT_LOCK = 0x6c6f67;

export function createSqlLoginAttempts(db: SqlClient): LoginAttemptStore {
  return {
    reserveAttempt(keys, since, at, admit) {
      return db.transaction(async (tx) => {
        // Sorted, so two reservations sharing keys always lock them in the same order.
        for (const key of [...new Set(keys)].sort()) await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [ATTEMPT_LOCK, key]);
        const rows = await tx.query<{ key: string; at: string | number }>(
          'SELECT key, at FROM login_attempt WHERE key = ANY($1::text[]) AND at > $2 ORDER BY at, attempt',
          [keys, since],
        );
        if (!admit(keys.map((key) => rows.filter((r) => r.key === key).map((r) => Number(r.at))))) return undefined;
        const [row] = await tx.query<{ attempt: string | number }>(
          `WITH id AS (SELECT nextval('login_attempt_id') AS attempt)
           INSERT INTO login_attempt (attempt, key, at) SELECT id.attempt, k, $2 FROM id, unnest($1::text[]) AS k RETURNING attempt`,
          [[...new Set(keys)], at],
        );
        return row && String(row.attempt);
      });
    },
    async releaseAttempt(id) {
      await db.query('DELETE FROM login_attempt WHERE attempt = $1', [id]);
    },
    async clearAttempts(key) {
      await db.query('DELETE FROM login_attempt WHERE key = $1', [key]);
    },
    async pruneAttempts(before) {
      await db.query('DELETE FROM login_attempt WHERE at <= $1', [before]);
    },
  };
}

export function createSqlSessionDenyList(db: SqlClient): SessionDenyList {
  return {
    async denySession(id, expiresAt) {
      await db.query('INSERT INTO denied_session (id, expires_at) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, expiresAt]);
    },
    async deniedSessions(now) {
      await db.query('DELETE FROM denied_session WHERE expires_at <= $1', [now]);
      const rows = await db.query<{ id: string; expires_at: string | number }>('SELECT id, expires_at FROM denied_session');
      return new Map(rows.map((r) => [r.id, Number(r.expires_at)]));
    },
  };
}
