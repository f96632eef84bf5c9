// Writing a batch so that one row the database refuses cannot hold back the others: a refused
// batch is halved until the refused rows stand alone, those are handed to `refused` (the dead
// letters) and everything else is written. Any other failure (connection lost, database away) is
// not the rows' fault: the write stops and says which rows are still to be written.
import { StorageRefusedError } from '../ports.ts';

/** A write stopped by a failure that is not the rows' fault; `unwritten` are to be retried. */
export class UnwrittenRows<T> extends Error {
  override readonly name = 'UnwrittenRows';
  constructor(
    override readonly cause: unknown,
    readonly unwritten: T[],
  ) {
    super('storage write stopped', { cause });
  }
}

export interface IsolatingWrite<T> {
  /** Writes rows in one call; throws StorageRefusedError when the database refuses their content. */
  write(rows: T[]): Promise<void>;
  /** Sets a refused row aside; throwing here keeps the row for the next attempt. */
  refused(row: T, error: StorageRefusedError): Promise<void>;
  /** Told the rows that are on disk. */
  written?(rows: T[]): void;
}

/**
 * Writes `batches` in order (each must be all-or-nothing, or idempotent when retried). Resolves
 * once every row is written or set aside; rejects with UnwrittenRows otherwise.
 */
export async function writeIsolating<T>(batches: T[][], how: IsolatingWrite<T>): Promise<void> {
  const stack = batches.filter((b) => b.length > 0).reverse();
  while (stack.length > 0) {
    const part = stack.pop()!;
    try {
      await how.write(part);
      how.written?.(part);
    } catch (error) {
      if (!(error instanceof StorageRefusedError)) throw new UnwrittenRows(error, [part, ...stack.reverse()].flat());
      if (part.length > 1) {
        const middle = part.length >> 1;
        stack.push(part.slice(middle), part.slice(0, middle));
        continue;
      }
      try {
        await how.refused(part[0]!, error);
      } catch (cause) {
        throw new UnwrittenRows(cause, [part, ...stack.reverse()].flat());
      }
    }
  }
}
