// The estate indexed by id both ways — the one index the gateway (the owner of a probe on every
// event, the scope check of every route and socket event, the read routes) and the SPA (map,
// panels, wall) share. Built once per estate object and reused until the source sends a new one.
// A probe is placed only when its equipment and that equipment's site are in the estate: a
// dangling probe belongs to no site and no collectivité, so no scope can ever see it.
import type { ProbeRef } from './incidents.ts';
import type { Collectivite, Equipment, Estate, Probe, Site } from './model.ts';

export interface EstateIndex {
  readonly estate: Estate;
  readonly collectivites: ReadonlyMap<string, Collectivite>;
  readonly sites: ReadonlyMap<string, Site>;
  readonly equipment: ReadonlyMap<string, Equipment>;
  readonly probes: ReadonlyMap<string, Probe>;
  readonly sitesByCollectivite: ReadonlyMap<string, readonly Site[]>;
  readonly equipmentBySite: ReadonlyMap<string, readonly Equipment[]>;
  readonly probesByEquipment: ReadonlyMap<string, readonly Probe[]>;
  /** The probes of a site, through its equipment (placed probes only). */
  readonly probesBySite: ReadonlyMap<string, readonly Probe[]>;
  /** probe id → site id, for every placed probe. */
  readonly siteOfProbe: ReadonlyMap<string, string>;
  /** Where a probe sits: its site and collectivité; undefined for an unknown or dangling probe. */
  probeRef(probeId: string): ProbeRef | undefined;
  /** The collectivité owning any id of the estate: a probe, equipment, site or collectivité. */
  collectiviteOf(id: string): string | undefined;
  /** Placed probe ids of one collectivité, or of the whole estate, in estate order. */
  probeIdsIn(collectiviteId?: string): readonly string[];
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

const indexes = new WeakMap<Estate, EstateIndex>();

/** The index of `estate`, built on the first call for that estate object. */
export function indexEstate(estate: Estate): EstateIndex {
  let index = indexes.get(estate);
  if (!index) {
    index = buildIndex(estate);
    indexes.set(estate, index);
  }
  return index;
}

function buildIndex(estate: Estate): EstateIndex {
  const collectivites = new Map(estate.collectivites.map((c) => [c.id, c]));
  const sites = new Map(estate.sites.map((s) => [s.id, s]));
  const equipment = new Map(estate.equipment.map((e) => [e.id, e]));
  const siteOfProbe = new Map<string, string>();
  const probesBySite = new Map<string, Probe[]>();
  for (const probe of estate.probes) {
    const siteId = equipment.get(probe.equipmentId)?.siteId;
    if (siteId === undefined || !sites.has(siteId)) continue; // dangling: placed nowhere
    siteOfProbe.set(probe.id, siteId);
    const list = probesBySite.get(siteId);
    if (list) list.push(probe);
    else probesBySite.set(siteId, [probe]);
  }
  // Asked per event on the gateway, rarely in the SPA: built on demand, then kept.
  const refs = new Map<string, ProbeRef>();
  let probeIds: { all: string[]; by: Map<string, string[]> } | undefined;

  function probeRef(probeId: string): ProbeRef | undefined {
    let ref = refs.get(probeId);
    if (ref) return ref;
    const siteId = siteOfProbe.get(probeId);
    if (siteId === undefined) return undefined;
    ref = { probeId, siteId, collectiviteId: sites.get(siteId)!.collectiviteId };
    refs.set(probeId, ref);
    return ref;
  }

  return {
    estate,
    collectivites,
    sites,
    equipment,
    probes: new Map(estate.probes.map((p) => [p.id, p])),
    sitesByCollectivite: groupBy(estate.sites, (s) => s.collectiviteId),
    equipmentBySite: groupBy(estate.equipment, (e) => e.siteId),
    probesByEquipment: groupBy(estate.probes, (p) => p.equipmentId),
    probesBySite,
    siteOfProbe,
    probeRef,
    collectiviteOf(id) {
      const probeSite = siteOfProbe.get(id);
      if (probeSite !== undefined) return sites.get(probeSite)!.collectiviteId;
      const site = sites.get(equipment.get(id)?.siteId ?? '') ?? sites.get(id);
      if (site) return site.collectiviteId;
      return collectivites.has(id) ? id : undefined;
    },
    probeIdsIn(collectiviteId) {
      if (!probeIds) {
        const all = [...siteOfProbe.keys()];
        probeIds = { all, by: groupBy(all, (id) => sites.get(siteOfProbe.get(id)!)!.collectiviteId) };
      }
      return collectiviteId === undefined ? probeIds.all : (probeIds.by.get(collectiviteId) ?? []);
    },
  };
}

export const EMPTY_ESTATE_INDEX: EstateIndex = indexEstate({ collectivites: [], sites: [], equipment: [], probes: [] });

/** Same estate content? Tells an engine resync (the same objects again) from a real estate change. */
export function sameEstate(a: Estate | undefined, b: Estate): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
