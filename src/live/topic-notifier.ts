// Tells listeners which topics of a store changed. Versions move at once, so reads are always
// current; `subscribe` listeners (React) hear at most once per frame when a FrameScheduler is given
// — a burst of changes costs one render — while `subscribeNow` listeners hear every change.
import type { FrameScheduler } from './frame-scheduler.ts';

export type Listener = () => void;
type Listeners<Topic> = Map<Listener, ReadonlySet<Topic> | undefined>;

export class TopicNotifier<Topic extends string> {
  private readonly versions = new Map<Topic, number>();
  private readonly framed: Listeners<Topic> = new Map();
  private readonly immediate: Listeners<Topic> = new Map();
  /** Topics changed since the last coalesced notification, and its pending frame. */
  private readonly unsent = new Set<Topic>();
  private frame: number | undefined;

  /** Without `frames`, `subscribe` listeners are told synchronously, as most component tests expect. */
  constructor(private readonly frames?: FrameScheduler) {}

  /** Told at most once per frame (with `frames`) after any of `topics` changed (all when omitted). */
  subscribe(listener: Listener, topics?: readonly Topic[]): () => void {
    return listen(this.framed, listener, topics);
  }

  /** Told synchronously on every change: for imperative drivers that schedule their own frame. */
  subscribeNow(listener: Listener, topics?: readonly Topic[]): () => void {
    return listen(this.immediate, listener, topics);
  }

  /** Bumps on each change of that topic (0 before the first). */
  version(topic: Topic): number {
    return this.versions.get(topic) ?? 0;
  }

  notify(topics: readonly Topic[]): void {
    for (const topic of topics) {
      this.versions.set(topic, this.version(topic) + 1);
      this.unsent.add(topic);
    }
    // Asked before the immediate listeners ask theirs, so React renders before the map draws in
    // the same frame: both land on the same paint, and whoever hears "drawn" has seen everything.
    if (this.frames && this.frame === undefined) {
      this.frame = this.frames.request(() => {
        this.frame = undefined;
        this.flush();
      });
    }
    callListeners(this.immediate, topics);
    if (!this.frames) this.flush();
  }

  /** Delivers the pending coalesced notification now (the frame callback; `stop` and tests call it too). */
  flush(): void {
    if (this.frame !== undefined) this.frames?.cancel(this.frame);
    this.frame = undefined;
    if (this.unsent.size === 0) return;
    const topics = [...this.unsent];
    this.unsent.clear();
    callListeners(this.framed, topics);
  }
}

function listen<Topic>(listeners: Listeners<Topic>, listener: Listener, topics: readonly Topic[] | undefined): () => void {
  listeners.set(listener, topics ? new Set(topics) : undefined);
  return () => {
    listeners.delete(listener);
  };
}

function callListeners<Topic>(listeners: Listeners<Topic>, topics: readonly Topic[]): void {
  for (const [listener, wanted] of listeners) {
    if (!wanted || topics.some((t) => wanted.has(t))) listener();
  }
}
