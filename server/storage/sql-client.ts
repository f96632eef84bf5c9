// The little SQL surface the storage needs, so one implementation of every query runs on both the
// embedded PGlite and a real PostgreSQL pool. Rows come back as plain objects; callers convert
// int8 columns with Number() since pg gives strings and PGlite numbers.
export interface SqlQueryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface SqlClient extends SqlQueryable {
  readonly kind: 'pglite' | 'postgres';
  /** Several statements, no parameters (migrations). */
  exec(sql: string): Promise<void>;
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
