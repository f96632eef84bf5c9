// The dead letters over SQL: rows the database refused, kept with the reason so that support can
// see them (GET /health counts them) and recover them by hand. The row is JSON *text*, not jsonb:
// JSON.stringify escapes NUL and lone surrogates (\u0000, \ud800), which text holds but jsonb does not.
import type { DeadLetterRow, Storage } from '../ports.ts';
import type { SqlQueryable } from './sql-client.ts';

interface DeadLetterDbRow {
  at: string | number;
  kind: DeadLetterRow['kind'];
  row_key: string;
  reason: string;
  body: string;
}

export function createSqlDeadLetters(db: SqlQueryable): Pick<Storage, 'saveDeadLetter' | 'countDeadLetters' | 'loadDeadLetters'> {
  return {
    async saveDeadLetter(letter) {
      await db.query('INSERT INTO dead_letter (at, kind, row_key, reason, body) VALUES ($1, $2, $3, $4, $5)', [
        letter.at,
        letter.kind,
        letter.key,
        letter.reason,
        JSON.stringify(letter.row) ?? 'null',
      ]);
    },
    async countDeadLetters() {
      const [row] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM dead_letter');
      return Number(row?.n ?? 0);
    },
    async loadDeadLetters(limit) {
      const rows = await db.query<DeadLetterDbRow>('SELECT at, kind, row_key, reason, body FROM dead_letter ORDER BY seq DESC LIMIT $1', [Math.max(0, Math.floor(limit))]);
      return rows.map((r) => ({ at: Number(r.at), kind: r.kind, key: r.row_key, reason: r.reason, row: JSON.parse(r.body) as unknown }));
    },
  };
}
