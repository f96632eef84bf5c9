// Writes the supervision's changes to storage in batches (the owner calls flush on a timer), not per event: a
// storm of status changes costs a few statements, not thousands. Flushes never overlap, and a
// failed write keeps its rows for the next attempt so nothing is silently dropped.
import type { Incident, ProbeStatus } from '../../src/domain/model.ts';
import type { OperatorActionRow, StateChangeRow, Storage } from '../ports.ts';

type Writes = Pick<Storage, 'saveStatuses' | 'appendStateChanges' | 'saveIncidents' | 'appendOperatorAction'>;

export class PersistQueue {
  private statuses = new Map<string, ProbeStatus>();
  private stateChanges: StateChangeRow[] = [];
  private incidents = new Map<string, Incident>();
  private actions: OperatorActionRow[] = [];
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly storage: Writes,
    private readonly options: { onError?: (error: unknown) => void } = {},
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

  incident(incident: Incident): void {
    this.incidents.set(incident.id, incident);
  }

  action(row: OperatorActionRow): void {
    this.actions.push(row);
  }

  /** Write everything queued so far; resolves once it is stored (or rejects, rows kept). */
  flush(): Promise<void> {
    const run = this.running.catch(() => undefined).then(() => this.write());
    this.running = run;
    return run;
  }

  private async write(): Promise<void> {
    if (this.pending === 0) return;
    const statuses = [...this.statuses.values()];
    const stateChanges = this.stateChanges;
    const incidents = [...this.incidents.values()];
    const actions = this.actions;
    this.statuses = new Map();
    this.stateChanges = [];
    this.incidents = new Map();
    this.actions = [];
    let step = 0;
    try {
      if (stateChanges.length) await this.storage.appendStateChanges(stateChanges);
      step = 1;
      if (incidents.length) await this.storage.saveIncidents(incidents);
      step = 2;
      for (; actions.length; actions.shift()) await this.storage.appendOperatorAction(actions[0]!);
      step = 3;
      if (statuses.length) await this.storage.saveStatuses(statuses);
    } catch (error) {
      this.requeue(step, { statuses, stateChanges, incidents, actions });
      this.options.onError?.(error);
      throw error;
    }
  }

  /** Put back what was not written, under anything queued meanwhile (newer wins). */
  private requeue(step: number, w: { statuses: ProbeStatus[]; stateChanges: StateChangeRow[]; incidents: Incident[]; actions: OperatorActionRow[] }): void {
    if (step < 1) this.stateChanges = [...w.stateChanges, ...this.stateChanges];
    if (step < 2) for (const i of w.incidents) if (!this.incidents.has(i.id)) this.incidents.set(i.id, i);
    if (step < 3) this.actions = [...w.actions, ...this.actions];
    for (const s of w.statuses) if (!this.statuses.has(s.probeId)) this.statuses.set(s.probeId, s);
  }
}
