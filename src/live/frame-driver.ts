// Couples the store to an imperative sink (the map's marker layer) at most once per animation
// frame: however many batches arrive in between, the sink sees one call with the union of the
// sites that changed. This is the map's render budget.
import { animationFrames, type FrameScheduler } from './frame-scheduler.ts';
import type { LiveStore, SiteChanges } from './live-store.ts';

export { animationFrames, type FrameScheduler };

export interface SiteChangeSink {
  /** Everything may have changed (new snapshot): rebuild. */
  reset(): void;
  /** Only these sites changed state. */
  update(siteIds: ReadonlySet<string>): void;
}

/** Benchmarks only (bench/): a build made with VITE_VIGIE_BENCH=1 reports each drawn frame to it. */
interface FrameProbe {
  attach(store: LiveStore): void;
  frame(store: LiveStore, changes: SiteChanges): void;
}
const benchProbe: FrameProbe | undefined =
  import.meta.env.VITE_VIGIE_BENCH === '1' ? (globalThis as { __vigieBench?: FrameProbe }).__vigieBench : undefined;

export function createFrameDriver(store: LiveStore, sink: SiteChangeSink, frames: FrameScheduler = animationFrames): () => void {
  let handle: number | undefined;
  const flush = () => {
    handle = undefined;
    const changes = store.drainSiteChanges();
    if (changes.reset) sink.reset();
    else if (changes.siteIds.size > 0) sink.update(changes.siteIds);
    benchProbe?.frame(store, changes);
  };
  const schedule = () => {
    if (handle === undefined) handle = frames.request(flush);
  };
  // Told at once (not on the store's coalesced frame), so the draw lands on the next frame.
  const unsubscribe = store.subscribeNow(schedule, ['estate', 'statuses']);
  // Draw what the store already holds when the sink attaches.
  sink.reset();
  store.drainSiteChanges();
  benchProbe?.attach(store);
  return () => {
    unsubscribe();
    if (handle !== undefined) frames.cancel(handle);
  };
}
