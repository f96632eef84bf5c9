// Vigie's Icinga 2 source. Icinga's event stream has no initial state, so each connection opens the
// stream first, buffers it, takes the snapshot, then folds in the buffered events; any failure or
// engine restart marks the data stale and reconnects with exponential backoff. Icinga 2.13 can hold
// stream events back for up to 5 s, so a light poll of recently checked objects backs it up.
import { randomUUID } from 'node:crypto';
import type { Instant, ProbeStatus } from '../../../src/domain/model.ts';
import type { SourceAction, SourceEvents, SupervisionSource } from '../../../src/protocol/source.ts';
import { mapIcingaObjects, type ProbeBinding, type UnmappedObject } from './estate-mapping.ts';
import { createLineSplitter } from './event-lines.ts';
import { pushActionToIcinga } from './icinga-actions.ts';
import { createIcingaClient, type IcingaClient, type IcingaConnection } from './icinga-client.ts';
import { ackCommentSchema, EVENT_TYPES, objectResultSchema, parseEventLine, type IcingaEvent } from './icinga-shapes.ts';
import { probeIdOf } from './probe-ids.ts';
import { sameStatus } from '../../../src/domain/model.ts';
import { applyAckEvent, applyCheckEvent, checkTimeOf, statusFromObject, toInstant } from './probe-status.ts';
import { fetchAckComment, fetchCheckedSince, fetchObject, fetchSnapshot } from './snapshot-queries.ts';

export const ICINGA2_SOURCE_NAME = 'icinga2';

export interface Icinga2SourceConfig extends IcingaConnection {
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** While connected, how often the engine is asked whether it is alive (catches silent hangs). */
  pingIntervalMs?: number;
  /** How often objects checked since the last look are fetched (0 disables the catch-up poll). */
  pollIntervalMs?: number;
  requestTimeoutMs?: number;
  clock?: () => Instant;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** Injected transport for tests; built from the connection settings otherwise. */
  client?: IcingaClient;
}

export interface Icinga2Source extends SupervisionSource {
  /** Icinga objects left out of the estate, with the reason (shown by the gateway's /health). */
  unmapped(): UnmappedObject[];
}

/** How long an acknowledgement pushed from Vigie is expected to come back through the stream. */
const ECHO_MS = 60_000;

export function createIcinga2Source(config: Icinga2SourceConfig): Icinga2Source {
  const clock = config.clock ?? Date.now;
  const log = config.log ?? ((level, message) => console[level](`[icinga2] ${message}`));
  const client = config.client ?? createIcingaClient(config);
  const initialDelay = config.retry?.initialDelayMs ?? 500;
  const maxDelay = config.retry?.maxDelayMs ?? 10_000;
  const pingInterval = config.pingIntervalMs ?? 5_000;
  const pollInterval = config.pollIntervalMs ?? 1_000;
  const timeout = config.requestTimeoutMs ?? 5_000;

  let sink: SourceEvents | undefined;
  let running = false;
  let generation = 0;
  let stream: { close(): void } | undefined;
  let buffer: IcingaEvent[] | undefined;
  let probes = new Map<string, ProbeBinding>();
  let statuses = new Map<string, ProbeStatus>();
  let knownNames = new Set<string>();
  let unmapped: UnmappedObject[] = [];
  let health: 'connected' | 'stale' | undefined;
  let delay = initialDelay;
  let programStart: number | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let resyncTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;
  let polling = false;
  /** Latest last_check seen (Icinga's clock, seconds): the catch-up poll asks for anything newer. */
  let checkMark = 0;
  const refreshing = new Set<string>();
  const echoes = new Map<string, { by: string; until: Instant }>();
  /** Probes whose current acknowledgement was already reported (the stream, the poll or a push may each see it). */
  const reportedAcks = new Set<string>();

  function setHealth(state: 'connected' | 'stale', detail?: string): void {
    if (health === state) return;
    health = state;
    sink?.health({ state, source: ICINGA2_SOURCE_NAME, since: clock(), ...(detail ? { detail: detail.slice(0, 500) } : {}) });
  }

  function clearTimers(): void {
    clearTimeout(retryTimer);
    clearTimeout(resyncTimer);
    clearInterval(pingTimer);
    clearInterval(pollTimer);
    retryTimer = resyncTimer = pingTimer = pollTimer = undefined;
  }

  function closeStream(): void {
    stream?.close();
    stream = undefined;
    buffer = undefined;
  }

  /** The engine went away (or answered nonsense): stale now, reconnect after the backoff delay. */
  function lost(reason: string): void {
    generation++;
    closeStream();
    clearTimers();
    if (health !== 'stale') log('warn', `engine unreachable: ${reason}; retrying`);
    setHealth('stale', reason);
    if (!running) return;
    retryTimer = setTimeout(() => void connect(), delay);
    delay = Math.min(delay * 2, maxDelay);
  }

  async function connect(): Promise<void> {
    const gen = ++generation;
    closeStream();
    clearTimers();
    const splitter = createLineSplitter((line) => gen === generation && onLine(line), {
      onOversized: (chars) => log('warn', `dropped an event line of ${chars} characters`),
    });
    try {
      buffer = [];
      const opened = await client.openEventStream(
        { queue: `vigie-${randomUUID()}`, types: EVENT_TYPES },
        { onChunk: (chunk) => gen === generation && splitter.push(chunk), onClose: (error) => gen === generation && lost(error?.message ?? 'event stream closed') },
        timeout,
      );
      if (gen !== generation) return opened.close();
      stream = opened;
      const snapshot = await fetchSnapshot(client, timeout);
      if (gen !== generation) return;
      applySnapshot(snapshot);
      delay = initialDelay;
      pingTimer = setInterval(() => void ping(gen), pingInterval);
      if (pollInterval > 0) pollTimer = setInterval(() => void poll(gen), pollInterval);
    } catch (error) {
      if (gen === generation) lost((error as Error).message);
    }
  }

  function applySnapshot(snapshot: Awaited<ReturnType<typeof fetchSnapshot>>): void {
    const at = clock();
    const mapping = mapIcingaObjects(snapshot.hosts, snapshot.services, at);
    const previous = statuses;
    const firstSnapshot = programStart === undefined;
    if (!firstSnapshot && snapshot.programStart !== programStart) log('info', 'engine restarted: taking a fresh snapshot');
    programStart = snapshot.programStart;
    probes = mapping.probes;
    statuses = new Map(mapping.statuses.map((s) => [s.probeId, s]));
    knownNames = new Set([...snapshot.hosts, ...snapshot.services].map((r) => String((r as { name?: unknown }).name)));
    reportUnmapped(mapping.unmapped);

    // Acknowledgements made in Icinga while Vigie was not listening (not on the very first snapshot:
    // the gateway restored its own incidents, and would otherwise record them twice).
    const actions = new Map<string, SourceAction>();
    if (!firstSnapshot) {
      for (const [probeId, ack] of ackComments(snapshot.ackComments)) {
        if (statuses.get(probeId)?.acknowledged && previous.get(probeId)?.acknowledged === false) actions.set(probeId, ack);
      }
    }
    reportedAcks.clear();
    for (const s of statuses.values()) if (s.acknowledged) reportedAcks.add(s.probeId);
    const buffered = buffer ?? [];
    buffer = undefined;
    for (const event of buffered) handleEvent(event, actions);
    checkMark = 0;
    for (const s of statuses.values()) raiseMark(s);
    sink?.snapshot(mapping.estate, [...statuses.values()], at);
    for (const action of actions.values()) emitAction(action);
    setHealth('connected');
  }

  function onLine(line: string): void {
    const parsed = parseEventLine(line);
    if ('error' in parsed) return log('warn', `event stream: ${parsed.error}`);
    if ('ignored' in parsed) return;
    if (buffer) buffer.push(parsed.event);
    else handleEvent(parsed.event);
  }

  /** Apply one event; `replay` collects actions while folding buffered events into a snapshot. */
  function handleEvent(event: IcingaEvent, replay?: Map<string, SourceAction>): void {
    if (event.type.startsWith('Downtime')) {
      const { host_name, service_name } = (event as Extract<IcingaEvent, { downtime: unknown }>).downtime;
      return refresh(probeIdOf(host_name, service_name || undefined));
    }
    const { host, service } = event as Exclude<IcingaEvent, { downtime: unknown }>;
    const probeId = probeIdOf(host, service);
    const binding = probes.get(probeId);
    const current = statuses.get(probeId);
    if (!binding || !current) return unknownObject(service === undefined ? host : `${host}!${service}`);
    let next: ProbeStatus;
    if (event.type === 'CheckResult' || event.type === 'StateChange') {
      // Already known (from the snapshot or the catch-up poll): a result no newer than the last check.
      if (current.lastCheck !== null && toInstant(checkTimeOf(event)) <= current.lastCheck) return;
      next = applyCheckEvent(current, event, binding.kind);
    } else if (event.type === 'AcknowledgementSet' || event.type === 'AcknowledgementCleared') {
      next = applyAckEvent(current, event);
      if (event.type === 'AcknowledgementCleared') reportedAcks.delete(probeId);
      else if (replay || !reportedAcks.has(probeId)) {
        const action: SourceAction = { type: 'acknowledge', probeId, at: observedAt(event.timestamp), by: event.author || 'icinga' };
        if (event.comment) action.comment = event.comment;
        if (replay) replay.set(probeId, action);
        else emitAction(action);
      }
    } else return;
    if (!next.acknowledged) reportedAcks.delete(probeId);
    if (sameStatus(next, current)) return;
    statuses.set(probeId, next);
    raiseMark(next);
    if (!replay) sink?.status(next, observedAt(event.timestamp));
  }

  /** Catch-up: objects checked since the newest result we know, in case the stream held them back. */
  async function poll(gen: number): Promise<void> {
    if (polling || buffer) return;
    polling = true;
    try {
      const objects = await fetchCheckedSince(client, checkMark - 0.001, timeout);
      if (gen !== generation || buffer) return;
      const flagged = new Set<string>();
      for (const result of objects) {
        const parsed = objectResultSchema.safeParse(result);
        if (!parsed.success) continue;
        const object = parsed.data;
        const probeId = object.type === 'Host' ? probeIdOf(object.name) : object.name;
        const binding = probes.get(probeId);
        const current = statuses.get(probeId);
        if (!binding || !current) {
          unknownObject(object.name);
          continue;
        }
        const next = statusFromObject(probeId, object, binding.kind, clock());
        if (next.state === current.state) next.since = current.since;
        if (next.acknowledged || next.inDowntime) flagged.add(probeId);
        if ((current.lastCheck !== null && (next.lastCheck ?? 0) < current.lastCheck) || sameStatus(next, current)) continue;
        statuses.set(probeId, next);
        raiseMark(next);
        sink?.status(next, next.lastCheck === null ? clock() : observedAt(next.lastCheck / 1000));
        if (!next.acknowledged) reportedAcks.delete(probeId);
        else if (!reportedAcks.has(probeId)) void reportAckOf(probeId, gen);
      }
      // Flags cleared without a new check (acknowledgement or downtime removed): confirm with Icinga.
      for (const s of statuses.values()) if ((s.acknowledged || s.inDowntime) && !flagged.has(s.probeId)) refresh(s.probeId);
    } catch (error) {
      if (gen === generation) lost((error as Error).message);
    } finally {
      polling = false;
    }
  }

  /** An acknowledgement the poll saw before its stream event: report it with its author now. */
  async function reportAckOf(probeId: string, gen: number): Promise<void> {
    reportedAcks.add(probeId);
    try {
      const [action] = ackComments([await fetchAckComment(client, probeId, timeout)]).values();
      if (gen !== generation || !statuses.get(probeId)?.acknowledged) return;
      emitAction(action ?? { type: 'acknowledge', probeId, at: clock(), by: 'icinga' });
    } catch (error) {
      reportedAcks.delete(probeId);
      log('warn', `reading the acknowledgement of ${probeId} failed: ${(error as Error).message}`);
    }
  }

  function raiseMark(status: ProbeStatus): void {
    if (status.lastCheck !== null) checkMark = Math.max(checkMark, status.lastCheck / 1000);
  }

  /** Acks pushed from Vigie come back as AcknowledgementSet: recorded once, in Vigie, already. */
  function emitAction(action: SourceAction): void {
    reportedAcks.add(action.probeId);
    const echo = echoes.get(action.probeId);
    if (echo && echo.by === action.by && echo.until >= clock()) return void echoes.delete(action.probeId);
    sink?.action(action);
  }

  /** Downtimes carry no depth: ask Icinga for the object's current flags. */
  function refresh(probeId: string): void {
    if (refreshing.has(probeId) || !probes.has(probeId)) return;
    refreshing.add(probeId);
    const gen = generation;
    fetchObject(client, probeId, timeout)
      .then((object) => {
        const current = statuses.get(probeId);
        if (gen !== generation || !object || !current) return;
        const next = { ...current, inDowntime: object.attrs.downtime_depth > 0, acknowledged: object.attrs.acknowledgement > 0 };
        if (sameStatus(next, current)) return;
        statuses.set(probeId, next);
        sink?.status(next, clock());
      })
      .catch((error: Error) => log('warn', `refreshing ${probeId} failed: ${error.message}`))
      .finally(() => refreshing.delete(probeId));
  }

  /** An object created after the snapshot (e.g. through the API): take a new snapshot shortly. */
  function unknownObject(name: string): void {
    if (knownNames.has(name) || resyncTimer || buffer) return;
    log('info', `new Icinga object ${name}: taking a fresh snapshot`);
    resyncTimer = setTimeout(() => void connect(), 1_000);
  }

  async function ping(gen: number): Promise<void> {
    try {
      const res = await client.request('GET', '/v1/status/IcingaApplication', { timeoutMs: Math.min(timeout, pingInterval) });
      if (gen !== generation) return;
      if (res.status !== 200) return lost(`status query answered HTTP ${res.status}`);
      const start = (res.body as { results?: Array<{ status?: { icingaapplication?: { app?: { program_start?: number } } } }> }).results?.[0]?.status?.icingaapplication?.app?.program_start;
      if (start !== undefined && start !== programStart) void connect();
    } catch (error) {
      if (gen === generation) lost((error as Error).message);
    }
  }

  function reportUnmapped(next: UnmappedObject[]): void {
    const before = new Set(unmapped.map((u) => u.name));
    for (const u of next) if (!before.has(u.name)) log('warn', `not mapped: ${u.type} ${u.name} — ${u.reason}`);
    unmapped = next;
  }

  function observedAt(seconds: number): Instant {
    return Math.min(toInstant(seconds), clock());
  }

  return {
    name: ICINGA2_SOURCE_NAME,
    now: () => clock(),
    unmapped: () => unmapped.map((u) => ({ ...u })),
    async start(events) {
      sink = events;
      running = true;
      await connect();
    },
    async stop() {
      running = false;
      generation++;
      closeStream();
      clearTimers();
      client.destroy();
    },
    async pushAction(action) {
      if (!probes.has(action.probeId)) throw new Error(`unknown Icinga probe ${action.probeId}`);
      if (action.type !== 'comment') echoes.set(action.probeId, { by: action.by, until: clock() + ECHO_MS });
      try {
        const outcome = await pushActionToIcinga(client, action, timeout);
        if (outcome === 'commented') echoes.delete(action.probeId);
        const current = statuses.get(action.probeId);
        if (outcome === 'acknowledged' && current && !current.acknowledged) {
          // Icinga confirmed it: show it now rather than when the stream gets round to it.
          reportedAcks.add(action.probeId);
          statuses.set(action.probeId, { ...current, acknowledged: true });
          sink?.status({ ...current, acknowledged: true }, clock());
        }
      } catch (error) {
        echoes.delete(action.probeId);
        throw error;
      }
    },
  };
}

function ackComments(results: unknown[]): Map<string, SourceAction> {
  const out = new Map<string, SourceAction>();
  for (const result of results) {
    const parsed = ackCommentSchema.safeParse(result);
    if (!parsed.success) continue;
    const { author, text, host_name, service_name, entry_time } = parsed.data.attrs;
    const probeId = probeIdOf(host_name, service_name || undefined);
    const action: SourceAction = { type: 'acknowledge', probeId, at: toInstant(entry_time), by: author || 'icinga' };
    if (text) action.comment = text;
    out.set(probeId, action);
  }
  return out;
}
