// The live state of the supervision, kept outside React. It folds the gateway's stream into plain
// maps: a snapshot replaces everything, then delta batches apply strictly in sequence. Anything it
// cannot trust (a gap, another stream or epoch, an invalid batch) makes it ask for a fresh snapshot
// rather than guess. React reads it through useSyncExternalStore; the map drains changed site ids.
// Batches apply as they arrive, but React-facing subscribers hear about them at most once per
// animation frame: a burst of batches costs one render, not one per socket message.
import { isLiveRecent } from '../domain/incident-rules.ts';
import { worstState, type Incident, type ProbeState, type ProbeStatus } from '../domain/model.ts';
import { parseMessage, type ContractError } from '../protocol/parse.ts';
import {
  deltaBatchSchema,
  heartbeatSchema,
  incidentUpdateSchema,
  PROTOCOL_VERSION,
  protocolErrorSchema,
  sourceHealthSchema,
  type ProtocolError,
  type Snapshot,
  type SourceHealth,
  type StreamRef,
} from '../protocol/schemas.ts';
import { readSnapshot } from '../protocol/wire-snapshot.ts';
import { EMPTY_ESTATE_INDEX, indexEstate, type EstateIndex } from './estate-index.ts';
import type { FrameScheduler } from './frame-scheduler.ts';
import type { LiveEventName, LiveTransport } from './transport.ts';

export const LIVE_TOPICS = ['connection', 'estate', 'statuses', 'incidents', 'source', 'heartbeat'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

/**
 * idle: not started · connecting: waiting for the socket · syncing: subscribed, waiting for a
 * snapshot or a resume confirmation · live: in sequence · offline: socket down, retrying.
 */
export type ConnectionState = 'idle' | 'connecting' | 'syncing' | 'live' | 'offline';

export interface StreamPosition extends StreamRef {
  seq: number;
}

export interface LiveStoreOptions {
  transport: LiveTransport;
  /** Wall clock in epoch ms; injected so tests control data age. */
  clock?: () => number;
  /** The token was refused: the app logs out. */
  onUnauthorized?: () => void;
  /** A message failed contract validation (logged by the app, counted in tests). */
  onContractError?: (event: LiveEventName, error: ContractError) => void;
  /**
   * Coalesces `subscribe` notifications to one per frame (the app passes requestAnimationFrame).
   * Without it they are synchronous, as most component tests expect.
   */
  frames?: FrameScheduler;
}

export interface SiteChanges {
  /** true after a snapshot: every site may have changed, redraw from scratch. */
  reset: boolean;
  siteIds: ReadonlySet<string>;
}

type Listener = () => void;

export class LiveStore {
  connection: ConnectionState = 'idle';
  source: SourceHealth | undefined;
  index: EstateIndex = EMPTY_ESTATE_INDEX;
  statuses = new Map<string, ProbeStatus>();
  incidents = new Map<string, Incident>();
  /** Client-clock time of the last valid message: the data age shown to users. */
  lastMessageAt: number | undefined;
  /** Server time carried by the last snapshot, batch or heartbeat. */
  serverAt: number | undefined;
  /** serverAt − client receipt time of that same message; only messages carrying `at` move it. */
  private serverOffsetMs: number | undefined;
  /** Source observation → client receipt of the last batch, in ms (clock skew included). */
  lastLatencyMs: number | undefined;
  lastProtocolError: ProtocolError | undefined;
  resyncCount = 0;
  contractErrorCount = 0;

  private position: StreamPosition | undefined;
  private awaitingSnapshot = false;
  private readonly siteWorst = new Map<string, ProbeState>();
  /** Probes in trouble (see isTroubled), kept as batches apply so the problem list reads only them. */
  private readonly troubled = new Set<string>();
  private readonly versions = new Map<LiveTopic, number>(LIVE_TOPICS.map((t) => [t, 0]));
  private readonly listeners = new Map<Listener, ReadonlySet<LiveTopic> | undefined>();
  private readonly immediateListeners = new Map<Listener, ReadonlySet<LiveTopic> | undefined>();
  /** Topics changed since the last coalesced notification, and its pending frame. */
  private readonly unsentTopics = new Set<LiveTopic>();
  private notifyFrame: number | undefined;
  private pendingReset = false;
  private pendingSites = new Set<string>();
  private incidentListCache: { version: number; list: Incident[] } | undefined;
  private readonly clock: () => number;

  constructor(private readonly options: LiveStoreOptions) {
    this.clock = options.clock ?? Date.now;
  }

  start(): void {
    if (this.connection !== 'idle') return;
    this.connection = 'connecting';
    this.options.transport.start({
      onConnect: () => this.onConnect(),
      onDisconnect: () => this.setConnection('offline'),
      onEvent: (event, payload) => this.receive(event, payload),
      onUnauthorized: () => this.options.onUnauthorized?.(),
    });
    this.notify(['connection']);
  }

  stop(): void {
    this.options.transport.stop();
    this.setConnection('idle');
    this.flushNotifications();
  }

  // ---- reads -------------------------------------------------------------------------------

  /** Told at most once per frame (with `frames`) after any of `topics` changed: for React. */
  subscribe(listener: Listener, topics?: readonly LiveTopic[]): () => void {
    this.listeners.set(listener, topics ? new Set(topics) : undefined);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Told synchronously on every change: for imperative drivers that schedule their own frame. */
  subscribeNow(listener: Listener, topics?: readonly LiveTopic[]): () => void {
    this.immediateListeners.set(listener, topics ? new Set(topics) : undefined);
    return () => {
      this.immediateListeners.delete(listener);
    };
  }

  /** Deliver the pending coalesced notification now (the frame callback; tests may call it). */
  flushNotifications(): void {
    if (this.notifyFrame !== undefined) this.options.frames?.cancel(this.notifyFrame);
    this.notifyFrame = undefined;
    if (this.unsentTopics.size === 0) return;
    const topics = [...this.unsentTopics];
    this.unsentTopics.clear();
    callListeners(this.listeners, topics);
  }

  version(topic: LiveTopic): number {
    return this.versions.get(topic) ?? 0;
  }

  get stream(): StreamPosition | undefined {
    return this.position;
  }

  status(probeId: string): ProbeStatus | undefined {
    return this.statuses.get(probeId);
  }

  /** Worst state of a site's probes; PENDING when it has none checked yet. */
  siteState(siteId: string): ProbeState {
    return this.siteWorst.get(siteId) ?? 'PENDING';
  }

  collectiviteState(collectiviteId: string): ProbeState {
    const sites = this.index.sitesByCollectivite.get(collectiviteId) ?? [];
    return sites.length === 0 ? 'PENDING' : worstState(sites.map((s) => this.siteState(s.id)));
  }

  /** Incidents, newest first; the same array until incidents change. */
  incidentList(): readonly Incident[] {
    const version = this.version('incidents');
    if (this.incidentListCache?.version !== version) {
      const list = [...this.incidents.values()].sort((a, b) => b.openedAt - a.openedAt);
      this.incidentListCache = { version, list };
    }
    return this.incidentListCache.list;
  }

  /**
   * The server's clock, estimated from the last message: the client's `clientNow` shifted by the
   * offset seen then. Ages ("since 12 min") use it, so a skewed tablet clock — or a simulator
   * running faster than real time — does not show negative or frozen ages.
   */
  serverNow(clientNow: number): number {
    return this.serverOffsetMs === undefined ? clientNow : clientNow + this.serverOffsetMs;
  }

  /** Statuses of the probes in trouble now: WARNING, CRITICAL or UNKNOWN and not in maintenance. */
  *troubledStatuses(): Generator<ProbeStatus> {
    for (const probeId of this.troubled) {
      const status = this.statuses.get(probeId);
      if (status) yield status;
    }
  }

  /** Sites whose worst state changed since the last drain (read by the map once per frame). */
  drainSiteChanges(): SiteChanges {
    const changes = { reset: this.pendingReset, siteIds: this.pendingSites };
    this.pendingReset = false;
    this.pendingSites = new Set();
    return changes;
  }

  // ---- stream handling ---------------------------------------------------------------------

  private onConnect(): void {
    this.connection = 'syncing';
    if (this.position && !this.awaitingSnapshot) {
      const { stream, epoch, seq } = this.position;
      this.options.transport.subscribe({ protocol: PROTOCOL_VERSION, resume: { stream, epoch, seq } });
    } else {
      this.awaitingSnapshot = true;
      this.options.transport.subscribe({ protocol: PROTOCOL_VERSION });
    }
    this.notify(['connection']);
  }

  /** Ask for a fresh snapshot; deltas are ignored until it arrives. */
  private resync(): void {
    if (this.awaitingSnapshot) return;
    this.awaitingSnapshot = true;
    this.resyncCount += 1;
    this.options.transport.subscribe({ protocol: PROTOCOL_VERSION });
    this.setConnection('syncing');
  }

  private receive(event: LiveEventName, payload: unknown): void {
    switch (event) {
      case 'snapshot':
        return this.onSnapshot(payload);
      case 'deltas':
        return this.onDeltas(payload);
      case 'incidents':
        return this.onIncidents(payload);
      case 'heartbeat':
        return this.onHeartbeat(payload);
      case 'source':
        return this.onSource(payload);
      case 'protocol-error':
        return this.onProtocolError(payload);
    }
  }

  private invalid(event: LiveEventName, error: ContractError): void {
    this.contractErrorCount += 1;
    this.options.onContractError?.(event, error);
  }

  private inStream(ref: StreamRef): boolean {
    return this.position !== undefined && ref.stream === this.position.stream && ref.epoch === this.position.epoch;
  }

  private onSnapshot(payload: unknown): void {
    const parsed = readSnapshot(payload);
    if (!parsed.ok) return this.invalid('snapshot', parsed.error);
    this.applySnapshot(parsed.value);
  }

  private applySnapshot(snapshot: Snapshot): void {
    this.position = { stream: snapshot.stream, epoch: snapshot.epoch, seq: snapshot.seq };
    this.awaitingSnapshot = false;
    this.index = indexEstate(snapshot.estate);
    this.statuses = new Map(snapshot.statuses.map((s) => [s.probeId, s]));
    this.troubled.clear();
    for (const status of snapshot.statuses) if (isTroubled(status)) this.troubled.add(status.probeId);
    this.incidents = new Map(snapshot.incidents.filter(keepIncident).map((i) => [i.id, i]));
    this.siteWorst.clear();
    for (const siteId of this.index.sites.keys()) this.siteWorst.set(siteId, this.computeSiteState(siteId));
    this.source = snapshot.source;
    this.lastMessageAt = this.clock();
    this.noteServerTime(snapshot.at, this.lastMessageAt);
    this.connection = 'live';
    this.pendingReset = true;
    this.pendingSites = new Set();
    this.notify(LIVE_TOPICS);
  }

  private onDeltas(payload: unknown): void {
    const parsed = parseMessage(deltaBatchSchema, payload);
    if (!parsed.ok) {
      this.invalid('deltas', parsed.error);
      return this.resync();
    }
    const batch = parsed.value;
    if (this.awaitingSnapshot || !this.position) return;
    if (!this.inStream(batch)) return this.resync();
    if (batch.seq <= this.position.seq) return; // a duplicate after a resume: already applied
    if (batch.seq !== this.position.seq + 1) return this.resync();

    this.position.seq = batch.seq;
    const now = this.clock();
    this.lastMessageAt = now;
    this.noteServerTime(batch.at, now);
    if (batch.sourceAt !== undefined) this.lastLatencyMs = now - batch.sourceAt;
    const touchedSites = new Set<string>();
    for (const status of batch.changes) {
      this.statuses.set(status.probeId, status);
      if (isTroubled(status)) this.troubled.add(status.probeId);
      else this.troubled.delete(status.probeId);
      const siteId = this.index.siteOfProbe.get(status.probeId);
      if (siteId !== undefined) touchedSites.add(siteId);
    }
    for (const siteId of touchedSites) {
      const next = this.computeSiteState(siteId);
      if (next !== this.siteWorst.get(siteId)) {
        this.siteWorst.set(siteId, next);
        this.pendingSites.add(siteId);
      }
    }
    const topics: LiveTopic[] = ['statuses', 'heartbeat'];
    if (this.connection !== 'live') {
      this.connection = 'live';
      topics.push('connection');
    }
    this.notify(topics);
  }

  private onIncidents(payload: unknown): void {
    const parsed = parseMessage(incidentUpdateSchema, payload);
    if (!parsed.ok) {
      this.invalid('incidents', parsed.error);
      return this.resync();
    }
    if (this.awaitingSnapshot || !this.position) return;
    if (!this.inStream(parsed.value)) return this.resync();
    for (const incident of parsed.value.incidents) {
      if (keepIncident(incident)) this.incidents.set(incident.id, incident);
      else this.incidents.delete(incident.id);
    }
    this.lastMessageAt = this.clock();
    this.notify(['incidents', 'heartbeat']);
  }

  private onHeartbeat(payload: unknown): void {
    const parsed = parseMessage(heartbeatSchema, payload);
    if (!parsed.ok) return this.invalid('heartbeat', parsed.error);
    const beat = parsed.value;
    this.lastMessageAt = this.clock();
    this.noteServerTime(beat.at, this.lastMessageAt);
    this.source = beat.source;
    const topics: LiveTopic[] = ['heartbeat', 'source'];
    if (this.forgetOldIncidents(beat.at)) topics.push('incidents');
    if (!this.awaitingSnapshot && this.position) {
      // A heartbeat ahead of us means batches were lost; another stream/epoch means a gateway restart.
      if (!this.inStream(beat) || beat.seq > this.position.seq) {
        this.notify(topics);
        return this.resync();
      }
      if (this.connection !== 'live') {
        this.connection = 'live';
        topics.push('connection');
      }
    }
    this.notify(topics);
  }

  private onSource(payload: unknown): void {
    const parsed = parseMessage(sourceHealthSchema, payload);
    if (!parsed.ok) return this.invalid('source', parsed.error);
    this.source = parsed.value;
    this.lastMessageAt = this.clock();
    this.notify(['source', 'heartbeat']);
  }

  private onProtocolError(payload: unknown): void {
    const parsed = parseMessage(protocolErrorSchema, payload);
    if (!parsed.ok) return this.invalid('protocol-error', parsed.error);
    this.lastProtocolError = parsed.value;
    if (parsed.value.code === 'unauthorized') this.options.onUnauthorized?.();
    this.notify(['connection']);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private noteServerTime(serverAt: number, clientAt: number): void {
    this.serverAt = serverAt;
    this.serverOffsetMs = serverAt - clientAt;
  }

  /** Finished incidents older than a day leave the store as they leave the gateway's memory; true if any did. */
  private forgetOldIncidents(serverNow: number): boolean {
    let forgot = false;
    for (const [id, incident] of this.incidents) {
      if (isLiveRecent(incident, serverNow)) continue;
      this.incidents.delete(id);
      forgot = true;
    }
    return forgot;
  }

  private computeSiteState(siteId: string): ProbeState {
    const probes = this.index.probesBySite.get(siteId) ?? [];
    if (probes.length === 0) return 'PENDING';
    // A probe in declared maintenance does not colour its site.
    const states = probes.map((p) => this.statuses.get(p.id)).map((s) => (s === undefined ? 'PENDING' : s.inDowntime ? 'OK' : s.state));
    return worstState(states);
  }

  private setConnection(state: ConnectionState): void {
    if (this.connection === state) return;
    this.connection = state;
    this.notify(['connection']);
  }

  /** Versions move at once (reads are always current); React listeners wait for the frame. */
  private notify(topics: readonly LiveTopic[]): void {
    for (const topic of topics) {
      this.versions.set(topic, (this.versions.get(topic) ?? 0) + 1);
      this.unsentTopics.add(topic);
    }
    const frames = this.options.frames;
    // Asked before the immediate listeners ask theirs, so React renders before the map draws in
    // the same frame: both land on the same paint, and whoever hears "drawn" has seen everything.
    if (frames && this.notifyFrame === undefined) {
      this.notifyFrame = frames.request(() => {
        this.notifyFrame = undefined;
        this.flushNotifications();
      });
    }
    callListeners(this.immediateListeners, topics);
    if (!frames) this.flushNotifications();
  }
}

function callListeners(listeners: ReadonlyMap<Listener, ReadonlySet<LiveTopic> | undefined>, topics: readonly LiveTopic[]): void {
  for (const [listener, wanted] of listeners) {
    if (!wanted || topics.some((t) => wanted.has(t))) listener();
  }
}

function isTroubled(status: ProbeStatus): boolean {
  return status.state !== 'OK' && status.state !== 'PENDING' && !status.inDowntime;
}

/** Closed incidents leave the live store at once, resolved ones after a day (the wall runs for weeks); history is read over HTTP. */
function keepIncident(incident: Incident): boolean {
  return incident.status !== 'closed';
}
