// Which database errors are the rows' fault. PostgreSQL (and PGlite, the same engine) answer with
// an SQLSTATE: class 22 (data exception: NUL in text, bad JSON escape…), 23 (integrity constraint)
// and 54 (program limit, e.g. a value too large) mean this data can never be written, so retrying
// would block everything behind it. Anything else — a lost connection, a shutdown, a bug in a
// statement — is worth retrying and says nothing against the rows.
import { StorageRefusedError } from '../ports.ts';

const REFUSING_CLASSES = new Set(['22', '23', '54']);

/** The error as a StorageRefusedError when the database refused the data itself; otherwise unchanged. */
export function asRefusal(error: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code) || !REFUSING_CLASSES.has(code.slice(0, 2))) return error;
  return new StorageRefusedError(`${code} ${(error as Error).message}`, { cause: error });
}

/** Runs a write, turning the database's refusals of its data into StorageRefusedError. */
export async function refusing<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw asRefusal(error);
  }
}
