// The gateway's maintenance windows: declared by support through the API (or reported by the
// engine), kept in memory for the incident rules and the lists, written to storage before anyone
// is told. Every change is published to subscribers — the live stream, the engine push, and the
// alarm channels that announce planned work ("maintenance announced / starting").
// Runtime free: the clock and the id maker are injected.
import {
  DEFAULT_MAINTENANCE_RULES,
  effectiveEnd,
  maintenancePhase,
  windowProblem,
  type MaintenanceRules,
  type MaintenanceWindow,
  type WindowProblem,
} from '../../src/domain/maintenance.ts';
import type { Instant } from '../../src/domain/model.ts';
import type { MaintenanceRequest } from '../../src/protocol/maintenance.ts';
import type { MaintenanceStore } from '../ports.ts';
import type { MaintenanceWindows } from '../supervision/maintenance-gate.ts';

/** What happened to a window: the hook alarm channels and the engine push subscribe to. */
export type MaintenanceChangeKind =
  | 'scheduled'
  | 'edited'
  | 'ended'
  | 'cancelled'
  | 'engine'
  /** The window's start came (announced by `tick`). */
  | 'started'
  /** The window's end came, as planned or early (announced by `tick`). */
  | 'finished';

export interface MaintenanceChange {
  kind: MaintenanceChangeKind;
  window: MaintenanceWindow;
  /** The window before the change (edited, ended, cancelled). */
  previous?: MaintenanceWindow;
}

export type MaintenanceRefusalCode = WindowProblem | 'not-found' | 'already-started' | 'already-over' | 'engine-owned';

/** A request the book refuses; the routes turn it into a 400 / 404 / 409. */
export class MaintenanceRefusal extends Error {
  constructor(readonly code: MaintenanceRefusalCode, message: string) {
    super(message);
  }
}

const MESSAGES: Record<WindowProblem, (rules: MaintenanceRules) => string> = {
  'ends-before-start': () => 'the window must end after it starts',
  'too-long': (rules) => `a window may last at most ${Math.round(rules.maxDurationMs / 3_600_000)} hours`,
  'in-the-past': () => 'a window may not start or end in the past',
};

export interface MaintenanceBookOptions {
  store: MaintenanceStore;
  now: () => Instant;
  rules?: MaintenanceRules;
  newId?: () => string;
  /** Windows that ended longer ago than this are not kept in memory (storage keeps them). */
  keepPastMs?: number;
}

export class MaintenanceBook implements MaintenanceWindows {
  private readonly windows = new Map<string, MaintenanceWindow>();
  private readonly listeners = new Set<(change: MaintenanceChange) => void>();
  private lastTick: Instant | undefined;
  readonly rules: MaintenanceRules;

  constructor(private readonly options: MaintenanceBookOptions) {
    this.rules = options.rules ?? DEFAULT_MAINTENANCE_RULES;
  }

  async load(): Promise<void> {
    const since = this.options.now() - (this.options.keepPastMs ?? 7 * 24 * 3_600_000);
    for (const window of await this.options.store.loadWindows({ endsFrom: since })) this.windows.set(window.id, window);
  }

  get(id: string): MaintenanceWindow | undefined {
    return this.windows.get(id);
  }

  *windowsOf(collectiviteId: string): Iterable<MaintenanceWindow> {
    for (const window of this.windows.values()) if (window.collectiviteId === collectiviteId) yield window;
  }

  all(): MaintenanceWindow[] {
    return [...this.windows.values()].sort((a, b) => a.start - b.start || a.id.localeCompare(b.id));
  }

  subscribe(listener: (change: MaintenanceChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async schedule(request: MaintenanceRequest, by: string): Promise<MaintenanceWindow> {
    const now = this.options.now();
    this.check(request, now);
    const window: MaintenanceWindow = {
      id: this.options.newId?.() ?? windowId(now),
      ...targetsOf(request),
      nature: request.nature.trim(),
      by,
      source: 'vigie',
      createdAt: now,
    };
    return this.commit({ kind: 'scheduled', window });
  }

  /** Replace an upcoming window's dates, targets and nature. */
  async edit(id: string, request: MaintenanceRequest, by: string): Promise<MaintenanceWindow> {
    const now = this.options.now();
    const previous = this.editable(id, now);
    if (maintenancePhase(previous, now) !== 'upcoming') throw new MaintenanceRefusal('already-started', 'a window can only be edited before it starts; end it instead');
    this.check(request, now);
    const window: MaintenanceWindow = { ...previous, ...targetsOf(request), nature: request.nature.trim(), by };
    return this.commit({ kind: 'edited', window, previous });
  }

  /** Cancel an upcoming window, or end a running one now (the part that ran stays recorded). */
  async end(id: string): Promise<MaintenanceWindow> {
    const now = this.options.now();
    const previous = this.editable(id, now);
    const phase = maintenancePhase(previous, now);
    if (phase === 'upcoming') return this.commit({ kind: 'cancelled', window: { ...previous, cancelledAt: now }, previous });
    if (phase === 'running') return this.commit({ kind: 'ended', window: { ...previous, endedAt: now }, previous });
    throw new MaintenanceRefusal('already-over', phase === 'cancelled' ? 'the window was already cancelled' : 'the window is already over');
  }

  /** A window the engine reports (a downtime created there), stored and published like the others. */
  async fromEngine(window: MaintenanceWindow): Promise<void> {
    const known = this.windows.get(window.id);
    if (known && JSON.stringify(known) === JSON.stringify(window)) return;
    await this.commit({ kind: 'engine', window, ...(known ? { previous: known } : {}) });
  }

  /**
   * The engine's full list of its own downtimes, now: each is stored like `fromEngine`; an engine
   * window still to come or running that the engine no longer holds was removed there, so it is
   * cancelled (not started yet) or ended now — the part that ran stays recorded.
   */
  async engineReport(windows: MaintenanceWindow[]): Promise<void> {
    const now = this.options.now();
    const listed = new Set(windows.map((w) => w.id));
    for (const window of windows) await this.fromEngine({ ...window, source: 'engine' });
    for (const known of this.all()) {
      if (known.source !== 'engine' || listed.has(known.id)) continue;
      const phase = maintenancePhase(known, now);
      if (phase === 'upcoming') await this.commit({ kind: 'engine', window: { ...known, cancelledAt: now }, previous: known });
      else if (phase === 'running') await this.commit({ kind: 'engine', window: { ...known, endedAt: now }, previous: known });
    }
  }

  /** Announce the windows whose start or end came since the last tick (none on the first). */
  tick(): void {
    const now = this.options.now();
    const last = this.lastTick;
    this.lastTick = now;
    if (last === undefined || now <= last) return;
    for (const window of this.all()) {
      if (window.cancelledAt !== undefined) continue;
      if (last < window.start && window.start <= now) this.announce({ kind: 'started', window });
      const end = effectiveEnd(window);
      if (last < end && end <= now) this.announce({ kind: 'finished', window });
    }
  }

  private editable(id: string, now: Instant): MaintenanceWindow {
    const window = this.windows.get(id);
    if (!window) throw new MaintenanceRefusal('not-found', 'maintenance window not found');
    if (window.source !== 'vigie') throw new MaintenanceRefusal('engine-owned', 'this window was declared in the engine; change it there');
    void now;
    return window;
  }

  private check(request: MaintenanceRequest, now: Instant): void {
    const problem = windowProblem(request.start, request.end, now, this.rules);
    if (problem) throw new MaintenanceRefusal(problem, MESSAGES[problem](this.rules));
  }

  /** Written first; kept and announced only once storage took it. */
  private async commit(change: MaintenanceChange): Promise<MaintenanceWindow> {
    await this.options.store.saveWindow(change.window);
    this.windows.set(change.window.id, change.window);
    this.prune();
    this.announce(change);
    return change.window;
  }

  private announce(change: MaintenanceChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A failing subscriber (an alarm channel) never undoes a stored window.
      }
    }
  }

  private prune(): void {
    const before = this.options.now() - (this.options.keepPastMs ?? 7 * 24 * 3_600_000);
    for (const [id, window] of this.windows) if (effectiveEnd(window) < before && window.end < before) this.windows.delete(id);
  }
}

function targetsOf(request: MaintenanceRequest): Pick<MaintenanceWindow, 'collectiviteId' | 'siteIds' | 'equipmentIds' | 'probeIds' | 'start' | 'end'> {
  const unique = (ids: string[]) => [...new Set(ids)];
  return {
    collectiviteId: request.collectiviteId,
    siteIds: unique(request.siteIds),
    equipmentIds: unique(request.equipmentIds),
    probeIds: unique(request.probeIds),
    start: request.start,
    end: request.end,
  };
}

/** `mw-<created at>-<8 random digits>`: sorts by creation, digits only after the prefix. */
function windowId(now: Instant): string {
  const digits = [...crypto.getRandomValues(new Uint8Array(8))].map((byte) => byte % 10).join('');
  return `mw-${now}-${digits}`;
}
