// Read-side lookups over the estate for the API (by id, children of a parent, probes of a
// collectivité), built once per estate object and reused until the source sends a new one.
import type { Collectivite, Equipment, Probe, Site } from '../../src/domain/model.ts';
import type { Estate } from '../../src/protocol/schemas.ts';

export interface EstateView {
  collectivite: Map<string, Collectivite>;
  site: Map<string, Site>;
  equipment: Map<string, Equipment>;
  probe: Map<string, Probe>;
  sitesOf(collectiviteId: string): Site[];
  equipmentOf(siteId: string): Equipment[];
  probesOf(equipmentId: string): Probe[];
  /** Probe ids of one collectivité, or of the whole estate. */
  probeIdsIn(collectiviteId?: string): string[];
  /** Owning collectivité of a probe. */
  collectiviteOfProbe(probeId: string): string | undefined;
}

const views = new WeakMap<Estate, EstateView>();

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

export function estateView(estate: Estate): EstateView {
  const cached = views.get(estate);
  if (cached) return cached;
  const site = new Map(estate.sites.map((s) => [s.id, s]));
  const equipment = new Map(estate.equipment.map((e) => [e.id, e]));
  const sites = group(estate.sites, (s) => s.collectiviteId);
  const equipmentBySite = group(estate.equipment, (e) => e.siteId);
  const probes = group(estate.probes, (p) => p.equipmentId);
  const owner = new Map<string, string>();
  for (const p of estate.probes) {
    const c = site.get(equipment.get(p.equipmentId)?.siteId ?? '')?.collectiviteId;
    if (c !== undefined) owner.set(p.id, c);
  }
  const probeIds = group([...owner], ([, c]) => c);
  const view: EstateView = {
    collectivite: new Map(estate.collectivites.map((c) => [c.id, c])),
    site,
    equipment,
    probe: new Map(estate.probes.map((p) => [p.id, p])),
    sitesOf: (id) => sites.get(id) ?? [],
    equipmentOf: (id) => equipmentBySite.get(id) ?? [],
    probesOf: (id) => probes.get(id) ?? [],
    probeIdsIn: (c) => (c === undefined ? [...owner.keys()] : (probeIds.get(c) ?? []).map(([id]) => id)),
    collectiviteOfProbe: (id) => owner.get(id),
  };
  views.set(estate, view);
  return view;
}
