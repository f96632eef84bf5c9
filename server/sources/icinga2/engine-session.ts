// The connection to Icinga and its lifecycle. Icinga's event stream has no initial state, so each
// connection opens the stream first, holds its events back, takes the snapshot, then hands both
// over. Any failure, silent hang or engine restart marks the data stale and reconnects with
// exponential backoff; every answer is tagged with its connection (epoch) so late ones are dropped.
import { randomUUID } from 'node:crypto';
import { classifySourceProblem, type ProblemContext } from './classify-source-problem.ts';
import type { EngineHealth } from './engine-health.ts';
import { createLineSplitter } from './event-lines.ts';
import { EVENT_TYPES, parseEventLine, type IcingaEvent } from './icinga-shapes.ts';
import { IcingaHttpError } from './icinga-client.ts';
import { createRetryBackoff } from './retry-backoff.ts';
import { fetchEngineStatus, fetchSnapshot, type IcingaSnapshot } from './snapshot-queries.ts';
import type { EngineEpochs, SourceContext } from './source-context.ts';

export interface EngineSessionSettings {
  retry: { initialDelayMs: number; maxDelayMs: number };
  /** While connected, how often the engine is asked whether it is alive (catches silent hangs). */
  pingIntervalMs: number;
  /** How often the catch-up poll runs (0 disables it). */
  pollIntervalMs: number;
}

/** What the session hands over: events once the snapshot is in, the snapshot with the events held meanwhile, poll ticks. */
export interface EngineSessionHandlers {
  onEvent(event: IcingaEvent): void;
  /** `first` is true until a snapshot told the engine's start time. */
  onSnapshot(snapshot: IcingaSnapshot, held: IcingaEvent[], first: boolean): void;
  onPoll(epoch: number): void;
}

export interface EngineSession extends EngineEpochs {
  start(): Promise<void>;
  stop(): void;
  /** The engine went away (or answered nonsense): stale now, reconnect after the backoff delay. */
  lost(reason: unknown): void;
  /** An object created after the snapshot (e.g. through the API): take a new snapshot shortly. */
  resyncSoon(name: string): void;
}

const RESYNC_DELAY_MS = 1_000;

export function createEngineSession(
  ctx: Pick<SourceContext, 'client' | 'timeoutMs' | 'log'> & { connection: ProblemContext },
  settings: EngineSessionSettings,
  health: EngineHealth,
  handlers: EngineSessionHandlers,
): EngineSession {
  const { client, timeoutMs, log } = ctx;
  const backoff = createRetryBackoff(settings.retry.initialDelayMs, settings.retry.maxDelayMs);
  let running = false;
  let generation = 0;
  let stream: { close(): void } | undefined;
  /** Events that arrived while the snapshot is being taken; defined only then. */
  let held: IcingaEvent[] | undefined;
  let programStart: number | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let resyncTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let pollTimer: ReturnType<typeof setInterval> | undefined;

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
    held = undefined;
  }

  /** A failure (an Error, or a reason in words): stale, classified, logged once per new problem. */
  function lost(reason: unknown): void {
    generation++;
    closeStream();
    clearTimers();
    const detail = reason instanceof Error ? reason.message : String(reason);
    const problem = reason instanceof Error ? classifySourceProblem(reason, ctx.connection) : undefined;
    const before = health.problem;
    const news = health.state !== 'stale' || (problem && (problem.kind !== before?.kind || problem.message !== before.message));
    if (news) log('warn', problem ? `${problem.message} Fix: ${problem.fix} (retrying until then)` : `engine unreachable: ${detail}; retrying`);
    health.set('stale', detail, problem);
    if (!running) return;
    retryTimer = setTimeout(() => void connect(), backoff.next());
  }

  async function connect(): Promise<void> {
    const gen = ++generation;
    closeStream();
    clearTimers();
    const splitter = createLineSplitter((line) => gen === generation && onLine(line), {
      onOversized: (chars) => log('warn', `dropped an event line of ${chars} characters`),
    });
    try {
      held = [];
      const opened = await client.openEventStream(
        { queue: `vigie-${randomUUID()}`, types: EVENT_TYPES },
        { onChunk: (chunk) => gen === generation && splitter.push(chunk), onClose: (error) => gen === generation && lost(error ?? 'event stream closed') },
        timeoutMs,
      );
      if (gen !== generation) return opened.close();
      stream = opened;
      const snapshot = await fetchSnapshot(client, timeoutMs);
      if (gen !== generation) return;
      handOver(snapshot);
      backoff.reset();
      pingTimer = setInterval(() => void ping(gen), settings.pingIntervalMs);
      if (settings.pollIntervalMs > 0) pollTimer = setInterval(() => handlers.onPoll(gen), settings.pollIntervalMs);
    } catch (error) {
      if (gen === generation) lost(error);
    }
  }

  function handOver(snapshot: IcingaSnapshot): void {
    const first = programStart === undefined;
    if (!first && snapshot.programStart !== programStart) log('info', 'engine restarted: taking a fresh snapshot');
    programStart = snapshot.programStart;
    const events = held ?? [];
    held = undefined;
    handlers.onSnapshot(snapshot, events, first);
    health.set('connected');
  }

  function onLine(line: string): void {
    const parsed = parseEventLine(line);
    if ('error' in parsed) return log('warn', `event stream: ${parsed.error}`);
    if ('ignored' in parsed) return;
    if (held) held.push(parsed.event);
    else handlers.onEvent(parsed.event);
  }

  async function ping(gen: number): Promise<void> {
    try {
      const answer = await fetchEngineStatus(client, Math.min(timeoutMs, settings.pingIntervalMs));
      if (gen !== generation) return;
      if (answer.status !== 200) return lost(new IcingaHttpError(answer.status, '/v1/status/IcingaApplication', answer.engineStatus));
      if (answer.programStart !== undefined && answer.programStart !== programStart) void connect();
    } catch (error) {
      if (gen === generation) lost(error);
    }
  }

  return {
    epoch: () => generation,
    isCurrent: (epoch) => epoch === generation,
    lost,
    resyncSoon(name) {
      if (resyncTimer || held) return;
      log('info', `new Icinga object ${name}: taking a fresh snapshot`);
      resyncTimer = setTimeout(() => void connect(), RESYNC_DELAY_MS);
    },
    async start() {
      running = true;
      await connect();
    },
    stop() {
      running = false;
      generation++;
      closeStream();
      clearTimers();
    },
  };
}
