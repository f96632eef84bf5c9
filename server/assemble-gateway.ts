// The gateway as `npm start` builds it: storage (PGlite, or PostgreSQL with DATABASE_URL) → restored
// state → source → sessions and their revocation watch → createGateway with the REST API. Shared by
// server/main.ts and the bench gateway so the two cannot drift; what belongs to a process (signals,
// banner, accounts socket, test hooks) stays with the process.
import { startRollupSchedule, type RollupSchedule } from './rollup/rollup-schedule.ts';
import { reportDocuments } from './reports/report-documents.ts';
import type { FastifyInstance } from 'fastify';
import { LIVE_RECENT_MS } from '../src/domain/incident-rules.ts';
import type { Instant } from '../src/domain/model.ts';
import type { SupervisionSource } from '../src/protocol/source.ts';
import type { AuthService } from './accounts/auth-service.ts';
import { createSessionService } from './accounts/session-service.ts';
import { DEFAULT_MAINTENANCE_RULES } from '../src/domain/maintenance.ts';
import { createGateway, type Gateway, type RouteContext } from './app.ts';
import type { Config } from './config.ts';
import { createCoveredCalendar } from './http/covered-calendar.ts';
import { registerApiRoutes } from './http/fastify/register-api-routes.ts';
import type { Storage } from './ports.ts';
import { openStorage } from './storage/open-storage.ts';
import { startAlarmService, type AlarmService } from './alarms/alarm-service.ts';
import { noticeFor } from './alarms/maintenance-notices.ts';
import { indexEstate } from '../src/domain/estate-index.ts';
import type { Supervision } from './supervision/supervision.ts';
import { lastKnownInstant, restoreState } from './supervision/restore.ts';

/** How often open sessions are checked against disabled or changed accounts. */
const REVOCATION_CHECK_MS = 5_000;

export interface GatewayAssembly<S extends SupervisionSource> {
  /** Called once storage is read: `start` is now, or just after the last stored instant if later. */
  source(start: Instant): S;
  /** Mounted after the REST API (the bench's control routes). */
  routes?(app: FastifyInstance, context: RouteContext & { source: S }): Promise<void> | void;
  /** Folder of the built SPA, false for none; default: dist/ when it is built. */
  staticDir?: string | false;
  /** fastify/pino level; default `warn`. */
  logLevel?: string;
}

export interface AssembledGateway<S extends SupervisionSource> {
  /** Not started yet: callers may attach to it (gateway.io) before gateway.start(port, host). */
  gateway: Gateway;
  storage: Storage;
  sessions: AuthService;
  source: S;
  /** The alarm worker and its channels (absent when storage has no alarm store). */
  alarms?: AlarmService;
  /** Stop the revocation watch, close the gateway (source, queued writes, sockets, port), then storage. */
  close(): Promise<void>;
}

export async function assembleGateway<S extends SupervisionSource>(config: Config, assembly: GatewayAssembly<S>): Promise<AssembledGateway<S>> {
  const storage = await openStorage({ dataDir: config.dataDir, ...(config.databaseUrl && { databaseUrl: config.databaseUrl }) });
  let stopRevocationWatch = () => {};
  let alarms: AlarmService | undefined;
  try {
    const restored = await restoreState(storage, { now: Date.now(), recentMs: LIVE_RECENT_MS });
    // A restarted simulated clock must not start before what storage already holds.
    const source = assembly.source(Math.max(Date.now(), (lastKnownInstant(restored) ?? 0) + 1));
    const sessions = await createSessionService({ accounts: storage.accounts, now: () => Date.now() });
    const calendar = createCoveredCalendar(config.coveredHours);
    const late: { supervision?: Supervision } = {};
    alarms = await startAlarmService({ settings: config.alarms, storage, dataDir: config.dataDir, calendar, supervision: () => late.supervision });
    stopRevocationWatch = sessions.watchRevocations(REVOCATION_CHECK_MS);
    const gateway = await createGateway({
      storage,
      sessions,
      source,
      config,
      restored,
      routes: async (app, context) => {
        await registerApiRoutes(app, { state: context.supervision, storage, sessions, calendar, documents: reportDocuments(), ...(alarms && { alarms }) });
        await assembly.routes?.(app, { ...context, source });
      },
      stream: config.stream,
      persistMs: config.persistMs,
      maintenanceRules: { ...DEFAULT_MAINTENANCE_RULES, maxDurationMs: config.maintenanceMaxHours * 3_600_000 },
      logger: { level: assembly.logLevel ?? 'warn' },
      ...(assembly.staticDir !== undefined && { staticDir: assembly.staticDir }),
    });
    late.supervision = gateway.supervision;
    // Daily availability roll-ups (docs/storage.md): backfilled in the background, then kept up.
    const rollups = storage.rollups;
    const rollup = rollups
      ? startRollupSchedule({ storage: { loadStateChanges: (...a) => storage.loadStateChanges(...a), rollups }, calendar, now: () => gateway.supervision.now(), log: (line) => console.log(`Vigie: ${line}`) })
      : undefined;
    const started = alarms;
    // Maintenance windows announced by the alarm channels (#14 → #15).
    if (started) {
      const supervision = gateway.supervision;
      const stopNotices = supervision.subscribe((change) => {
        for (const c of change.maintenances ?? []) {
          const notice = noticeFor(c, indexEstate(supervision.estate()));
          if (notice) started.maintenance.noticed(notice).catch((error: unknown) => console.error('Vigie: maintenance alarm not recorded', error));
        }
      });
      const stopRevocations = stopRevocationWatch;
      stopRevocationWatch = () => {
        stopNotices();
        stopRevocations();
      };
    }
    return { gateway, storage, sessions, source, ...(started && { alarms: started }), close: () => closeInOrder(stopRevocationWatch, gateway, storage, started, rollup) };
  } catch (error) {
    stopRevocationWatch();
    await alarms?.stop().catch(() => undefined);
    await storage.close().catch(() => undefined);
    throw error;
  }
}

/** Storage is closed even when the gateway fails to close; the failures are reported together. */
async function closeInOrder(stopRevocationWatch: () => void, gateway: Gateway, storage: Storage, alarms?: AlarmService, rollup?: RollupSchedule): Promise<void> {
  stopRevocationWatch();
  const failures: Error[] = [];
  await rollup?.stop().catch((cause: unknown) => failures.push(new Error('stopping the availability roll-up failed', { cause })));
  await alarms?.stop().catch((cause: unknown) => failures.push(new Error('stopping the alarm service failed', { cause })));
  await gateway.close().catch((cause: unknown) => failures.push(new Error('closing the gateway failed', { cause })));
  await storage.close().catch((cause: unknown) => failures.push(new Error('closing storage failed', { cause })));
  if (failures.length > 1) throw new AggregateError(failures, 'closing the gateway and its storage failed');
  if (failures[0]) throw failures[0];
}
