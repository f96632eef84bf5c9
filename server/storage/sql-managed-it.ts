// Managed IT over SQL (migration 8): conventions, actions and assistance tickets, one row each with
// the whole record as jsonb. Text was checked by the API (no NUL, no lone surrogate); a row the
// database still refuses throws StorageRefusedError.
import type { AssistanceTicket, ManagedItActionRecord, ManagedItConvention } from '../../src/domain/managed-it-convention.ts';
import type { ManagedItStore } from '../ports.ts';
import type { SqlQueryable } from './sql-client.ts';
import { refusing } from './sql-errors.ts';

const bodies = <T>(rows: { body: T | string }[]): T[] => rows.map((r) => (typeof r.body === 'string' ? (JSON.parse(r.body) as T) : r.body));

export function createSqlManagedItStore(db: SqlQueryable): ManagedItStore {
  return {
    async saveConvention(c) {
      await refusing(() =>
        db.query(
          `INSERT INTO managed_it_convention (id, collectivite_id, start_at, body) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET collectivite_id = EXCLUDED.collectivite_id, start_at = EXCLUDED.start_at, body = EXCLUDED.body`,
          [c.id, c.collectiviteId, c.start, JSON.stringify(c)],
        ),
      );
    },
    async loadConventions(collectiviteId) {
      const rows = collectiviteId === undefined
        ? await db.query<{ body: ManagedItConvention }>('SELECT body FROM managed_it_convention ORDER BY start_at, id')
        : await db.query<{ body: ManagedItConvention }>('SELECT body FROM managed_it_convention WHERE collectivite_id = $1 ORDER BY start_at, id', [collectiviteId]);
      return bodies(rows);
    },
    async saveAction(a) {
      await refusing(() =>
        db.query(
          `INSERT INTO managed_it_action (id, collectivite_id, convention_id, at, body) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (id) DO UPDATE SET collectivite_id = EXCLUDED.collectivite_id, convention_id = EXCLUDED.convention_id, at = EXCLUDED.at, body = EXCLUDED.body`,
          [a.id, a.collectiviteId, a.conventionId, a.at, JSON.stringify(a)],
        ),
      );
    },
    async loadActions(query) {
      const clauses: string[] = [];
      const params: unknown[] = [];
      if (query.collectiviteId !== undefined) clauses.push(`collectivite_id = $${params.push(query.collectiviteId)}`);
      if (query.from !== undefined) clauses.push(`at >= $${params.push(query.from)}`);
      if (query.to !== undefined) clauses.push(`at < $${params.push(query.to)}`);
      const where = clauses.length ? `WHERE ${clauses.join(' AND ')}` : '';
      return bodies(await db.query<{ body: ManagedItActionRecord }>(`SELECT body FROM managed_it_action ${where} ORDER BY at, id`, params));
    },
    async saveTicket(t) {
      await refusing(() =>
        db.query(
          `INSERT INTO assistance_ticket (id, collectivite_id, created_at, body) VALUES ($1, $2, $3, $4)
           ON CONFLICT (id) DO UPDATE SET collectivite_id = EXCLUDED.collectivite_id, created_at = EXCLUDED.created_at, body = EXCLUDED.body`,
          [t.id, t.collectiviteId, t.createdAt, JSON.stringify(t)],
        ),
      );
    },
    async loadTickets(collectiviteId) {
      const rows = collectiviteId === undefined
        ? await db.query<{ body: AssistanceTicket }>('SELECT body FROM assistance_ticket ORDER BY created_at DESC, id')
        : await db.query<{ body: AssistanceTicket }>('SELECT body FROM assistance_ticket WHERE collectivite_id = $1 ORDER BY created_at DESC, id', [collectiviteId]);
      return bodies(rows);
    },
  };
}
