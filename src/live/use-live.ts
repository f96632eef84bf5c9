// React reads the live store through useSyncExternalStore. A selector runs again only when one of
// its topics changed (cached by topic version), so a burst of deltas does not re-render a panel
// that only shows incidents.
import { startTransition, useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { Incident, ProbeStatus } from '../domain/model.ts';
import type { SourceHealth } from '../protocol/schemas.ts';
import type { EstateIndex } from '../domain/estate-index.ts';
import { complete, type Steps } from '../domain/steps.ts';
import { runInSlices } from './slices.ts';
import { dataFreshness, DEFAULT_STALE_AFTER_MS, type Freshness } from './freshness.ts';
import { useLiveStoreInstance } from './live-context.tsx';
import type { ConnectionState, LiveStore, LiveTopic } from './live-store.ts';

/**
 * Select from the store. The selector re-runs only when one of `topics` changed; pass `isEqual` when
 * it builds a new object each time, so an equal result keeps the previous reference (no re-render).
 * Pass a stable selector (module-level, or useCallback): a new function is a new question, answered
 * afresh at every read — an inline arrow over 47,739 statuses re-ran several times per frame.
 */
export function useLive<T>(
  topics: LiveTopic | readonly LiveTopic[],
  selector: (store: LiveStore) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const store = useLiveStoreInstance();
  const list: readonly LiveTopic[] = typeof topics === 'string' ? [topics] : topics;
  const key = list.join(',');
  const cache = useRef<{ stamp: string; selector: unknown; value: T } | undefined>(undefined);
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(listener, key.split(',') as LiveTopic[]),
    [store, key],
  );
  const getSnapshot = () => {
    const stamp = key
      .split(',')
      .map((t) => store.version(t as LiveTopic))
      .join(',');
    const cached = cache.current;
    if (cached && cached.stamp === stamp && cached.selector === selector) return cached.value;
    const fresh = selector(store);
    const value = cached && isEqual(cached.value, fresh) ? cached.value : fresh;
    cache.current = { stamp, selector, value };
    return value;
  };
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

const selectConnection = (s: LiveStore) => s.connection;
const selectSource = (s: LiveStore) => s.source;
const selectIndex = (s: LiveStore) => s.index;
const selectIncidents = (s: LiveStore) => s.incidentList();

export function useConnection(): ConnectionState {
  return useLive('connection', selectConnection);
}

export function useSourceHealth(): SourceHealth | undefined {
  return useLive('source', selectSource);
}

export function useEstateIndex(): EstateIndex {
  return useLive('estate', selectIndex);
}

export function useIncidents(): readonly Incident[] {
  return useLive('incidents', selectIncidents);
}

export function useProbeStatus(probeId: string): ProbeStatus | undefined {
  const select = useCallback((s: LiveStore) => s.status(probeId), [probeId]);
  return useLive('statuses', select);
}

/** The wall clock, re-read every `intervalMs` (for ages and countdowns). */
export function useNow(intervalMs = 1000, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const timer = setInterval(() => setNow(clock()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs, clock]);
  return now;
}

export function useFreshness(staleAfterMs = DEFAULT_STALE_AFTER_MS): Freshness {
  const connection = useConnection();
  const source = useSourceHealth();
  const lastMessageAt = useLive('heartbeat', (s) => s.lastMessageAt);
  const now = useNow(1000);
  return dataFreshness({ connection, source, lastMessageAt }, now, staleAfterMs);
}

/** Element-wise identity of two arrays: the usual `isEqual` for selectors that return lists. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

const selectHasSnapshot = (s: LiveStore) => s.stream !== undefined;

/**
 * True once the live snapshot has been applied (or after `fallbackMs`, so a stream that cannot
 * connect does not hold everything else back). Heavy HTTP reads (SLA reports) wait for it: the
 * map is what a support engineer opens the page for, and the gateway serves one thing at a time.
 */
export function useLiveSnapshotReady(fallbackMs = 5_000): boolean {
  const hasSnapshot = useLive('connection', selectHasSnapshot);
  const [waitedEnough, setWaitedEnough] = useState(false);
  useEffect(() => {
    if (hasSnapshot) return;
    const timer = setTimeout(() => setWaitedEnough(true), fallbackMs);
    return () => clearTimeout(timer);
  }, [hasSnapshot, fallbackMs]);
  return hasSnapshot || waitedEnough;
}

/** The offset to the server's clock (0 before any message). */
const selectServerOffset = (store: LiveStore) => store.serverNow(0);
/** It moves by the transit time of each batch: a move under a second keeps the previous offset. */
const withinASecond = (a: number, b: number) => Math.abs(a - b) < 1000;

/**
 * The server's clock (see LiveStore.serverNow), re-read every `intervalMs`: for ages of engine
 * instants. The offset is kept until it moves by a second or more: it moves by a few ms with every
 * batch, and a value changing with every batch re-rendered every view showing an age (the storm
 * bench's desk re-ranked its rows at each batch).
 */
export function useServerNow(intervalMs = 1000): number {
  const now = useNow(intervalMs);
  return now + useLive('heartbeat', selectServerOffset, withinASecond);
}

/**
 * useLive for derived views too heavy to recompute every frame (the desk folds thousands of problems
 * in a storm). `steps` computes the value as a step generator (domain/steps.ts): it runs at most
 * once per `intervalMs` while its topics change, the last change always included (trailing), so the
 * view is at most that late and never stale; each run goes in slices of a few ms (slices.ts), so
 * neither the computation nor a burst of changes makes a long task, and the new value renders as a
 * transition (npm run bench:storm). A change during a run starts another run after it.
 */
export function useSlicedLive<T>(
  topics: readonly LiveTopic[],
  steps: (store: LiveStore) => Steps<T>,
  isEqual: (a: T, b: T) => boolean,
  intervalMs: number,
): T {
  const store = useLiveStoreInstance();
  const [value, setValue] = useState(() => complete(steps(store)));
  const key = topics.join(',');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopRun: (() => void) | undefined;
    let changedDuringRun = false;
    const run = () => {
      timer = undefined;
      changedDuringRun = false;
      let finished = false;
      const stop = runInSlices(steps(store), (next) => {
        finished = true;
        stopRun = undefined;
        startTransition(() => setValue((prev) => (isEqual(prev, next) ? prev : next)));
        if (changedDuringRun) changed();
      });
      if (!finished) stopRun = stop;
    };
    const changed = () => {
      if (stopRun) changedDuringRun = true;
      else timer ??= setTimeout(run, intervalMs);
    };
    const unsubscribe = store.subscribe(changed, key.split(',') as LiveTopic[]);
    run();
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      stopRun?.();
    };
  }, [store, steps, isEqual, intervalMs, key]);
  return value;
}
