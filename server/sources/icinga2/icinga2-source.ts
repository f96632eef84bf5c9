// Vigie's Icinga 2 source: the assembly of its parts. The session keeps one connection to Icinga
// (stream first, then snapshot; backoff and stale health when the engine goes away); the follower
// keeps the tracked probes in step with the snapshot and the stream; the catch-up poll backs up a
// stream that Icinga 2.13 can hold back for up to 5 s; operator actions are pushed back to Icinga;
// maintenance windows become downtimes and Icinga's own downtimes become windows (downtime-sync.ts).
import type { Instant } from '../../../src/domain/model.ts';
import type { SourceEvents, SupervisionSource } from '../../../src/protocol/source.ts';
import { AcknowledgementReports } from './acknowledgement-reports.ts';
import { createActionPush } from './action-push.ts';
import { createCatchUpPoll } from './catch-up-poll.ts';
import { createEngineHealth } from './engine-health.ts';
import { createDowntimeSync } from './downtime-sync.ts';
import { createEngineSession } from './engine-session.ts';
import type { UnmappedObject } from './estate-mapping.ts';
import { createIcingaClient, type IcingaClient, type IcingaConnection } from './icinga-client.ts';
import { createProbeFollower } from './probe-follower.ts';
import type { SourceContext, SourceLog } from './source-context.ts';
import { TrackedProbes } from './tracked-probes.ts';

export const ICINGA2_SOURCE_NAME = 'icinga2';

export interface Icinga2SourceConfig extends IcingaConnection {
  retry?: { initialDelayMs?: number; maxDelayMs?: number };
  /** While connected, how often the engine is asked whether it is alive (catches silent hangs). */
  pingIntervalMs?: number;
  /** How often objects checked since the last look are fetched (0 disables the catch-up poll). */
  pollIntervalMs?: number;
  requestTimeoutMs?: number;
  clock?: () => Instant;
  log?: SourceLog;
  /** Injected transport for tests; built from the connection settings otherwise. */
  client?: IcingaClient;
}

export interface Icinga2Source extends SupervisionSource {
  /** Icinga objects left out of the estate, with the reason (shown by the gateway's /health). */
  unmapped(): UnmappedObject[];
}

export function createIcinga2Source(config: Icinga2SourceConfig): Icinga2Source {
  const clock = config.clock ?? Date.now;
  let sink: SourceEvents | undefined;
  const report: SourceEvents = {
    snapshot: (estate, statuses, at) => sink?.snapshot(estate, statuses, at),
    status: (status, observedAt) => sink?.status(status, observedAt),
    action: (action) => sink?.action(action),
    health: (health) => sink?.health(health),
    maintenance: (windows) => sink?.maintenance?.(windows),
  };
  const ctx: SourceContext = {
    client: config.client ?? createIcingaClient(config),
    timeoutMs: config.requestTimeoutMs ?? 5_000,
    clock,
    log: config.log ?? ((level, message) => console[level](`[icinga2] ${message}`)),
    tracked: new TrackedProbes(),
    acks: new AcknowledgementReports(clock, report.action),
    report,
  };
  const connection = { url: config.url, user: config.user, ...(config.servername && { servername: config.servername }), ...(config.caPath && { caPath: config.caPath }) };
  const health = createEngineHealth(ICINGA2_SOURCE_NAME, clock, report.health);
  const session = createEngineSession(
    { ...ctx, connection },
    {
      retry: { initialDelayMs: config.retry?.initialDelayMs ?? 500, maxDelayMs: config.retry?.maxDelayMs ?? 10_000 },
      pingIntervalMs: config.pingIntervalMs ?? 5_000,
      pollIntervalMs: config.pollIntervalMs ?? 1_000,
    },
    health,
    // The session calls these only once started, when the follower and the poll below exist.
    {
      onEvent: (event) => {
        follower.applyEvent(event);
        if (event.type.startsWith('Downtime')) downtimes.downtimeEvent();
      },
      onSnapshot: (snapshot, held, first) => {
        follower.applySnapshot(snapshot, held, first);
        downtimes.connected();
      },
      onPoll: (epoch) => void poll(epoch),
    },
  );
  const follower = createProbeFollower(ctx, session);
  const poll = createCatchUpPoll(ctx, follower, session);
  const downtimes = createDowntimeSync(ctx, { ...session, connected: () => health.state === 'connected' }, () => ctx.tracked.estate, ICINGA2_SOURCE_NAME);

  return {
    name: ICINGA2_SOURCE_NAME,
    now: () => clock(),
    unmapped: () => follower.unmapped(),
    async start(events) {
      sink = events;
      await session.start();
    },
    async stop() {
      session.stop();
      downtimes.stop();
      ctx.client.destroy();
    },
    pushAction: createActionPush(ctx),
    syncMaintenance: (windows) => downtimes.push(windows),
  };
}
