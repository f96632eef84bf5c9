// The gateway's in-memory truth: estate, each probe's status and its incidents, fed by one
// supervision source. Every status change runs through the domain incident reducer; changes are
// published to listeners (the stream hub) and queued for storage in batches. At start it restores
// what storage holds, so a restart (even kill -9) keeps incidents, acknowledgements and history.
import { DEFAULT_INCIDENT_RULES, reduceIncident, type IncidentRules, type ProbeRef } from '../../src/domain/incidents.ts';
import { reduceStatusInMaintenance } from '../../src/domain/maintenance-rules.ts';
import { currentWindows, type MaintenanceRules } from '../../src/domain/maintenance.ts';
import { MaintenanceBook } from '../maintenance/maintenance-book.ts';
import { MaintenanceGate } from './maintenance-gate.ts';
import { isActive, isLiveRecent, LIVE_RECENT_MS } from '../../src/domain/incident-rules.ts';
import { isProblem, sameStatus, type DeliveryNote, type Incident, type Instant, type ProbeStatus } from '../../src/domain/model.ts';
import type { AlarmEvent } from '../../src/domain/alarm-model.ts';
import { alarmSubject, incidentAlarmEvents } from '../../src/domain/alarm-events.ts';
import type { OperatorAction } from '../../src/protocol/rest.ts';
import type { Estate, SourceHealth } from '../../src/protocol/schemas.ts';
import type { SourceAction, SourceEvents, SupervisionSource, UnmappedEngineObject } from '../../src/protocol/source.ts';
import { StorageRefusedError, StorageUnavailableError, type ScopedStatus, type Storage, type SupervisionChange, type SupervisionState } from '../ports.ts';
import { systemTimers, type Timers } from '../stream/timers.ts';
import { echoKey, eventFromOperator, eventFromSource, sourceActionFor } from './action-mapping.ts';
import { indexEstate, sameEstate, type EstateIndex } from '../../src/domain/estate-index.ts';
import { PersistQueue } from './persist-queue.ts';
import { linkToCause, noteStatusChange } from './cause-links.ts';
import { restoreState, type RestoredState } from './restore.ts';
import { repairingEvents, repairTally } from './source-boundary.ts';
import { cleanEngineText } from '../../src/protocol/text.ts';

export interface SupervisionOptions {
  source: SupervisionSource;
  storage: Storage;
  timers?: Timers;
  /** How often queued changes are written. */
  persistMs?: number;
  rules?: IncidentRules;
  /** Resolved/closed incidents stay in memory (and in live snapshots) this long. */
  recentMs?: number;
  log?: (message: string, detail?: unknown) => void;
  /** Already loaded by the caller (see restoreState); loaded in start() otherwise. */
  restored?: RestoredState;
  /** Maintenance limits (longest window…); the contract's defaults otherwise. */
  maintenanceRules?: MaintenanceRules;
}

export interface Supervision extends SupervisionState {
  /** Restore from storage, then start the source. */
  start(): Promise<void>;
  /** Stop the source and write everything still queued. */
  stop(): Promise<void>;
  /** Write everything queued now. */
  persist(): Promise<void>;
  /** Append an alarm delivery that happened to an incident's timeline (the alarm worker). */
  recordDelivery(incidentId: string, delivery: DeliveryNote, at: Instant): Promise<void>;
  /** Probe ids the engine reported that the estate does not know. */
  unmappedProbeIds(): string[];
  /** Engine objects the source itself could not map (with the reason), if it reports them. */
  unmappedEngineObjects(): UnmappedEngineObject[];
  /** Text fields from the source repaired to be storable since start (see source-boundary.ts). */
  engineTextRepairs(): number;
}

const EMPTY_ESTATE: Estate = { collectivites: [], sites: [], equipment: [], probes: [] };
const ECHO_WINDOW_MS = 5 * 60_000;

export function createSupervision(options: SupervisionOptions): Supervision {
  const { source, storage, rules = DEFAULT_INCIDENT_RULES, recentMs = LIVE_RECENT_MS, log = () => {} } = options;
  let index: EstateIndex = indexEstate(EMPTY_ESTATE);
  const statuses = new Map<string, ProbeStatus>();
  const incidents = new Map<string, Incident>();
  const latest = new Map<string, Incident>();
  const unmapped = new Set<string>();
  const pushed = new Map<string, Instant>();
  const listeners = new Set<(change: SupervisionChange) => void>();
  let health: SourceHealth = { state: 'stale', source: source.name, since: source.now(), detail: 'starting' };
  const timers = options.timers ?? systemTimers;
  let persistTimer: unknown;
  const queue = new PersistQueue(storage, {
    onError: (error) => log('storage write failed; will retry', error),
    onDeadLetter: (letter) => log(`storage refused a row; kept as a dead letter: ${letter.kind} ${letter.key}: ${letter.reason}`),
  });
  const repairs = repairTally(log);
  const maintenance = new MaintenanceBook({ store: storage.maintenance, now: () => source.now(), ...(options.maintenanceRules && { rules: options.maintenanceRules }) });
  const gate = new MaintenanceGate(maintenance);
  /** The engine's downtime lists, stored one after the other (each names all the engine holds). */
  let engineReports: Promise<void> = Promise.resolve();
  // Window changes go out on the bus (live stream, alarm channels); held-back probes are asked again.
  maintenance.subscribe((change) => {
    notify({ statuses: [], incidents: [], maintenances: [change] });
    reconsiderHeldBack();
    if (change.window.source === 'vigie' && change.kind !== 'started' && change.kind !== 'finished') syncEngine();
  });

  /** The engine honours Vigie's current windows (simulator: downtime flags; Icinga 2: downtimes). */
  function syncEngine(): void {
    if (!source.syncMaintenance) return;
    const windows = currentWindows(maintenance.all(), source.now()).filter((w) => w.source === 'vigie');
    source.syncMaintenance(windows).catch((error: unknown) => log(`pushing maintenance windows to ${source.name} failed`, error));
  }

  function notify(change: SupervisionChange): void {
    for (const listener of listeners) {
      try {
        listener(change);
      } catch (error) {
        log('supervision listener failed', error);
      }
    }
  }

  /** Cause incident id → ids of the incidents attached to it (cause-links.ts hands them over). */
  const attached = new Map<string, Set<string>>();
  function indexCause(incident: Incident, before: Incident | undefined): void {
    const was = before?.cause?.incidentId;
    const now = incident.cause?.incidentId;
    if (was === now) return;
    if (was !== undefined) attached.get(was)?.delete(incident.id);
    if (now !== undefined) attached.set(now, (attached.get(now) ?? new Set()).add(incident.id));
  }
  function* attachedTo(incidentId: string): Generator<Incident> {
    for (const id of attached.get(incidentId) ?? []) {
      const incident = incidents.get(id);
      if (incident) yield incident;
    }
  }

  function remember(incident: Incident, persist = true, alarms?: AlarmEvent[]): void {
    indexCause(incident, incidents.get(incident.id));
    incidents.set(incident.id, incident);
    const current = latest.get(incident.probeId);
    if (!current || current.id === incident.id || current.openedAt <= incident.openedAt) latest.set(incident.probeId, incident);
    if (persist) queue.incident(incident, alarms);
  }

  /**
   * Undo an operator's change that storage refused, unless something newer replaced it meanwhile;
   * the previous version is written again in case the incident row went in and the action did not.
   */
  function undo(refused: Incident, previous: Incident, wasInMemory: boolean): void {
    if (incidents.get(refused.id) !== refused) return;
    if (wasInMemory) incidents.set(previous.id, previous);
    else incidents.delete(previous.id);
    if (latest.get(refused.probeId) === refused) latest.set(previous.probeId, previous);
    queue.incident(previous);
  }

  /**
   * Apply one status; returns it with its owner when it changed anything (undefined when the probe
   * is unknown or nothing changed), and the incident it changed, if any.
   */
  function applyStatus(status: ProbeStatus, observedAt: Instant): { changed?: ScopedStatus; incidents?: Incident[] } {
    const ref = index.probeRef(status.probeId);
    if (!ref) {
      if (!unmapped.has(status.probeId) && unmapped.size < 10_000) unmapped.add(status.probeId);
      return {};
    }
    const prev = statuses.get(status.probeId);
    if (prev && sameStatus(prev, status)) return {};
    statuses.set(status.probeId, status);
    noteStatusChange(index, prev, status);
    queue.status(status);
    const changed = { collectiviteId: ref.collectiviteId, status };
    const stateChanged = !prev || prev.state !== status.state;
    if (stateChanged || prev.inDowntime !== status.inDowntime) {
      queue.stateChange({ probeId: status.probeId, at: stateChanged ? status.since : observedAt, state: status.state, inDowntime: status.inDowntime });
    }
    gate.observe(status, coverageRef(ref), observedAt);
    const downtimeEnded = prev?.inDowntime === true && !status.inDowntime;
    if (!stateChanged && prev.stateType === status.stateType && !downtimeEnded) return { changed };
    const touched = reduceStatus(status, ref, downtimeEnded && !stateChanged ? observedAt : (status.lastCheck ?? observedAt));
    return touched.length ? { changed, incidents: touched } : { changed };
  }

  /** What planned work is matched on, per probe ref (refs are kept by the index, so this is once per probe). */
  const coverageRefs = new WeakMap<ProbeRef, ProbeRef & { equipmentId: string }>();
  function coverageRef(ref: ProbeRef) {
    let covered = coverageRefs.get(ref);
    if (!covered) {
      covered = { ...ref, equipmentId: index.probes.get(ref.probeId)?.equipmentId ?? '' };
      coverageRefs.set(ref, covered);
    }
    return covered;
  }

  /**
   * Run a probe's status through the incident rules with the windows covering it; the incident
   * opens at the problem's start (`since`), or at the end of the planned work it started in.
   */
  function reduceStatus(status: ProbeStatus, ref: ProbeRef, at: Instant): Incident[] {
    const event = { type: 'status', at, since: status.since, state: status.state, stateType: status.stateType } as const;
    const previous = latest.get(status.probeId);
    const outcome = reduceStatusInMaintenance(previous, ref, event, gate.windowsFor(coverageRef(ref)), rules);
    gate.defer(status.probeId, outcome.deferredUntil !== undefined);
    if (!outcome.changed || !outcome.incident) return [];
    const next = outcome.incident;
    // Became active (opened or reopened): attached to its cause, and its group's incidents to theirs.
    const opening = !previous || previous.id !== next.id;
    const [incident = next, ...relinked] = isActive(next) && (opening || !isActive(previous)) ? linkToCause(linkState, next, opening) : [next];
    remember(incident, true, alarmEventsFor(previous, incident, status));
    for (const other of relinked) remember(other);
    return [incident, ...relinked];
  }

  const linkState = { index: () => index, status: (probeId: string) => statuses.get(probeId), latest: (probeId: string) => latest.get(probeId), attachedTo };

  /** Ask again for the probes planned work held back: their window may have ended or changed. */
  function reconsiderHeldBack(): void {
    const now = source.now();
    const opened: Incident[] = [];
    for (const probeId of gate.heldBack()) {
      const status = statuses.get(probeId);
      const ref = index.probeRef(probeId);
      if (!status || !ref) {
        gate.defer(probeId, false);
        continue;
      }
      opened.push(...reduceStatus(status, ref, Math.max(now, status.lastCheck ?? now)));
    }
    if (opened.length > 0) notify({ statuses: [], incidents: opened, sourceAt: now });
  }

  const events: SourceEvents = {
    snapshot(estate, snapshotStatuses, at) {
      const estateChanged = !sameEstate(index.estate, estate);
      if (estateChanged) {
        index = indexEstate(estate);
        for (const probeId of statuses.keys()) if (!index.siteOfProbe.has(probeId)) statuses.delete(probeId);
        storage.saveEstate(estate).catch((error) => log('saving the estate failed', error));
      }
      const changed: ScopedStatus[] = [];
      const touched: Incident[] = [];
      for (const status of causesFirst(snapshotStatuses)) {
        const result = applyStatus(status, at);
        if (result.changed) changed.push(result.changed);
        if (result.incidents) touched.push(...result.incidents);
      }
      notify({ statuses: changed, incidents: touched, sourceAt: at, ...(estateChanged ? { estateChanged } : {}) });
    },
    status(status, observedAt) {
      const result = applyStatus(status, observedAt);
      if (result.changed) notify({ statuses: [result.changed], incidents: result.incidents ?? [], sourceAt: observedAt });
    },
    action(action) {
      applySourceAction(action);
    },
    health(next) {
      health = next;
      notify({ statuses: [], incidents: [], source: next });
    },
    maintenance(windows) {
      engineReports = engineReports
        .then(() => maintenance.engineReport(windows))
        .catch((error: unknown) => log('storing engine downtimes failed', error));
    },
  };

  /**
   * A snapshot's statuses with the possible causes first — accesses, then inter-site links, then
   * declared parents — so a dependent opening in the same snapshot finds its cause's incident open.
   */
  function causesFirst(list: readonly ProbeStatus[]): ProbeStatus[] {
    const parents = new Set(index.estate.dependencies?.map((d) => d.parent));
    const tier = (s: ProbeStatus) => {
      const kind = index.probes.get(s.probeId)?.kind;
      return kind === 'internet' ? 0 : kind === 'link' ? 1 : parents.has(s.probeId) ? 2 : 3;
    };
    const tiers: ProbeStatus[][] = [[], [], [], []];
    for (const s of list) tiers[tier(s)]!.push(s);
    return tiers.flat();
  }

  function applySourceAction(action: SourceAction): void {
    const key = echoKey(action);
    const pushedAt = pushed.get(key);
    if (pushedAt !== undefined && Math.abs(action.at - pushedAt) < ECHO_WINDOW_MS) return void pushed.delete(key);
    const event = eventFromSource(action, source.name);
    const current = latest.get(action.probeId);
    const ref = index.probeRef(action.probeId);
    if (!event || !current || !ref) return;
    const outcome = reduceIncident(current, ref, event, rules);
    if (!outcome.changed || !outcome.incident) return;
    remember(outcome.incident);
    queue.action({ incidentId: outcome.incident.id, at: action.at, by: action.by, action: action.type, ...(event.type !== 'status' && 'comment' in event && event.comment ? { comment: event.comment } : {}) });
    notify({ statuses: [], incidents: [outcome.incident] });
  }

  async function findIncident(id: string): Promise<Incident | undefined> {
    const known = incidents.get(id);
    if (known) return known;
    // Storage may offer a lookup by id (an optional port method); otherwise query by period.
    const byId = (storage as { loadIncident?: (id: string) => Promise<Incident | undefined> }).loadIncident;
    if (byId) return byId.call(storage, id);
    // Older incidents left memory; their id says when they opened, which narrows the query.
    const openedAt = Number(id.slice(id.lastIndexOf('@') + 1));
    if (!Number.isSafeInteger(openedAt) || openedAt < 0) return undefined;
    const found = await storage.loadIncidents({ from: openedAt, to: openedAt + 1 });
    return found.find((incident) => incident.id === id);
  }

  async function act(incidentId: string, action: OperatorAction, by: string): Promise<{ incident?: Incident; refused?: string }> {
    const incident = await findIncident(incidentId);
    const ref = incident && index.probeRef(incident.probeId);
    if (!incident || !ref) return { refused: 'no-incident' };
    const at = source.now();
    const outcome = reduceIncident(incident, ref, eventFromOperator(action, at, by), rules);
    if (outcome.refused) return { refused: outcome.refused, ...(outcome.incident ? { incident: outcome.incident } : {}) };
    if (!outcome.changed || !outcome.incident) return { incident };
    const wasInMemory = incidents.get(incident.id) === incident;
    const changed = outcome.incident;
    remember(changed, false);
    /** Shown to everyone and pushed to the engine only once on disk. */
    const announce = () => {
      notify({ statuses: [], incidents: [changed] });
      const toSource = sourceActionFor(action, incident.probeId, at, by);
      if (!toSource || !source.pushAction) return;
      pushed.set(echoKey(toSource), at);
      source.pushAction(toSource).catch((error) => log(`pushing ${action.action} to ${source.name} failed`, error));
    };
    try {
      await queue.confirm(changed, { incidentId, at, by, action: action.action, ...(action.comment ? { comment: action.comment } : {}) });
    } catch (error) {
      if (error instanceof StorageRefusedError) undo(changed, incident, wasInMemory);
      // Still queued: announced once written, undone if the database refuses it then.
      if (error instanceof StorageUnavailableError) error.stored.then(announce, (late: unknown) => late instanceof StorageRefusedError && undo(changed, incident, wasInMemory));
      throw error;
    }
    announce();
    return { incident: changed };
  }

  /** The alarms an incident change causes (docs/alarms.md): none while the probe is in a downtime. */
  function alarmEventsFor(previous: Incident | undefined, next: Incident, status: ProbeStatus): AlarmEvent[] | undefined {
    if (!storage.alarms || status.inDowntime) return undefined;
    const subject = alarmSubject(index, next.probeId, status.output);
    if (!subject) return undefined;
    // Names may hold what storage refuses (NUL, lone surrogates): the outbox gets them repaired.
    const clean = Object.fromEntries(Object.entries(subject).map(([k, v]) => [k, k === 'probeKind' ? v : cleanEngineText(String(v), 300)])) as typeof subject;
    return incidentAlarmEvents(previous, next, clean);
  }

  /** Record on the incident's timeline an alarm delivery that happened (called by the alarm worker). */
  async function recordDelivery(incidentId: string, delivery: DeliveryNote, at: Instant): Promise<void> {
    const incident = await findIncident(incidentId);
    const ref = incident && index.probeRef(incident.probeId);
    if (!incident || !ref) return;
    const outcome = reduceIncident(incident, ref, { type: 'delivery', at, delivery }, rules);
    if (!outcome.changed || !outcome.incident) return;
    if (incidents.get(incident.id) === incident || latest.get(incident.probeId) === incident) remember(outcome.incident);
    else queue.incident(outcome.incident);
    notify({ statuses: [], incidents: [outcome.incident] });
  }

  /** Resolved or closed incidents leave memory after `recentMs`; storage keeps them. */
  function prune(): void {
    const now = source.now();
    for (const [id, incident] of incidents) {
      if (isLiveRecent(incident, now, recentMs)) continue;
      incidents.delete(id);
      attached.delete(id);
      if (incident.cause?.incidentId !== undefined) attached.get(incident.cause.incidentId)?.delete(id);
    }
    for (const [key, at] of pushed) if (at < source.now() - ECHO_WINDOW_MS) pushed.delete(key);
  }

  return {
    now: () => source.now(),
    estate: () => index.estate,
    status: (probeId) => statuses.get(probeId),
    statuses: () => statuses.values(),
    incident: (id) => incidents.get(id),
    incidents: () => incidents.values(),
    sourceHealth: () => health,
    collectiviteOf: (id) => index.collectiviteOf(id) ?? incidents.get(id)?.collectiviteId,
    act,
    maintenance,
    recordDelivery,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    unmappedProbeIds: () => [...unmapped],
    unmappedEngineObjects: () => source.unmapped?.() ?? [],
    engineTextRepairs: () => repairs.count(),
    async start() {
      const restored = options.restored ?? (await restoreState(storage, { now: source.now(), recentMs }));
      await maintenance.load();
      if (restored.estate) index = indexEstate(restored.estate);
      for (const status of restored.statuses) {
        if (!index.siteOfProbe.has(status.probeId)) continue;
        noteStatusChange(index, statuses.get(status.probeId), status);
        statuses.set(status.probeId, status);
      }
      for (const incident of restored.incidents) {
        indexCause(incident, undefined);
        incidents.set(incident.id, incident);
        const current = latest.get(incident.probeId);
        if (!current || current.openedAt < incident.openedAt) latest.set(incident.probeId, incident);
      }
      // A problem held back by planned work before a restart is asked about again.
      for (const status of statuses.values()) {
        const held = latest.get(status.probeId);
        if (status.stateType === 'HARD' && isProblem(status.state) && !(held && isActive(held))) gate.defer(status.probeId, true);
      }
      persistTimer = timers.setInterval(() => {
        maintenance.tick();
        reconsiderHeldBack();
        prune();
        queue.flush().catch(() => undefined);
      }, options.persistMs ?? 1_000);
      await source.start(repairingEvents(events, repairs.onRepair));
      syncEngine();
    },
    async stop() {
      await source.stop();
      if (persistTimer !== undefined) timers.clearInterval(persistTimer);
      persistTimer = undefined;
      await queue.flush();
    },
    async persist() {
      prune();
      await queue.flush();
    },
  };
}

