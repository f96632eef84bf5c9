// The estate (collectivités → sites → equipment → probes) indexed by id both ways, built once per
// snapshot so that a probe change finds its site in O(1).
import type { Collectivite, Equipment, Probe, Site } from '../domain/model.ts';
import type { Estate } from '../protocol/schemas.ts';

export interface EstateIndex {
  collectivites: ReadonlyMap<string, Collectivite>;
  sites: ReadonlyMap<string, Site>;
  equipment: ReadonlyMap<string, Equipment>;
  probes: ReadonlyMap<string, Probe>;
  sitesByCollectivite: ReadonlyMap<string, readonly Site[]>;
  equipmentBySite: ReadonlyMap<string, readonly Equipment[]>;
  probesByEquipment: ReadonlyMap<string, readonly Probe[]>;
  probesBySite: ReadonlyMap<string, readonly Probe[]>;
  /** probe id → site id */
  siteOfProbe: ReadonlyMap<string, string>;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function indexEstate(estate: Estate): EstateIndex {
  const equipment = new Map(estate.equipment.map((e) => [e.id, e]));
  const siteOfProbe = new Map<string, string>();
  const probesBySite = new Map<string, Probe[]>();
  for (const probe of estate.probes) {
    const siteId = equipment.get(probe.equipmentId)?.siteId;
    if (siteId === undefined) continue;
    siteOfProbe.set(probe.id, siteId);
    const list = probesBySite.get(siteId);
    if (list) list.push(probe);
    else probesBySite.set(siteId, [probe]);
  }
  return {
    collectivites: new Map(estate.collectivites.map((c) => [c.id, c])),
    sites: new Map(estate.sites.map((s) => [s.id, s])),
    equipment,
    probes: new Map(estate.probes.map((p) => [p.id, p])),
    sitesByCollectivite: groupBy(estate.sites, (s) => s.collectiviteId),
    equipmentBySite: groupBy(estate.equipment, (e) => e.siteId),
    probesByEquipment: groupBy(estate.probes, (p) => p.equipmentId),
    probesBySite,
    siteOfProbe,
  };
}

export const EMPTY_ESTATE_INDEX: EstateIndex = indexEstate({ collectivites: [], sites: [], equipment: [], probes: [] });
