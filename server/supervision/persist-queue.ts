// Writes the supervision's changes to storage in batches (the owner calls flush on a timer), not per
// event: a storm of status changes costs a few statements, not thousands. Flushes never overlap. A
// write the database cannot make for lack of connection keeps its rows for the next attempt; a row
// it refuses for what it holds goes to the dead letters (isolating-write.ts) and blocks nothing. An
// operator's action is confirmed only once its own rows are on disk (confirm).
import type { Incident, ProbeStatus } from '../../src/domain/model.ts';
import type { AlarmEvent } from '../../src/domain/alarm-model.ts';
import { cleanEngineText } from '../../src/protocol/text.ts';
import { StorageUnavailableError, type DeadLetterRow, type OperatorActionRow, type StateChangeRow, type Storage, type StorageRefusedError } from '../ports.ts';
import { UnwrittenRows, writeIsolating } from './isolating-write.ts';

type Writes = Pick<Storage, 'saveStatuses' | 'appendStateChanges' | 'saveIncidents' | 'appendOperatorAction' | 'saveDeadLetter'>;

/** Waits for a set of rows: resolves once all are written, rejects as soon as one is refused. */
class Ticket {
  settled = false;
  readonly done: Promise<void>;
  private left: number;
  private resolve!: () => void;
  private reject!: (error: Error) => void;
  constructor(rows: number) {
    this.left = rows;
    this.done = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    this.done.catch(() => undefined); // the waiter reads it after the flush; never an unhandled rejection
  }
  written(): void {
    if (this.settled || --this.left > 0) return;
    this.settled = true;
    this.resolve();
  }
  refused(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }
}

interface Queued<T> {
  row: T;
  tickets: Ticket[];
  /** Alarm events this incident's changes caused: written in the same transaction as the row. */
  alarms?: AlarmEvent[];
}

export interface PersistQueueOptions {
  /** A write failed for lack of storage (rows kept, retried at the next flush). */
  onError?: (error: unknown) => void;
  /** A row was refused and set aside. */
  onDeadLetter?: (letter: DeadLetterRow) => void;
  /** Wall clock of the dead letters. */
  now?: () => number;
}

export class PersistQueue {
  private statuses = new Map<string, ProbeStatus>();
  private stateChanges: StateChangeRow[] = [];
  private incidents = new Map<string, Queued<Incident>>();
  private actions: Queued<OperatorActionRow>[] = [];
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: Writes,
    private readonly options: PersistQueueOptions = {},
  ) {}

  get pending(): number {
    return this.statuses.size + this.stateChanges.length + this.incidents.size + this.actions.length;
  }

  status(status: ProbeStatus): void {
    this.statuses.set(status.probeId, status);
  }

  stateChange(row: StateChangeRow): void {
    this.stateChanges.push(row);
  }

  incident(incident: Incident, alarms?: AlarmEvent[]): void {
    this.queueIncident({ row: incident, tickets: [], ...(alarms?.length ? { alarms } : {}) });
  }

  action(row: OperatorActionRow): void {
    this.actions.push({ row, tickets: [] });
  }

  /**
   * Queue an operator's action with its incident and write them now. Resolves once both are on
   * disk; rejects with StorageRefusedError when the database refused either (set aside in the dead
   * letters), or StorageUnavailableError when storage did not answer (still queued).
   */
  async confirm(incident: Incident, action: OperatorActionRow): Promise<void> {
    const ticket = new Ticket(2);
    this.queueIncident({ row: incident, tickets: [ticket] });
    this.actions.push({ row: action, tickets: [ticket] });
    const failure = await this.flush().then(
      () => undefined,
      (error: unknown) => error,
    );
    // Every flush before ours has run too, so our rows were tried: unsettled means storage is away.
    if (!ticket.settled) throw new StorageUnavailableError('storage is not answering: the action is queued, not yet stored', { cause: failure, stored: ticket.done });
    return ticket.done;
  }

  /** Write everything queued so far; resolves once stored or set aside (rejects when storage is away, rows kept). */
  flush(): Promise<void> {
    const run = this.running.catch(() => undefined).then(() => this.write());
    this.running = run;
    return run;
  }

  private queueIncident(queued: Queued<Incident>): void {
    const older = this.incidents.get(queued.row.id);
    // The newer version holds the older one's timeline: writing it satisfies the older one's waiters.
    const alarms = [...(older?.alarms ?? []), ...(queued.alarms ?? [])];
    this.incidents.set(queued.row.id, { row: queued.row, tickets: [...(older?.tickets ?? []), ...queued.tickets], ...(alarms.length ? { alarms } : {}) });
  }

  private async write(): Promise<void> {
    if (this.pending === 0) return;
    const stateChanges = this.stateChanges;
    const incidents = [...this.incidents.values()];
    const actions = this.actions;
    const statuses = [...this.statuses.values()];
    this.statuses = new Map();
    this.stateChanges = [];
    this.incidents = new Map();
    this.actions = [];
    const s = this.storage;
    const settle = <T>(rows: Queued<T>[]) => rows.forEach((q) => q.tickets.forEach((t) => t.written()));
    let step = 0;
    try {
      await writeIsolating([stateChanges], {
        write: (rows) => s.appendStateChanges(rows),
        refused: (row, error) => this.deadLetter('state-change', `${row.probeId}@${row.at}`, row, error),
      });
      step = 1;
      await writeIsolating([incidents], {
        write: (rows) => s.saveIncidents(rows.map((q) => q.row), rows.flatMap((q) => q.alarms ?? [])),
        written: settle,
        refused: (q, error) => this.deadLetter('incident', q.row.id, q.row, error, q.tickets),
      });
      step = 2;
      // One row per call: appends are not idempotent, so a batch is never retried in halves.
      await writeIsolating(
        actions.map((q) => [q]),
        {
          write: ([q]) => s.appendOperatorAction(q!.row),
          written: settle,
          refused: (q, error) => this.deadLetter('operator-action', `${q.row.incidentId}@${q.row.at}`, q.row, error, q.tickets),
        },
      );
      step = 3;
      await writeIsolating([statuses], {
        write: (rows) => s.saveStatuses(rows),
        refused: (row, error) => this.deadLetter('probe-status', row.probeId, row, error),
      });
    } catch (error) {
      const left = error instanceof UnwrittenRows ? (error.unwritten as never[]) : [];
      const pick = <T>(at: number, all: T[]): T[] => (step === at ? left : step < at ? all : []);
      this.requeue(pick(0, stateChanges), pick(1, incidents), pick(2, actions), pick(3, statuses));
      const cause = error instanceof UnwrittenRows ? error.cause : error;
      this.options.onError?.(cause);
      throw cause;
    }
  }

  private async deadLetter(kind: DeadLetterRow['kind'], key: string, row: unknown, error: StorageRefusedError, tickets: Ticket[] = []): Promise<void> {
    // The key and reason may quote the very text that was refused: stored repaired.
    const letter: DeadLetterRow = { at: (this.options.now ?? Date.now)(), kind, key: cleanEngineText(key, 300), reason: cleanEngineText(error.message, 1_000), row };
    await this.storage.saveDeadLetter(letter);
    for (const ticket of tickets) ticket.refused(error);
    this.options.onDeadLetter?.(letter);
  }

  /** Put back what was not written, under anything queued meanwhile (newer wins, waiters carried over). */
  private requeue(stateChanges: StateChangeRow[], incidents: Queued<Incident>[], actions: Queued<OperatorActionRow>[], statuses: ProbeStatus[]): void {
    this.stateChanges = [...stateChanges, ...this.stateChanges];
    for (const q of incidents) {
      const newer = this.incidents.get(q.row.id);
      if (newer) {
        newer.tickets.unshift(...q.tickets);
        if (q.alarms) newer.alarms = [...q.alarms, ...(newer.alarms ?? [])];
      }
      else this.incidents.set(q.row.id, q);
    }
    this.actions = [...actions, ...this.actions];
    for (const status of statuses) if (!this.statuses.has(status.probeId)) this.statuses.set(status.probeId, status);
  }
}
