// The live state of the supervision, kept outside React. It folds the gateway's stream into plain
// maps: a snapshot replaces everything, then delta batches apply strictly in sequence. Anything it
// cannot trust (a gap, another stream or epoch, an invalid batch) makes it ask for a fresh snapshot
// rather than guess. React reads it through useSyncExternalStore (TopicNotifier: at most once per
// animation frame); the map drains changed site ids (SiteStates). The derived state — sites' worst
// states, probes in trouble, live incidents — is kept by small modules this store feeds.
import { worstState, type Incident, type ProbeState, type ProbeStatus } from '../domain/model.ts';
import { parseListInSteps, parseMessage, type ContractError } from '../protocol/parse.ts';
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
import { maintenanceUpdateSchema } from '../protocol/maintenance.ts';
import type { MaintenanceWindow } from '../domain/maintenance.ts';
import { EMPTY_ESTATE_INDEX, indexEstate, type EstateIndex } from '../domain/estate-index.ts';
import { complete, type Steps } from '../domain/steps.ts';
import type { FrameScheduler } from './frame-scheduler.ts';
import { runInSlices, type SliceTasks } from './slices.ts';
import { LiveIncidents } from './live-incidents.ts';
import { SiteStates, type SiteChanges } from './site-states.ts';
import { TopicNotifier, type Listener } from './topic-notifier.ts';
import type { LiveEventName, LiveTransport } from './transport.ts';
import { TroubledProbes } from './troubled-probes.ts';

export type { SiteChanges };

export const LIVE_TOPICS = ['connection', 'estate', 'statuses', 'incidents', 'source', 'heartbeat', 'maintenances'] as const;
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
   * The gateway speaks another protocol version (it was upgraded while this page stayed open, as a
   * wall does for weeks): nothing more will come on this socket. The app reloads the page.
   */
  onIncompatibleProtocol?: () => void;
  /**
   * Coalesces `subscribe` notifications to one per frame (the app passes requestAnimationFrame).
   * Without it they are synchronous, as most component tests expect.
   */
  frames?: FrameScheduler;
  /**
   * Reads long messages (a storm's 1,000-change batches and 1,000-incident updates) in slices of a
   * few ms, in order, so that validating one is not a long task (the app passes browserTasks).
   * Without it each message is read at once, as most tests expect.
   */
  slices?: SliceTasks;
}

export class LiveStore {
  connection: ConnectionState = 'idle';
  source: SourceHealth | undefined;
  index: EstateIndex = EMPTY_ESTATE_INDEX;
  statuses = new Map<string, ProbeStatus>();
  /** Client-clock time of the last valid message: the data age shown to users. */
  lastMessageAt: number | undefined;
  /** Server time carried by the last snapshot, batch or heartbeat. */
  serverAt: number | undefined;
  /** serverAt − client receipt time of that same message; only messages carrying `at` move it. */
  private serverOffsetMs: number | undefined;
  /** Source observation → client receipt of the last batch, in ms (clock skew included). */
  lastLatencyMs: number | undefined;
  lastProtocolError: ProtocolError | undefined;
  /** Windows carried by the last `maintenances` event (lists are read over REST; this says "refetch"). */
  lastMaintenanceUpdate: MaintenanceWindow[] = [];
  resyncCount = 0;
  contractErrorCount = 0;

  private position: StreamPosition | undefined;
  /** Messages received and not read yet, in arrival order (only while one is read in slices). */
  private readonly inbox: Array<{ event: LiveEventName; payload: unknown }> = [];
  private reading = false;
  private stopReading: (() => void) | undefined;
  private awaitingSnapshot = false;
  private readonly siteStates = new SiteStates();
  private readonly troubled = new TroubledProbes();
  private readonly liveIncidents = new LiveIncidents();
  private readonly notifier: TopicNotifier<LiveTopic>;
  private readonly clock: () => number;

  constructor(private readonly options: LiveStoreOptions) {
    this.clock = options.clock ?? Date.now;
    this.notifier = new TopicNotifier(options.frames);
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
    this.notifier.notify(['connection']);
  }

  stop(): void {
    this.options.transport.stop();
    this.inbox.length = 0;
    this.stopReading?.();
    this.stopReading = undefined;
    this.reading = false;
    this.setConnection('idle');
    this.flushNotifications();
  }

  // ---- reads -------------------------------------------------------------------------------

  /** Told at most once per frame (with `frames`) after any of `topics` changed: for React. */
  subscribe(listener: Listener, topics?: readonly LiveTopic[]): () => void {
    return this.notifier.subscribe(listener, topics);
  }

  /** Told synchronously on every change: for imperative drivers that schedule their own frame. */
  subscribeNow(listener: Listener, topics?: readonly LiveTopic[]): () => void {
    return this.notifier.subscribeNow(listener, topics);
  }

  /** Deliver the pending coalesced notification now (the frame callback; tests may call it). */
  flushNotifications(): void {
    this.notifier.flush();
  }

  version(topic: LiveTopic): number {
    return this.notifier.version(topic);
  }

  /** Closed incidents are dropped at once, resolved ones a day after their resolution. */
  get incidents(): Map<string, Incident> {
    return this.liveIncidents.byId;
  }

  get stream(): StreamPosition | undefined {
    return this.position;
  }

  status(probeId: string): ProbeStatus | undefined {
    return this.statuses.get(probeId);
  }

  /** Worst state of a site's probes; PENDING when it has none checked yet. */
  siteState(siteId: string): ProbeState {
    return this.siteStates.state(siteId);
  }

  /** A probe of the site is in maintenance (declared window or engine downtime): its marker says so. */
  siteInMaintenance(siteId: string): boolean {
    return this.siteStates.inMaintenance(siteId);
  }

  collectiviteState(collectiviteId: string): ProbeState {
    const sites = this.index.sitesByCollectivite.get(collectiviteId) ?? [];
    return sites.length === 0 ? 'PENDING' : worstState(sites.map((s) => this.siteState(s.id)));
  }

  /** Incidents, newest first; the same array until incidents change. */
  incidentList(): readonly Incident[] {
    return this.liveIncidents.newestFirst();
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
  troubledStatuses(): ProbeStatus[] {
    return this.troubled.statuses(this.statuses);
  }

  /** Sites whose worst state changed since the last drain (read by the map once per frame). */
  drainSiteChanges(): SiteChanges {
    return this.siteStates.drainChanges();
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
    this.notifier.notify(['connection']);
  }

  /** Ask for a fresh snapshot; deltas are ignored until it arrives. */
  private resync(): void {
    if (this.awaitingSnapshot) return;
    this.awaitingSnapshot = true;
    this.resyncCount += 1;
    this.options.transport.subscribe({ protocol: PROTOCOL_VERSION });
    this.setConnection('syncing');
  }

  /** Every message goes through the inbox, so one read in slices holds the next ones back. */
  private receive(event: LiveEventName, payload: unknown): void {
    this.inbox.push({ event, payload });
    if (this.reading) return;
    this.reading = true;
    const steps = this.readInbox();
    if (!this.options.slices) {
      try {
        complete(steps);
      } finally {
        this.reading = false;
      }
      return;
    }
    // Read in tasks of their own: the socket's task only decodes the message (JSON), however long.
    this.stopReading = runInSlices(
      steps,
      () => {
        this.reading = false;
        this.stopReading = undefined;
      },
      this.options.slices,
      undefined,
      true,
    );
  }

  private *readInbox(): Steps<void> {
    for (let next = this.inbox.shift(); next; next = this.inbox.shift()) {
      try {
        yield* this.read(next.event, next.payload);
      } catch (error) {
        // A bug in one handler must not stop the reading of the next messages: report it as thrown.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }

  private *read(event: LiveEventName, payload: unknown): Steps<void> {
    switch (event) {
      case 'snapshot':
        return this.onSnapshot(payload);
      case 'deltas':
        return yield* this.onDeltas(payload);
      case 'incidents':
        return yield* this.onIncidents(payload);
      case 'heartbeat':
        return this.onHeartbeat(payload);
      case 'source':
        return this.onSource(payload);
      case 'protocol-error':
        return this.onProtocolError(payload);
      case 'maintenances':
        return this.onMaintenances(payload);
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
    this.troubled.rebuild(snapshot.statuses);
    this.liveIncidents.replace(snapshot.incidents);
    this.siteStates.rebuild(this.index, this.statuses);
    this.source = snapshot.source;
    this.lastMessageAt = this.clock();
    this.noteServerTime(snapshot.at, this.lastMessageAt);
    this.connection = 'live';
    this.notifier.notify(LIVE_TOPICS);
  }

  private *onDeltas(payload: unknown): Steps<void> {
    const parsed = yield* parseListInSteps(deltaBatchSchema, 'changes', payload);
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
    for (const status of batch.changes) this.statuses.set(status.probeId, status);
    this.troubled.apply(batch.changes);
    this.siteStates.apply(this.index, this.statuses, batch.changes);
    const topics: LiveTopic[] = ['statuses', 'heartbeat'];
    if (this.connection !== 'live') {
      this.connection = 'live';
      topics.push('connection');
    }
    this.notifier.notify(topics);
  }

  private *onIncidents(payload: unknown): Steps<void> {
    const parsed = yield* parseListInSteps(incidentUpdateSchema, 'incidents', payload);
    if (!parsed.ok) {
      this.invalid('incidents', parsed.error);
      return this.resync();
    }
    if (this.awaitingSnapshot || !this.position) return;
    if (!this.inStream(parsed.value)) return this.resync();
    this.liveIncidents.apply(parsed.value.incidents);
    this.lastMessageAt = this.clock();
    this.notifier.notify(['incidents', 'heartbeat']);
  }

  private onHeartbeat(payload: unknown): void {
    const parsed = parseMessage(heartbeatSchema, payload);
    if (!parsed.ok) return this.invalid('heartbeat', parsed.error);
    const beat = parsed.value;
    this.lastMessageAt = this.clock();
    this.noteServerTime(beat.at, this.lastMessageAt);
    this.source = beat.source;
    const topics: LiveTopic[] = ['heartbeat', 'source'];
    if (this.liveIncidents.forgetOld(beat.at)) topics.push('incidents');
    if (!this.awaitingSnapshot && this.position) {
      // A heartbeat ahead of us means batches were lost; another stream/epoch means a gateway restart.
      if (!this.inStream(beat) || beat.seq > this.position.seq) {
        this.notifier.notify(topics);
        return this.resync();
      }
      if (this.connection !== 'live') {
        this.connection = 'live';
        topics.push('connection');
      }
    }
    this.notifier.notify(topics);
  }

  private onSource(payload: unknown): void {
    const parsed = parseMessage(sourceHealthSchema, payload);
    if (!parsed.ok) return this.invalid('source', parsed.error);
    this.source = parsed.value;
    this.lastMessageAt = this.clock();
    this.notifier.notify(['source', 'heartbeat']);
  }

  /** A window changed: views holding a window list refetch it (topic `maintenances`). */
  private onMaintenances(payload: unknown): void {
    const parsed = parseMessage(maintenanceUpdateSchema, payload);
    if (!parsed.ok) return this.invalid('maintenances', parsed.error);
    this.lastMaintenanceUpdate = parsed.value.windows;
    this.notifier.notify(['maintenances']);
  }

  private onProtocolError(payload: unknown): void {
    const parsed = parseMessage(protocolErrorSchema, payload);
    if (!parsed.ok) return this.invalid('protocol-error', parsed.error);
    this.lastProtocolError = parsed.value;
    if (parsed.value.code === 'unauthorized') this.options.onUnauthorized?.();
    else if (parsed.value.field === 'protocol') this.options.onIncompatibleProtocol?.();
    this.notifier.notify(['connection']);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private noteServerTime(serverAt: number, clientAt: number): void {
    this.serverAt = serverAt;
    this.serverOffsetMs = serverAt - clientAt;
  }

  private setConnection(state: ConnectionState): void {
    if (this.connection === state) return;
    this.connection = state;
    this.notifier.notify(['connection']);
  }
}
