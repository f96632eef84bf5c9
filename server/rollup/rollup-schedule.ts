// Runs the availability roll-up in the background: once at start (the backfill of an existing
// history, or the days the gateway was stopped), then every `everyMs`, never two runs at once.
// A failed run is logged and tried again at the next tick: reports fall back to raw history for
// whatever is not rolled up, so a late roll-up only costs speed, never correctness.
import type { Instant } from '../../src/domain/model.ts';
import { nextTurn } from '../http/sla-reports.ts';
import { runRollup, type RollupDeps } from './availability-rollup.ts';

class Stopped extends Error {}

export const ROLLUP_EVERY_MS = 10 * 60_000;

export interface RollupSchedule {
  /** Resolves when the run in progress (if any) is over. */
  stop(): Promise<void>;
  /** Run now (tests, and the start); resolves when this run is over. */
  runNow(): Promise<void>;
}

export function startRollupSchedule(deps: RollupDeps & { now: () => Instant; everyMs?: number; onError?: (error: unknown) => void }): RollupSchedule {
  let running: Promise<void> | undefined;
  let stopped = false;
  const run = () => {
    if (stopped) return Promise.resolve();
    // Each chunk yields a turn; a stop ends the run there (the frontier saved so far stays valid).
    const yieldTurn = async () => {
      await (deps.yieldTurn ?? nextTurn)();
      if (stopped) throw new Stopped();
    };
    const report = deps.onError ?? ((e: unknown) => deps.log?.(`availability roll-up failed; will retry: ${String(e)}`));
    running ??= runRollup({ ...deps, yieldTurn }, deps.now())
      .then(() => undefined, (error: unknown) => (error instanceof Stopped ? undefined : report(error)))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = globalThis.setInterval(() => void run(), deps.everyMs ?? ROLLUP_EVERY_MS);
  void run();
  return {
    async stop() {
      stopped = true;
      globalThis.clearInterval(timer);
      await running;
    },
    runNow: run,
  };
}
