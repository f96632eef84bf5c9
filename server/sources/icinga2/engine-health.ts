// The source's health as the gateway sees it: connected, or stale while the engine is unreachable.
// Each change is reported once, with the reason it went stale. Injected clock, no I/O.
import type { Instant } from '../../../src/domain/model.ts';
import type { SourceHealth } from '../../../src/protocol/schemas.ts';

export type EngineHealthState = 'connected' | 'stale';

export interface EngineHealth {
  /** Undefined until the first connection attempt ends. */
  readonly state: EngineHealthState | undefined;
  set(state: EngineHealthState, detail?: string): void;
}

const DETAIL_MAX = 500;

export function createEngineHealth(source: string, now: () => Instant, report: (health: SourceHealth) => void): EngineHealth {
  let current: EngineHealthState | undefined;
  return {
    get state() {
      return current;
    },
    set(state, detail) {
      if (current === state) return;
      current = state;
      report({ state, source, since: now(), ...(detail ? { detail: detail.slice(0, DETAIL_MAX) } : {}) });
    },
  };
}
