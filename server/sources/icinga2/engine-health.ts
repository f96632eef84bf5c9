// The source's health as the gateway sees it: connected, or stale while the engine is unreachable.
// Each change is reported once, with the reason it went stale; while stale, a new kind of problem
// (e.g. unreachable → wrong password once Icinga is back) is reported again, keeping the `since`;
// retries that fail the same way are not.
// Injected clock, no I/O.
import type { Instant } from '../../../src/domain/model.ts';
import type { SourceHealth } from '../../../src/protocol/schemas.ts';
import type { SourceProblem } from '../../../src/protocol/source-problem.ts';

export type EngineHealthState = 'connected' | 'stale';

export interface EngineHealth {
  /** Undefined until the first connection attempt ends. */
  readonly state: EngineHealthState | undefined;
  /** The classified reason of the current stale state, if any. */
  readonly problem: SourceProblem | undefined;
  set(state: EngineHealthState, detail?: string, problem?: SourceProblem): void;
}

const DETAIL_MAX = 500;

export function createEngineHealth(source: string, now: () => Instant, report: (health: SourceHealth) => void): EngineHealth {
  let current: EngineHealthState | undefined;
  let currentProblem: SourceProblem | undefined;
  let since: Instant = now();
  return {
    get state() {
      return current;
    },
    get problem() {
      return currentProblem;
    },
    set(state, detail, problem) {
      const sameProblem = !problem || problem.kind === currentProblem?.kind;
      if (current === state && sameProblem) return;
      if (current !== state) since = now();
      current = state;
      currentProblem = state === 'stale' ? (problem ?? currentProblem) : undefined;
      report({
        state,
        source,
        since,
        ...(detail ? { detail: detail.slice(0, DETAIL_MAX) } : {}),
        ...(state === 'stale' && problem ? { problem } : {}),
      });
    },
  };
}
