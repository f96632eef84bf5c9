// SqlClient over a node-postgres pool, used when DATABASE_URL points at a real PostgreSQL.
import pg from 'pg';
import type { SqlClient } from './sql-client.ts';

export async function openPgClient(databaseUrl: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 5 });
  // Idle clients can lose their server (restart): log instead of crashing the gateway.
  pool.on('error', (error) => console.error('storage: idle PostgreSQL client error:', error.message));
  const probe = await pool.connect();
  probe.release();
  return {
    kind: 'postgres',
    async query<T>(sql: string, params?: unknown[]) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async exec(sql) {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({
          async query<T>(sql: string, params?: unknown[]) {
            return (await client.query(sql, params)).rows as T[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
