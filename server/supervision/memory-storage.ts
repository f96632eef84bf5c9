// An in-memory Storage for the gateway's tests: same contract as the SQL one, no database. It
// records every write call so tests can check that writes are batched, and refuses the text
// PostgreSQL refuses (NUL, lone surrogates) the way the SQL storage does: StorageRefusedError.
import type { Incident, ProbeStatus } from '../../src/domain/model.ts';
import type { AlarmEvent } from '../../src/domain/alarm-model.ts';
import { MemoryAlarmStore } from '../alarms/memory-alarm-store.ts';
import type { Estate } from '../../src/protocol/schemas.ts';
import { textProblem } from '../../src/protocol/text.ts';
import { createMemoryAccountStore } from '../accounts/memory-account-store.ts';
import { createMemoryManagedItStore } from '../managed-it/memory-managed-it-store.ts';
import type { MaintenanceWindow } from '../../src/domain/maintenance.ts';
import { StorageRefusedError, type DeadLetterRow, type MaintenanceStore, type OperatorActionRow, type StateChangeRow, type Storage } from '../ports.ts';

/** Throws as PostgreSQL would refuse the write: a string anywhere in the rows that text/jsonb cannot hold. */
function refuseUnstorable(rows: unknown): void {
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) throw new StorageRefusedError(`refused: ${problem}`);
    } else if (value && typeof value === 'object') for (const v of Object.values(value)) walk(v);
  };
  walk(rows);
}

export class MemoryStorage implements Storage {
  estate?: Estate;
  readonly statuses = new Map<string, ProbeStatus>();
  readonly stateChanges: StateChangeRow[] = [];
  readonly incidents = new Map<string, Incident>();
  readonly actions: OperatorActionRow[] = [];
  readonly deadLetters: DeadLetterRow[] = [];
  readonly calls: string[] = [];

  async migrate() {}
  async close() {}
  async saveEstate(estate: Estate) {
    this.calls.push('saveEstate');
    refuseUnstorable(estate);
    this.estate = structuredClone(estate);
  }
  async loadEstate() {
    return this.estate && structuredClone(this.estate);
  }
  async saveStatuses(statuses: ProbeStatus[]) {
    this.calls.push('saveStatuses');
    refuseUnstorable(statuses);
    for (const s of statuses) this.statuses.set(s.probeId, structuredClone(s));
  }
  async loadStatuses() {
    return structuredClone([...this.statuses.values()]);
  }
  async appendStateChanges(rows: StateChangeRow[]) {
    this.calls.push('appendStateChanges');
    refuseUnstorable(rows);
    this.stateChanges.push(...structuredClone(rows));
  }
  /** As the port says: changes in [from, to) plus each probe's last change before `from`, by probe then time. */
  async loadStateChanges(from: number, to: number, probeIds?: string[]) {
    const wanted = probeIds && new Set(probeIds);
    const rows = this.stateChanges.filter((r) => r.at < to && (!wanted || wanted.has(r.probeId)));
    const lastBefore = new Map<string, (typeof rows)[number]>();
    for (const r of rows) if (r.at < from && (lastBefore.get(r.probeId)?.at ?? -Infinity) <= r.at) lastBefore.set(r.probeId, r);
    const kept = rows.filter((r) => r.at >= from || lastBefore.get(r.probeId) === r);
    return kept.sort((a, b) => (a.probeId < b.probeId ? -1 : a.probeId > b.probeId ? 1 : a.at - b.at));
  }
  async saveIncidents(incidents: Incident[], alarms: readonly AlarmEvent[] = []) {
    this.calls.push('saveIncidents');
    refuseUnstorable(incidents);
    refuseUnstorable(alarms);
    for (const i of incidents) this.incidents.set(i.id, structuredClone(i));
    this.alarms.appendNow(alarms);
  }
  async loadIncidents(query: { collectiviteId?: string; siteId?: string; activeOnly?: boolean; endedOnly?: boolean; from?: number; to?: number }) {
    return structuredClone(
      [...this.incidents.values()].filter((i) => {
        const end = i.resolvedAt ?? i.closedAt;
        if (query.collectiviteId !== undefined && i.collectiviteId !== query.collectiviteId) return false;
        if (query.siteId !== undefined && i.siteId !== query.siteId) return false;
        if (query.activeOnly && !['open', 'acknowledged', 'in-progress'].includes(i.status)) return false;
        if (query.endedOnly && !['resolved', 'closed'].includes(i.status)) return false;
        if (query.to !== undefined && i.openedAt >= query.to) return false;
        return query.from === undefined || end === undefined || end >= query.from;
      }),
    );
  }
  async appendOperatorAction(row: OperatorActionRow) {
    this.calls.push('appendOperatorAction');
    refuseUnstorable(row);
    this.actions.push(structuredClone(row));
  }
  async saveDeadLetter(row: DeadLetterRow) {
    this.calls.push('saveDeadLetter');
    // Stored as JSON text, as the SQL storage does: what the other tables refuse fits here.
    this.deadLetters.push({ ...row, row: JSON.parse(JSON.stringify(row.row)) as unknown });
  }
  async countDeadLetters() {
    return this.deadLetters.length;
  }
  async loadDeadLetters(limit: number) {
    return structuredClone(this.deadLetters.slice(-limit).reverse());
  }
  readonly accounts = createMemoryAccountStore();
  readonly windows = new Map<string, MaintenanceWindow>();
  readonly maintenance: MaintenanceStore = {
    saveWindow: async (window) => {
      this.calls.push('saveWindow');
      refuseUnstorable(window);
      this.windows.set(window.id, structuredClone(window));
    },
    loadWindows: async (query = {}) =>
      structuredClone([...this.windows.values()].filter((w) => query.endsFrom === undefined || w.end >= query.endsFrom).sort((a, b) => a.start - b.start)),
  };
  readonly managedIt = createMemoryManagedItStore();
  readonly alarms = new MemoryAlarmStore();
}
