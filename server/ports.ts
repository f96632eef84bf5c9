// The seams inside the gateway. Each part is built against these interfaces and receives its
// collaborators at start-up (see app.ts), so tests can assemble a real gateway in-process.
import type { Incident, Instant, ProbeState, ProbeStatus } from '../src/domain/model.ts';
import type { MaintenanceWindow } from '../src/domain/maintenance.ts';
import type { AssistanceTicket, ManagedItActionRecord, ManagedItConvention } from '../src/domain/managed-it-convention.ts';
import type { MaintenanceBook, MaintenanceChange } from './maintenance/maintenance-book.ts';
import type { Estate, SourceHealth } from '../src/protocol/schemas.ts';
import type { OperatorAction, Role } from '../src/protocol/rest.ts';
import type { AlarmEvent } from '../src/domain/alarm-model.ts';
import type { AlarmStore } from './alarms/alarm-store.ts';

/** Who is calling, as resolved from a session token. Every route and socket event checks it. */
export interface Principal {
  login: string;
  role: Role;
  /** Set for référents: the only collectivité they may see. */
  collectiviteId?: string;
}

/** true when the principal may see data of this collectivité. */
export function canSee(principal: Principal, collectiviteId: string): boolean {
  return principal.role !== 'referent' || principal.collectiviteId === collectiviteId;
}

/** One stored probe state change; availability is computed from these intervals. */
export interface StateChangeRow {
  probeId: string;
  at: Instant;
  state: ProbeState;
  inDowntime: boolean;
}

export interface OperatorActionRow {
  incidentId: string;
  at: Instant;
  by: string;
  action: OperatorAction['action'];
  comment?: string;
}

/** A row the database refused for what it holds (text it cannot store, a constraint): retrying cannot help. */
export class StorageRefusedError extends Error {
  override readonly name = 'StorageRefusedError';
}

/** Storage did not answer (connection lost, database away): the rows stay queued and are retried. */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(
    message: string,
    options?: ErrorOptions & {
      /** Settles when the queued rows are finally written (or refused). */
      stored?: Promise<void>;
    },
  ) {
    super(message, options);
    this.stored = options?.stored ?? Promise.resolve();
  }
  readonly stored: Promise<void>;
}

/** A refused row, set aside with the reason instead of blocking the rows behind it. */
export interface DeadLetterRow {
  /** When it was set aside (wall clock). */
  at: Instant;
  kind: 'state-change' | 'incident' | 'operator-action' | 'probe-status';
  /** Which row: incident id, probe id, `incidentId@at`… */
  key: string;
  reason: string;
  /** The row as it was queued (stored as JSON text: it may hold what jsonb refuses). */
  row: unknown;
}

export interface AccountRow {
  login: string;
  role: 'support' | 'referent';
  collectiviteId?: string;
  displayName?: string;
  passwordHash: string;
  disabled: boolean;
  /** Bumped on revoke or scope change: sessions issued under an older version are dead. */
  version: number;
  lastLoginAt?: Instant;
}

/** Filter of stored incidents; newest first. status/excludeIds/limit/offset are honoured by storages that have countIncidents. */
export interface IncidentQuery {
  collectiviteId?: string;
  siteId?: string;
  activeOnly?: boolean;
  /** Resolved or closed only. */
  endedOnly?: boolean;
  /** Overlap with [from, to): opened before `to`, not resolved before `from`. */
  from?: Instant;
  to?: Instant;
  status?: Incident['status'];
  /** The incidents attached to this cause incident (domain/incident-cause.ts). */
  causeId?: string;
  /** One row per cause: leave out incidents attached to a cause (in the same collectivité, when one is set). */
  topLevel?: boolean;
  /** Leave these out (their live versions are known to the caller). */
  excludeIds?: string[];
  limit?: number;
  offset?: number;
}

/** Persistence: PGlite by default, PostgreSQL when DATABASE_URL is set; same schema. */
export interface Storage {
  migrate(): Promise<void>;
  close(): Promise<void>;
  saveEstate(estate: Estate): Promise<void>;
  loadEstate(): Promise<Estate | undefined>;
  /** Current status of every probe (written in batches; the last write per probe wins). */
  saveStatuses(statuses: ProbeStatus[]): Promise<void>;
  loadStatuses(): Promise<ProbeStatus[]>;
  appendStateChanges(rows: StateChangeRow[]): Promise<void>;
  /** Changes with at in [from, to) plus, per probe, the last change before `from` (the state at `from`). */
  loadStateChanges(from: Instant, to: Instant, probeIds?: string[]): Promise<StateChangeRow[]>;
  /** Incidents and the alarm events their changes caused, in one transaction (docs/alarms.md). */
  saveIncidents(incidents: Incident[], alarms?: readonly AlarmEvent[]): Promise<void>;
  loadIncidents(query: IncidentQuery): Promise<Incident[]>;
  /** One incident by id (optional: callers fall back to loadIncidents). */
  loadIncident?(id: string): Promise<Incident | undefined>;
  /** How many incidents match (without limit/offset). Its presence means loadIncidents honours status/limit/offset. */
  countIncidents?(query: IncidentQuery): Promise<number>;
  appendOperatorAction(row: OperatorActionRow): Promise<void>;
  /** Write methods throw StorageRefusedError when the database refuses the data itself; such rows go here. */
  saveDeadLetter(row: DeadLetterRow): Promise<void>;
  countDeadLetters(): Promise<number>;
  /** The newest dead letters first. */
  loadDeadLetters(limit: number): Promise<DeadLetterRow[]>;
  accounts: AccountStore;
  maintenance: MaintenanceStore;
  /** Managed-IT conventions, actions and assistance tickets (migration 8). */
  managedIt: ManagedItStore;
  /** The alarm service's recipients and outbox (absent in storages built before it). */
  alarms?: AlarmStore;
  /** Daily and monthly availability roll-ups (SQL storages; reports read raw history without it). */
  rollups?: RollupStore;
}

export type RollupGrain = 'day' | 'month' | 'year';

/**
 * Covered milliseconds of one probe over one local day, month or year (server/rollup/). Only
 * spans not up for all their covered time are stored: a missing one (after the probe's first day)
 * was up all along.
 */
export interface RollupRow {
  grain: RollupGrain;
  start: Instant;
  probeId: string;
  upMs: number;
  downMs: number;
  maintenanceMs: number;
  coveredMs: number;
}

export interface RollupState {
  /** Local day start from which nothing is rolled up yet. */
  through: Instant;
  /** Changes stored with an earlier date mark their probe for a recount (≥ through while a step is rolled). */
  marksBelow: Instant;
  /** The covered-hours calendar the rows were counted with; another one means rebuild. */
  fingerprint: string;
}

export type RollupSums = Map<string, { upMs: number; downMs: number; maintenanceMs: number; coveredMs: number }>;

export interface RollupStore {
  loadState(): Promise<RollupState | undefined>;
  saveState(state: RollupState): Promise<void>;
  /** Forget every row, mark and the state (another calendar). */
  reset(): Promise<void>;
  /** Replace the day rows of `probeIds` in [from, to) by `rows`; record first days (the earliest wins). */
  replaceDays(probeIds: readonly string[], from: Instant, to: Instant, rows: readonly RollupRow[], firstDays: ReadonlyMap<string, Instant>): Promise<void>;
  /** Month or year rows starting at `start` as the sums of its day rows in [start, end) (of `probeIds`, or all). */
  rollSpan(grain: 'month' | 'year', start: Instant, end: Instant, probeIds?: readonly string[]): Promise<void>;
  /** Per probe, sums of the rows of each span (of `probeIds`, or all). */
  sum(spans: readonly { grain: RollupGrain; from: Instant; to: Instant }[], probeIds?: readonly string[]): Promise<RollupSums>;
  /** The local day of each probe's first change (of `probeIds`, or all). */
  firstDays(probeIds?: readonly string[]): Promise<Map<string, Instant>>;
  /** Probes whose history changed below `through` since their last recompute: from when, and the mark seen. */
  dirty(): Promise<{ probeId: string; from: Instant; marks: number }[]>;
  /** Clear marks unless the probe was marked again since `marks` was read. */
  clearDirty(marks: readonly { probeId: string; marks: number }[]): Promise<void>;
  /** Every probe with history, and the first instant of history. */
  probesWithHistory(): Promise<string[]>;
  firstChangeAt(): Promise<Instant | undefined>;
}

/** Managed IT (infogérance): rows are whole records, rewritten when they change. */
export interface ManagedItStore {
  saveConvention(convention: ManagedItConvention): Promise<void>;
  /** One collectivité's conventions (all when absent), by start. */
  loadConventions(collectiviteId?: string): Promise<ManagedItConvention[]>;
  saveAction(action: ManagedItActionRecord): Promise<void>;
  /** Actions of one collectivité (all when absent) with at in [from, to), by date. */
  loadActions(query: { collectiviteId?: string; from?: Instant; to?: Instant }): Promise<ManagedItActionRecord[]>;
  saveTicket(ticket: AssistanceTicket): Promise<void>;
  /** One collectivité's tickets (all when absent), newest first. */
  loadTickets(collectiviteId?: string): Promise<AssistanceTicket[]>;
}

/** Declared maintenance windows (server/maintenance/). */
export interface MaintenanceStore {
  /** Insert or replace the window with this id. */
  saveWindow(window: MaintenanceWindow): Promise<void>;
  /** Windows that end at or after `endsFrom` (all when absent), by start. */
  loadWindows(query?: { endsFrom?: Instant }): Promise<MaintenanceWindow[]>;
}

export interface AccountStore extends LoginAttemptStore, SessionDenyList {
  get(login: string): Promise<AccountRow | undefined>;
  list(): Promise<AccountRow[]>;
  upsert(row: AccountRow): Promise<void>;
  /** Delete the account; its version is remembered so the login, if added again, starts above it. */
  remove(login: string): Promise<void>;
  /** Highest version this login has had, a removed account's included; 0 for a login never seen. */
  lastVersion(login: string): Promise<number>;
  getSetting(key: string): Promise<string | undefined>;
  setSetting(key: string, value: string): Promise<void>;
}

/** Login attempts not forgiven yet, per key (a login, an address), in storage so a restart keeps them. */
export interface LoginAttemptStore {
  /**
   * Atomically against any concurrent caller: read the times (ascending) of the attempts kept under
   * each key after `since`; when `admit` agrees, keep one attempt at `at` under every key and return
   * its id. undefined when refused.
   */
  reserveAttempt(keys: string[], since: number, at: number, admit: (times: number[][]) => boolean): Promise<string | undefined>;
  /** Forget one attempt (it succeeded). */
  releaseAttempt(id: string): Promise<void>;
  /** Forget every attempt kept under `key`. */
  clearAttempts(key: string): Promise<void>;
  /** Forget the attempts made at or before `before`. */
  pruneAttempts(before: number): Promise<void>;
}

/** Session ids ended by a logout, kept until their token expires so a restart does not revive them. */
export interface SessionDenyList {
  denySession(id: string, expiresAt: number): Promise<void>;
  /** Denied ids with their expiry, once the ones expired at `now` are deleted. */
  deniedSessions(now: number): Promise<Map<string, number>>;
}

/** A probe's new status with the collectivité owning it, so the stream hub routes it without a lookup. */
export interface ScopedStatus {
  collectiviteId: string;
  status: ProbeStatus;
}

/** What changed after applying something to the supervisor, for the stream hub and storage. */
export interface SupervisionChange {
  statuses: ScopedStatus[];
  incidents: Incident[];
  /** When the source observed the earliest of these changes. */
  sourceAt?: Instant;
  /** Set when the engine's health changed (connected / stale). */
  source?: SourceHealth;
  /** Set when the estate itself changed (engine resync): clients need a fresh snapshot. */
  estateChanged?: boolean;
  /**
   * Maintenance windows scheduled, edited, ended, cancelled, reported by the engine, started or
   * finished: the hook for the live stream and the alarm channels (maintenance-book.ts).
   */
  maintenances?: MaintenanceChange[];
}

/** The gateway's in-memory truth: estate, current statuses, incidents; fed by the source. */
export interface SupervisionState {
  now(): Instant;
  estate(): Estate;
  status(probeId: string): ProbeStatus | undefined;
  statuses(): Iterable<ProbeStatus>;
  incident(id: string): Incident | undefined;
  incidents(): Iterable<Incident>;
  sourceHealth(): SourceHealth;
  /** Collectivité owning a probe / site / equipment id, or undefined for unknown ids. */
  collectiviteOf(id: string): string | undefined;
  /** Apply an operator action from Vigie; refusals come back as { refused }. */
  act(incidentId: string, action: OperatorAction, by: string): Promise<{ incident?: Incident; refused?: string }>;
  subscribe(listener: (change: SupervisionChange) => void): () => void;
  /** Declared maintenance windows: listed and changed by the API, applied to incidents. */
  readonly maintenance: MaintenanceBook;
}

/** Session tokens: issued at login, checked on every request and socket. */
export interface SessionService {
  verify(token: string): Promise<Principal | undefined>;
  /** Called with a login whose sessions died (revoked, disabled, collectivité changed), or with the one token a logout ended. */
  onRevoked(listener: (login: string, token?: string) => void): () => void;
}
