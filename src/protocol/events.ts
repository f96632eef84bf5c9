// Typed socket.io event maps for the live stream. Both ends use these so that an event name or
// payload shape cannot be misspelt; payloads are still parsed at each boundary.
import type { DeltaBatch, Heartbeat, IncidentUpdate, ProtocolError, SourceHealth, SubscribeRequest } from './schemas.ts';
import type { WireSnapshot } from './wire-snapshot.ts';
import type { MaintenanceUpdate } from './maintenance.ts';

/** socket.io namespace path of the live stream. */
export const LIVE_NAMESPACE = '/live';

export interface ServerToClientEvents {
  /** Full state of the stream's scope, in columns (wire-snapshot.ts); sent on subscribe and whenever a resume is impossible. */
  snapshot: (snapshot: WireSnapshot) => void;
  /** Batched probe status changes, one batch per flush window, seq strictly +1 per batch. */
  deltas: (batch: DeltaBatch) => void;
  /** Incidents that were opened or changed. */
  incidents: (update: IncidentUpdate) => void;
  /** The engine behind the gateway changed health (connected / stale). */
  source: (health: SourceHealth) => void;
  /** Maintenance windows of the scope scheduled, edited, ended, started or finished (additive, unsequenced). */
  maintenances: (update: MaintenanceUpdate) => void;
  /** Periodic liveness with the stream's current seq, so clients can show data age and spot gaps. */
  heartbeat: (beat: Heartbeat) => void;
  /** A refused client message; the connection stays open unless the error is unauthorized. */
  'protocol-error': (error: ProtocolError) => void;
}

export interface ClientToServerEvents {
  /** Ask for the stream of the caller's scope, optionally resuming after a known seq. */
  subscribe: (request: SubscribeRequest) => void;
}
