// The gateway's runtime-free heart, the first half of the one-way live path: a source feeds the
// supervision state (incidents, history), whose changes feed the stream hub. The Node gateway
// (app.ts: fastify + socket.io around it) and the offline demo (mocks/msw/demo-gateway.ts: MSW and
// an in-page transport around it) both build exactly this; timers and storage are passed in.
import type { MaintenanceRules } from '../src/domain/maintenance.ts';
import type { SupervisionSource } from '../src/protocol/source.ts';
import type { Storage } from './ports.ts';
import { createStreamHub, type StreamHub, type StreamHubOptions } from './stream/stream-hub.ts';
import { systemTimers, type Timers } from './stream/timers.ts';
import type { RestoredState } from './supervision/restore.ts';
import { createSupervision, type Supervision } from './supervision/supervision.ts';

export interface GatewayCoreOptions {
  source: SupervisionSource;
  storage: Storage;
  timers?: Timers;
  /** How often the supervision writes what is queued (ms). */
  persistMs?: number;
  /** Already loaded by the caller (see restoreState); loaded at start otherwise. */
  restored?: RestoredState;
  /** Stream hub timing and resume buffer (flushMs, heartbeatMs, bufferBatches…). */
  stream?: Omit<StreamHubOptions, 'view' | 'timers' | 'onListenerError'>;
  log?: (message: string, detail?: unknown) => void;
  /** Maintenance limits (longest window); the contract's defaults otherwise. */
  maintenanceRules?: MaintenanceRules;
}

export interface GatewayCore {
  readonly supervision: Supervision;
  readonly hub: StreamHub;
  /** Restore, then start the source. */
  start(): Promise<void>;
  /** Stop the source (its last changes still reach the hub) and write what is queued, then stop the hub. */
  stop(): Promise<void>;
}

export function createGatewayCore(options: GatewayCoreOptions): GatewayCore {
  const { log } = options;
  const timers = options.timers ?? systemTimers;
  const supervision = createSupervision({
    source: options.source,
    storage: options.storage,
    timers,
    ...(options.persistMs !== undefined && { persistMs: options.persistMs }),
    ...(options.restored && { restored: options.restored }),
    ...(log && { log }),
    ...(options.maintenanceRules && { maintenanceRules: options.maintenanceRules }),
  });
  const hub = createStreamHub({ view: supervision, timers, ...options.stream, ...(log && { onListenerError: (error: unknown) => log('live delivery failed', error) }) });
  const stopFeed = supervision.subscribe((change) => hub.publish(change));
  let started = false;
  return {
    supervision,
    hub,
    async start() {
      await supervision.start();
      started = true;
    },
    async stop() {
      try {
        if (started) await supervision.stop();
      } finally {
        stopFeed();
        hub.stop();
      }
    },
  };
}
