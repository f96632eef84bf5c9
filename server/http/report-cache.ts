// Figures of a period that ended are final: cache them (per estate, LRU) so wall displays and
// semester reports do not re-read months of history on every refresh. Concurrent identical
// requests share one computation. Running periods may be kept for a short time (`runningTtlMs`):
// a month of a whole estate takes seconds to compute, and every dashboard asks for it at load.
import type { Estate } from '../../src/protocol/schemas.ts';

/** History may still be flushed or backfilled this long after the fact. */
export const SETTLE_MS = 60 * 60_000;

export interface ReportCache {
  get<T>(estate: Estate, key: string, final: boolean, compute: () => Promise<T>): Promise<T>;
}

export interface RunningReportPolicy {
  /** How long a running period's figures are served again; 0 = always recompute. */
  ttlMs: number;
  /** Monotonic time in ms (real time: this protects the event loop, it is not a domain rule). */
  clock: () => number;
}

export function createReportCache(maxEntries = 200, running: RunningReportPolicy = { ttlMs: 0, clock: () => performance.now() }): ReportCache {
  let forEstate: Estate | undefined;
  const entries = new Map<string, Promise<unknown>>();
  const inFlight = new Map<string, Promise<unknown>>();
  const recent = new Map<string, { promise: Promise<unknown>; expiresAt: number }>();
  return {
    get<T>(estate: Estate, key: string, final: boolean, compute: () => Promise<T>): Promise<T> {
      if (estate !== forEstate) {
        // A new estate (probes added or removed) changes every "all" figure.
        forEstate = estate;
        entries.clear();
        recent.clear();
      }
      const fresh = recent.get(key);
      if (fresh && !final) {
        if (fresh.expiresAt > running.clock()) return fresh.promise as Promise<T>;
        recent.delete(key);
      }
      const hit = entries.get(key) ?? inFlight.get(key);
      if (hit) {
        if (entries.has(key)) {
          entries.delete(key); // refresh LRU position
          entries.set(key, hit);
        }
        return hit as Promise<T>;
      }
      const promise = compute();
      inFlight.set(key, promise);
      promise.then(
        () => {
          inFlight.delete(key);
          if (forEstate !== estate) return;
          if (!final) {
            if (running.ttlMs > 0) {
              recent.set(key, { promise, expiresAt: running.clock() + running.ttlMs });
              if (recent.size > maxEntries) recent.delete(recent.keys().next().value as string);
            }
            return;
          }
          entries.set(key, promise);
          if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
        },
        () => inFlight.delete(key),
      );
      return promise;
    },
  };
}
