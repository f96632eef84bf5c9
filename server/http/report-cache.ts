// Figures of a period that ended are final: cache them (per estate, LRU) so wall displays and
// semester reports do not re-read months of history on every refresh. Concurrent identical
// requests share one computation. Running periods are always recomputed.
import type { Estate } from '../../src/protocol/schemas.ts';

/** History may still be flushed or backfilled this long after the fact. */
export const SETTLE_MS = 60 * 60_000;

export interface ReportCache {
  get<T>(estate: Estate, key: string, final: boolean, compute: () => Promise<T>): Promise<T>;
}

export function createReportCache(maxEntries = 200): ReportCache {
  let forEstate: Estate | undefined;
  const entries = new Map<string, Promise<unknown>>();
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    get<T>(estate: Estate, key: string, final: boolean, compute: () => Promise<T>): Promise<T> {
      if (estate !== forEstate) {
        // A new estate (probes added or removed) changes every "all" figure.
        forEstate = estate;
        entries.clear();
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
          if (!final || forEstate !== estate) return;
          entries.set(key, promise);
          if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
        },
        () => inFlight.delete(key),
      );
      return promise;
    },
  };
}
