// The worst state of each site, kept as batches apply so the map and the legend read it in O(1),
// and the sites whose colour moved since the map last drew (it redraws only those).
import { siteColourState, worstState, type ProbeState, type ProbeStatus } from '../domain/model.ts';
import type { EstateIndex } from '../domain/estate-index.ts';

export interface SiteChanges {
  /** true after a snapshot: every site may have changed, redraw from scratch. */
  reset: boolean;
  siteIds: ReadonlySet<string>;
}

type Statuses = ReadonlyMap<string, ProbeStatus>;

/** Worst state of a site's probes; PENDING when it has none or none checked yet. */
export function siteWorstState(index: EstateIndex, statuses: Statuses, siteId: string): ProbeState {
  const probes = index.probesBySite.get(siteId) ?? [];
  if (probes.length === 0) return 'PENDING';
  return worstState(probes.map((p) => siteColourState(statuses.get(p.id))));
}

export class SiteStates {
  private readonly worst = new Map<string, ProbeState>();
  private pendingReset = false;
  private pendingSites = new Set<string>();

  /** After a snapshot: every site afresh, and the next drain says "reset". */
  rebuild(index: EstateIndex, statuses: Statuses): void {
    this.worst.clear();
    for (const siteId of index.sites.keys()) this.worst.set(siteId, siteWorstState(index, statuses, siteId));
    this.pendingReset = true;
    this.pendingSites = new Set();
  }

  /**
   * After a batch (`statuses` already holds `changes`): the sites of the changed probes only. A probe
   * turning at least as bad as its site's worst is the site's new worst without reading the site's
   * other probes (a storm's thousands of OK → CRITICAL); a probe getting better makes its site read
   * again, since it may have been the worst.
   */
  apply(index: EstateIndex, statuses: Statuses, changes: readonly ProbeStatus[]): void {
    const reread = new Set<string>();
    for (const status of changes) {
      const siteId = index.siteOfProbe.get(status.probeId);
      if (siteId === undefined || reread.has(siteId)) continue;
      const current = this.worst.get(siteId);
      const colour = siteColourState(status);
      if (current !== undefined && worstState([current, colour]) === colour) this.set(siteId, colour);
      else reread.add(siteId);
    }
    for (const siteId of reread) this.set(siteId, siteWorstState(index, statuses, siteId));
  }

  private set(siteId: string, next: ProbeState): void {
    if (next === this.worst.get(siteId)) return;
    this.worst.set(siteId, next);
    this.pendingSites.add(siteId);
  }

  state(siteId: string): ProbeState {
    return this.worst.get(siteId) ?? 'PENDING';
  }

  /** Sites whose worst state changed since the last drain. */
  drainChanges(): SiteChanges {
    const changes = { reset: this.pendingReset, siteIds: this.pendingSites };
    this.pendingReset = false;
    this.pendingSites = new Set();
    return changes;
  }
}
