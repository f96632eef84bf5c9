// SqlClient over PGlite (PostgreSQL compiled to WASM) with its files in a data folder: the default,
// nothing to install. A lock file keeps a second process from opening the same folder, which
// PGlite does not guard against and which would corrupt it.
import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlClient } from './sql-client.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';

export async function openPgliteClient(dataDir: string): Promise<SqlClient> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(join(dataDir, 'pglite'));
  } catch (error) {
    lock.release();
    throw error;
  }
  return {
    kind: 'pglite',
    async query<T>(sql: string, params?: unknown[]) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(sql) {
      await db.exec(sql);
    },
    transaction(work) {
      return db.transaction((tx) =>
        work({
          async query<T>(sql: string, params?: unknown[]) {
            return (await tx.query<T>(sql, params)).rows;
          },
        }),
      );
    },
    async close() {
      try {
        await db.close();
      } finally {
        lock.release();
      }
    },
  };
}
