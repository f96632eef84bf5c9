// The worst state of each site, and whether planned work covers it (a probe in maintenance), kept
// as batches apply so the map and the legend read them in O(1), and the sites whose look moved
// since the map last drew (it redraws only those).
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

/** A site is shown in maintenance while any of its probes is (a declared window or an engine downtime). */
export function siteUnderMaintenance(index: EstateIndex, statuses: Statuses, siteId: string): boolean {
  return (index.probesBySite.get(siteId) ?? []).some((p) => statuses.get(p.id)?.inDowntime === true);
}

export class SiteStates {
  private readonly worst = new Map<string, ProbeState>();
  private readonly maintenance = new Set<string>();
  private pendingReset = false;
  private pendingSites = new Set<string>();

  /** After a snapshot: every site afresh, and the next drain says "reset". */
  rebuild(index: EstateIndex, statuses: Statuses): void {
    this.worst.clear();
    this.maintenance.clear();
    for (const siteId of index.sites.keys()) {
      this.worst.set(siteId, siteWorstState(index, statuses, siteId));
      if (siteUnderMaintenance(index, statuses, siteId)) this.maintenance.add(siteId);
    }
    this.pendingReset = true;
    this.pendingSites = new Set();
  }

  /**
   * After a batch (`statuses` already holds `changes`): the sites of the changed probes only. A probe
   * turning at least as bad as its site's worst is the site's new worst without reading the site's
   * other probes (a storm's thousands of OK → CRITICAL), and a probe entering maintenance puts its
   * site in maintenance; a probe getting better, or leaving maintenance on a site in maintenance,
   * makes its site read again, since it may have been the one.
   */
  apply(index: EstateIndex, statuses: Statuses, changes: readonly ProbeStatus[]): void {
    const reread = new Set<string>();
    for (const status of changes) {
      const siteId = index.siteOfProbe.get(status.probeId);
      if (siteId === undefined || reread.has(siteId)) continue;
      const current = this.worst.get(siteId);
      const colour = siteColourState(status);
      const inDowntime = status.inDowntime === true;
      const wasInMaintenance = this.maintenance.has(siteId);
      if (current !== undefined && worstState([current, colour]) === colour && (inDowntime || !wasInMaintenance)) this.set(siteId, colour, inDowntime || wasInMaintenance);
      else reread.add(siteId);
    }
    for (const siteId of reread) this.set(siteId, siteWorstState(index, statuses, siteId), siteUnderMaintenance(index, statuses, siteId));
  }

  private set(siteId: string, next: ProbeState, inMaintenance: boolean): void {
    if (next === this.worst.get(siteId) && inMaintenance === this.maintenance.has(siteId)) return;
    this.worst.set(siteId, next);
    if (inMaintenance) this.maintenance.add(siteId);
    else this.maintenance.delete(siteId);
    this.pendingSites.add(siteId);
  }

  state(siteId: string): ProbeState {
    return this.worst.get(siteId) ?? 'PENDING';
  }

  inMaintenance(siteId: string): boolean {
    return this.maintenance.has(siteId);
  }

  /** Sites whose worst state or maintenance changed since the last drain. */
  drainChanges(): SiteChanges {
    const changes = { reset: this.pendingReset, siteIds: this.pendingSites };
    this.pendingReset = false;
    this.pendingSites = new Set();
    return changes;
  }
}
