// Which maintenance windows cover a probe, for the incident rules (src/domain/maintenance-rules.ts):
// the windows declared in Vigie or reported by the engine (the maintenance book), plus the engine's
// bare `inDowntime` flag seen on a status, kept as an engine window of its own while it lasts.
// Also remembers the probes whose incident planned work held back, so the supervision asks again
// when the window ends (or is ended early, or cancelled).
//
// Decision — a downtime flag with no known window: it covers the probe from when Vigie first saw
// the flag (or from the problem's `since`, when the problem was already there then: Vigie cannot
// tell which came first and the engine says the work is planned), to when the flag clears.
import type { ProbeStatus, Instant } from '../../src/domain/model.ts';
import { isProblem } from '../../src/domain/model.ts';
import { coversProbe, type CoverageRef, type MaintenanceWindow } from '../../src/domain/maintenance.ts';

/** What the supervision needs from the maintenance book. */
export interface MaintenanceWindows {
  /** Every window of a collectivité (any phase; the rules look at the instants). */
  windowsOf(collectiviteId: string): Iterable<MaintenanceWindow>;
}

const OPEN_END = Number.MAX_SAFE_INTEGER;

export class MaintenanceGate {
  private readonly flags = new Map<string, MaintenanceWindow>();
  private readonly deferred = new Set<string>();

  constructor(private readonly book: MaintenanceWindows | undefined) {}

  /** Track the engine's downtime flag of a status about to be applied. */
  observe(status: ProbeStatus, ref: CoverageRef, observedAt: Instant): void {
    const flag = this.flags.get(status.probeId);
    if (status.inDowntime && (!flag || flag.end !== OPEN_END)) {
      const start = isProblem(status.state) ? Math.min(status.since, observedAt) : observedAt;
      this.flags.set(status.probeId, engineFlagWindow(ref, start));
    } else if (!status.inDowntime && flag && flag.end === OPEN_END) {
      this.flags.set(status.probeId, { ...flag, end: Math.max(flag.start, observedAt) });
    }
  }

  windowsFor(ref: CoverageRef): MaintenanceWindow[] {
    const out: MaintenanceWindow[] = [];
    const flag = this.flags.get(ref.probeId);
    if (flag) out.push(flag);
    if (this.book) for (const w of this.book.windowsOf(ref.collectiviteId)) if (coversProbe(w, ref)) out.push(w);
    return out;
  }

  defer(probeId: string, held: boolean): void {
    if (held) this.deferred.add(probeId);
    else this.deferred.delete(probeId);
  }

  /** Probes whose incident is held back by planned work, to be asked again. */
  heldBack(): string[] {
    return [...this.deferred];
  }
}

function engineFlagWindow(ref: CoverageRef, start: Instant): MaintenanceWindow {
  return {
    id: `engine-flag:${ref.probeId}@${start}`,
    collectiviteId: ref.collectiviteId,
    siteIds: [],
    equipmentIds: [],
    probeIds: [ref.probeId],
    start,
    end: OPEN_END,
    nature: '',
    by: 'engine',
    source: 'engine',
    createdAt: start,
  };
}
