// The live stream hub: one sequenced stream per scope ('all', 'c:<collectiviteId>'). Changes are
// coalesced per probe and per incident and flushed at most every `flushMs`, so a storm of
// thousands of changes leaves as a few batches; recent batches are kept for resume. Browser-safe:
// no Node API, timers and epoch injected, so the offline demo runs this very hub in a tab.
import { causeForReader } from '../../src/domain/incident-cause.ts';
import type { Incident, Instant, ProbeStatus } from '../../src/domain/model.ts';
import {
  PROTOCOL_VERSION,
  type DeltaBatch,
  type Estate,
  type Heartbeat,
  type IncidentUpdate,
  type Snapshot,
  type SourceHealth,
  type StreamRef,
} from '../../src/protocol/schemas.ts';
import type { MaintenanceUpdate } from '../../src/protocol/maintenance.ts';
import type { SupervisionChange } from '../ports.ts';
import { BatchBuffer } from './batch-buffer.ts';
import { publicSourceHealth } from './public-health.ts';
import { collectiviteOfScope, estateForScope, scopeFor, type StreamScope } from './scope.ts';
import { systemTimers, type Timers } from './timers.ts';

/** What the hub reads from the supervision state (a subset of SupervisionState). */
export interface StreamView {
  now(): Instant;
  estate(): Estate;
  statuses(): Iterable<ProbeStatus>;
  incidents(): Iterable<Incident>;
  sourceHealth(): SourceHealth;
}

export type StreamMessage =
  | { event: 'snapshot'; payload: Snapshot }
  | { event: 'deltas'; payload: DeltaBatch }
  | { event: 'incidents'; payload: IncidentUpdate }
  | { event: 'source'; payload: SourceHealth }
  | { event: 'maintenances'; payload: MaintenanceUpdate }
  | { event: 'heartbeat'; payload: Heartbeat };

export type StreamListener = (message: StreamMessage) => void;

export interface StreamHubOptions {
  view: StreamView;
  timers?: Timers;
  /** Longest a change waits before it is sent. */
  flushMs?: number;
  heartbeatMs?: number;
  /** Batches kept per stream for resume. */
  bufferBatches?: number;
  /** Changes (statuses + incidents) kept per stream for resume. */
  bufferChanges?: number;
  /**
   * A flush with more changes than this is split into several batches: bounded message size, and
   * bounded time for a browser to validate and apply one batch (a storm's 5,000-change batch was a
   * 100+ ms task in bench:storm).
   */
  maxBatchChanges?: number;
  /** Identifies this run of the hub; a client holding another epoch gets a snapshot. */
  epoch?: string;
  onListenerError?: (error: unknown) => void;
}

export interface Subscription {
  /** true when the client's resume point was honoured (missed batches replayed, no snapshot). */
  resumed: boolean;
  unsubscribe(): void;
}

export interface StreamHub {
  readonly epoch: string;
  /** Feed one change from the supervision state. */
  publish(change: SupervisionChange): void;
  /** Join a scope's stream: the listener first gets a snapshot or the missed batches, then live messages. */
  subscribe(scope: StreamScope, listener: StreamListener, resume?: StreamRef & { seq: number }): Subscription;
  /** What a client joining now is sent first: a snapshot, or the batches it missed (resumed). */
  catchUp(scope: StreamScope, resume?: StreamRef & { seq: number }): { resumed: boolean; messages: StreamMessage[] };
  /**
   * Live messages only, from the next one on: for a transport that fans one stream out to many
   * clients (each given its catchUp first, in the same turn, so none is missed). Returns unfollow.
   */
  follow(scope: StreamScope, listener: StreamListener): () => void;
  snapshot(scope: StreamScope): Snapshot;
  /** Current seq of a scope's stream (0 before its first batch). */
  seq(scope: StreamScope): number;
  /** Send pending changes now (tests, shutdown). */
  flush(): void;
  stop(): void;
}

interface Entry {
  seq: number;
  weight: number;
  deltas: DeltaBatch;
  incidents?: IncidentUpdate;
}

interface Stream {
  scope: StreamScope;
  seq: number;
  changes: Map<string, ProbeStatus>;
  incidents: Map<string, Incident>;
  sourceAt?: Instant;
  buffer: BatchBuffer<Entry>;
  listeners: Set<StreamListener>;
  /**
   * The last snapshot built, handed to every client that joins before the stream moves on (next
   * batch, source change, estate change or heartbeat, so its `at` is at most one heartbeat old):
   * a reconnect wave costs one snapshot per scope, and the transport packs it once.
   */
  snapshot?: Snapshot;
}

export function createStreamHub(options: StreamHubOptions): StreamHub {
  const { view, timers = systemTimers, flushMs = 100, heartbeatMs = 5_000, bufferBatches = 1_200, bufferChanges = 200_000 } = options;
  const { maxBatchChanges = 1_000, epoch = newEpoch(view.now()), onListenerError = () => {} } = options;
  const streams = new Map<StreamScope, Stream>();
  let flushTimer: unknown;
  let stopped = false;
  const heartbeatTimer = timers.setInterval(beat, heartbeatMs);

  function stream(scope: StreamScope): Stream {
    let s = streams.get(scope);
    if (!s) {
      s = { scope, seq: 0, changes: new Map(), incidents: new Map(), buffer: new BatchBuffer(bufferBatches, bufferChanges), listeners: new Set() };
      streams.set(scope, s);
    }
    return s;
  }
  stream('all');

  function send(s: Stream, message: StreamMessage): void {
    for (const listener of s.listeners) {
      try {
        listener(message);
      } catch (error) {
        onListenerError(error);
      }
    }
  }

  /** The streams a change of this collectivité belongs to (only those that exist). */
  function targets(collectiviteId: string): Stream[] {
    const out = [streams.get('all')!];
    const own = streams.get(scopeFor(collectiviteId));
    if (own) out.push(own);
    return out;
  }

  function publish(change: SupervisionChange): void {
    if (stopped) return;
    if (change.estateChanged) return resync();
    if (change.source) forgetSnapshots();
    let pending = false;
    for (const { collectiviteId, status } of change.statuses) {
      for (const s of targets(collectiviteId)) {
        s.changes.set(status.probeId, status);
        if (change.sourceAt !== undefined) s.sourceAt = Math.min(s.sourceAt ?? change.sourceAt, change.sourceAt);
        pending = true;
      }
    }
    for (const incident of change.incidents) {
      // A référent's stream sees another collectivité's cause only by its kind (incident-cause.ts).
      for (const s of targets(incident.collectiviteId)) s.incidents.set(incident.id, causeForReader(incident, collectiviteOfScope(s.scope)));
      pending = true;
    }
    if (pending && flushTimer === undefined) flushTimer = timers.setTimeout(flush, flushMs);
    if (change.source) for (const s of streams.values()) send(s, { event: 'source', payload: publicSourceHealth(change.source) });
    if (change.maintenances) publishMaintenances(change.maintenances);
  }

  /** Window changes go out at once, unsequenced like `source`: clients refetch the list they show. */
  function publishMaintenances(changes: NonNullable<SupervisionChange['maintenances']>): void {
    const byStream = new Map<Stream, MaintenanceUpdate['windows']>();
    for (const { window } of changes) {
      for (const s of targets(window.collectiviteId)) byStream.set(s, [...(byStream.get(s) ?? []), window]);
    }
    for (const [s, windows] of byStream) send(s, { event: 'maintenances', payload: { windows } });
  }

  function flush(): void {
    if (flushTimer !== undefined) timers.clearTimeout(flushTimer);
    flushTimer = undefined;
    const at = view.now();
    for (const s of streams.values()) {
      if (s.changes.size === 0 && s.incidents.size === 0) continue;
      delete s.snapshot;
      const changes = [...s.changes.values()];
      const incidents = [...s.incidents.values()];
      const sourceAt = s.sourceAt;
      s.changes.clear();
      s.incidents.clear();
      delete s.sourceAt;
      const chunks = Math.max(1, Math.ceil(changes.length / maxBatchChanges));
      for (let i = 0; i < chunks; i++) {
        const ref = { stream: s.scope, epoch, seq: ++s.seq };
        const deltas: DeltaBatch = { ...ref, at, changes: changes.slice(i * maxBatchChanges, (i + 1) * maxBatchChanges) };
        if (sourceAt !== undefined) deltas.sourceAt = sourceAt;
        const entry: Entry = { seq: ref.seq, weight: deltas.changes.length, deltas };
        // Incidents ride with the last chunk, after the statuses that caused them.
        if (i === chunks - 1 && incidents.length) {
          entry.incidents = { stream: s.scope, epoch, incidents };
          entry.weight += incidents.length;
        }
        s.buffer.push(entry);
        for (const message of messagesOf(entry)) send(s, message);
      }
    }
  }

  function snapshot(scope: StreamScope): Snapshot {
    const s = stream(scope);
    return (s.snapshot ??= buildSnapshot(scope, s.seq));
  }

  function forgetSnapshots(): void {
    for (const s of streams.values()) delete s.snapshot;
  }

  function buildSnapshot(scope: StreamScope, seq: number): Snapshot {
    const collectiviteId = collectiviteOfScope(scope);
    const estate = estateForScope(view.estate(), scope);
    const probeIds = collectiviteId === undefined ? undefined : new Set(estate.probes.map((p) => p.id));
    const statuses = [...view.statuses()].filter((st) => !probeIds || probeIds.has(st.probeId));
    const incidents = [...view.incidents()].filter((inc) => collectiviteId === undefined || inc.collectiviteId === collectiviteId).map((inc) => causeForReader(inc, collectiviteId));
    return { protocol: PROTOCOL_VERSION, stream: scope, epoch, seq, at: view.now(), estate, statuses, incidents, source: publicSourceHealth(view.sourceHealth()) };
  }

  function catchUp(scope: StreamScope, resume?: StreamRef & { seq: number }): { resumed: boolean; messages: StreamMessage[] } {
    const s = stream(scope);
    const missed = resume && resume.stream === scope && resume.epoch === epoch ? s.buffer.since(resume.seq) : undefined;
    if (!missed) return { resumed: false, messages: [{ event: 'snapshot', payload: snapshot(scope) }] };
    return { resumed: true, messages: missed.flatMap(messagesOf) };
  }

  function follow(scope: StreamScope, listener: StreamListener): () => void {
    const s = stream(scope);
    s.listeners.add(listener);
    return () => void s.listeners.delete(listener);
  }

  function subscribe(scope: StreamScope, listener: StreamListener, resume?: StreamRef & { seq: number }): Subscription {
    const { resumed, messages } = catchUp(scope, resume);
    for (const message of messages) listener(message);
    return { resumed, unsubscribe: follow(scope, listener) };
  }

  /** The estate changed: old batches cannot be replayed on top of it, everyone starts over. */
  function resync(): void {
    forgetSnapshots();
    for (const s of streams.values()) {
      s.changes.clear();
      s.incidents.clear();
      delete s.sourceAt;
      s.buffer.clear();
      if (s.listeners.size) {
        const snap = snapshot(s.scope);
        send(s, { event: 'snapshot', payload: snap });
      }
    }
  }

  function beat(): void {
    forgetSnapshots();
    const at = view.now();
    const source = publicSourceHealth(view.sourceHealth());
    for (const s of streams.values()) {
      if (s.listeners.size) send(s, { event: 'heartbeat', payload: { stream: s.scope, epoch, seq: s.seq, at, source } });
    }
  }

  return {
    epoch,
    publish,
    subscribe,
    catchUp,
    follow,
    snapshot,
    seq: (scope) => streams.get(scope)?.seq ?? 0,
    flush,
    stop() {
      stopped = true;
      if (flushTimer !== undefined) timers.clearTimeout(flushTimer);
      flushTimer = undefined;
      timers.clearInterval(heartbeatTimer);
      for (const s of streams.values()) s.listeners.clear();
    },
  };
}

function messagesOf(entry: Entry): StreamMessage[] {
  const out: StreamMessage[] = [{ event: 'deltas', payload: entry.deltas }];
  if (entry.incidents) out.push({ event: 'incidents', payload: entry.incidents });
  return out;
}

function newEpoch(now: Instant): string {
  const random = globalThis.crypto?.randomUUID?.() ?? Math.random().toString(36).slice(2);
  return `${now.toString(36)}-${random.slice(0, 8)}`;
}
