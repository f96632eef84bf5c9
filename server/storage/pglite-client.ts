// SqlClient over PGlite (PostgreSQL compiled to WASM) with its files in a data folder: the default,
// nothing to install. A lock (data-dir-lock.ts) keeps a second process from opening the same
// folder, which PGlite does not guard against and which would corrupt it. A new database is
// created in a staging folder and moved into place once complete, so a crash during the first
// start (initdb takes seconds) leaves no half-made database behind: the next start begins again.
import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlClient } from './sql-client.ts';
import { acquireDataDirLock } from './data-dir-lock.ts';

export const DATABASE_DIR = 'pglite';
const STAGING_DIR = 'pglite.initialising';

/** Under the lock: make sure `<dataDir>/pglite` holds a complete database. */
async function ensureDatabase(dataDir: string): Promise<string> {
  const databaseDir = join(dataDir, DATABASE_DIR);
  if (existsSync(databaseDir)) return databaseDir;
  const staging = join(dataDir, STAGING_DIR);
  rmSync(staging, { recursive: true, force: true }); // left by a start that died while creating it
  const fresh = await PGlite.create(staging);
  await fresh.close();
  renameSync(staging, databaseDir);
  return databaseDir;
}

export async function openPgliteClient(dataDir: string): Promise<SqlClient> {
  mkdirSync(dataDir, { recursive: true });
  const lock = acquireDataDirLock(dataDir);
  let db: PGlite;
  try {
    db = await PGlite.create(await ensureDatabase(dataDir));
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
