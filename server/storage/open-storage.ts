// Choose the backend: a real PostgreSQL when a database URL is given, otherwise PGlite with its
// files in the data folder. Both get the same migrations before the storage is handed out.
import type { Storage } from '../ports.ts';
import { openPgClient } from './pg-client.ts';
import { openPgliteClient } from './pglite-client.ts';
import { createSqlStorage } from './sql-storage.ts';
import type { SqlClient } from './sql-client.ts';

export interface StorageOptions {
  /** postgres://… ; when absent the embedded PGlite is used. */
  databaseUrl?: string;
  /** Folder of the embedded database (ignored with databaseUrl). */
  dataDir: string;
}

export async function openSqlClient(options: StorageOptions): Promise<SqlClient> {
  return options.databaseUrl ? openPgClient(options.databaseUrl) : openPgliteClient(options.dataDir);
}

/** Open and migrate. The caller closes it (a clean close releases the embedded data folder). */
export async function openStorage(options: StorageOptions): Promise<Storage> {
  const client = await openSqlClient(options);
  const storage = createSqlStorage(client);
  try {
    await storage.migrate();
  } catch (error) {
    await client.close().catch(() => undefined);
    throw error;
  }
  return storage;
}
