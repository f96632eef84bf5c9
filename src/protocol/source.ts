// What a supervision source (the built-in simulator, Icinga 2, …) gives the gateway. A source only
// reports what the engine says; the gateway owns incidents, storage, scope and the live stream.
import type { Instant, ProbeStatus } from '../domain/model.ts';
import type { Estate, SourceHealth } from './schemas.ts';
import type { MaintenanceWindow } from '../domain/maintenance.ts';

/** An operator action seen in the engine (or made by simulated support staff) or pushed back to it. */
export interface SourceAction {
  type: 'acknowledge' | 'start-intervention' | 'comment';
  probeId: string;
  at: Instant;
  by: string;
  comment?: string;
}

/** An engine object the source could not place in the estate (missing custom vars…), and why. */
export interface UnmappedEngineObject {
  type: string;
  name: string;
  reason: string;
}

export interface SourceEvents {
  /** The engine's full view, sent at start and again after the engine restarts or reconnects. */
  snapshot(estate: Estate, statuses: ProbeStatus[], at: Instant): void;
  /** One probe's new status (state, output, acknowledgement or downtime changed). */
  status(status: ProbeStatus, observedAt: Instant): void;
  action(action: SourceAction): void;
  health(health: SourceHealth): void;
  /**
   * Downtimes the engine holds that Vigie did not declare (created in the engine itself), as
   * windows with `source: 'engine'`; optional. Each call is the engine's whole list now: an engine
   * window still to come or running that a call leaves out was removed in the engine, and ends.
   */
  maintenance?(windows: MaintenanceWindow[]): void;
}

export interface SupervisionSource {
  readonly name: string;
  /** The source's clock: the wall clock for a real engine, simulated time for the simulator. */
  now(): Instant;
  start(events: SourceEvents): Promise<void>;
  stop(): Promise<void>;
  /** Push an action made in Vigie back to the engine (e.g. Icinga acknowledge-problem). */
  pushAction?(action: SourceAction): Promise<void>;
  /**
   * Make the engine honour Vigie's declared windows (upcoming and running, `source: 'vigie'`): the
   * whole current list each time one changes; windows no longer in it are removed from the engine.
   */
  syncMaintenance?(windows: MaintenanceWindow[]): Promise<void>;
  /** Engine objects left out of the estate, for GET /health (e.g. Icinga hosts without vars.collectivite). */
  unmapped?(): UnmappedEngineObject[];
}
