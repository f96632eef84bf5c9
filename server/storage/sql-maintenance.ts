// Maintenance windows over SQL (migration 5): one row per window, the whole window as jsonb, with
// the collectivité and instants as columns for the queries. Text was checked by the API (no NUL,
// no lone surrogate); a row the database still refuses throws StorageRefusedError.
import type { MaintenanceWindow } from '../../src/domain/maintenance.ts';
import type { MaintenanceStore } from '../ports.ts';
import type { SqlQueryable } from './sql-client.ts';
import { refusing } from './sql-errors.ts';

export function createSqlMaintenanceStore(db: SqlQueryable): MaintenanceStore {
  return {
    async saveWindow(window) {
      await refusing(() =>
        db.query(
          `INSERT INTO maintenance_window (id, collectivite_id, start_at, end_at, body) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET collectivite_id = EXCLUDED.collectivite_id, start_at = EXCLUDED.start_at,
             end_at = EXCLUDED.end_at, body = EXCLUDED.body`,
          [window.id, window.collectiviteId, window.start, window.end, JSON.stringify(window)],
        ),
      );
    },
    async loadWindows(query = {}) {
      const rows = query.endsFrom === undefined
        ? await db.query<{ body: MaintenanceWindow }>('SELECT body FROM maintenance_window ORDER BY start_at, id')
        : await db.query<{ body: MaintenanceWindow }>('SELECT body FROM maintenance_window WHERE end_at >= $1 ORDER BY start_at, id', [query.endsFrom]);
      return rows.map((r) => (typeof r.body === 'string' ? (JSON.parse(r.body) as MaintenanceWindow) : r.body));
    },
  };
}
