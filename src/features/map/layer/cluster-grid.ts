// Grid clustering in world pixels at the current zoom: cheap, stable while panning, and honest —
// a cluster carries the count of every state inside it and its worst state, so one CRITICAL site
// among fifty OK ones still shows as CRITICAL.
import { PROBE_STATES, stateSeverity, type ProbeState } from '../../../domain/model.ts';

export interface PlacedSite {
  id: string;
  /** World pixel position at the current zoom (map.project). */
  x: number;
  y: number;
  state: ProbeState;
}

export interface SiteCluster {
  /** Mean position of the members. */
  x: number;
  y: number;
  ids: string[];
  counts: Record<ProbeState, number>;
  worst: ProbeState;
}

function emptyCounts(): Record<ProbeState, number> {
  return Object.fromEntries(PROBE_STATES.map((s) => [s, 0])) as Record<ProbeState, number>;
}

export function clusterSites(sites: readonly PlacedSite[], cellSize: number): SiteCluster[] {
  const cells = new Map<string, SiteCluster>();
  for (const site of sites) {
    const key = `${Math.floor(site.x / cellSize)}:${Math.floor(site.y / cellSize)}`;
    let cluster = cells.get(key);
    if (!cluster) {
      cluster = { x: 0, y: 0, ids: [], counts: emptyCounts(), worst: site.state };
      cells.set(key, cluster);
    }
    cluster.x += site.x;
    cluster.y += site.y;
    cluster.ids.push(site.id);
    cluster.counts[site.state] += 1;
    if (stateSeverity(site.state) > stateSeverity(cluster.worst)) cluster.worst = site.state;
  }
  const clusters = [...cells.values()];
  for (const c of clusters) {
    c.x /= c.ids.length;
    c.y /= c.ids.length;
  }
  // Worst last: drawn on top of its neighbours.
  return clusters.sort((a, b) => stateSeverity(a.worst) - stateSeverity(b.worst));
}
