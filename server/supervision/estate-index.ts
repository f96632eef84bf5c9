// Lookups over the estate the gateway needs on every event: which site and collectivité own a
// probe, and which collectivité owns any id (the scope check of every route and socket event).
import type { ProbeRef } from '../../src/domain/incidents.ts';
import type { Estate } from '../../src/protocol/schemas.ts';

export interface EstateIndex {
  readonly estate: Estate;
  probeRef(probeId: string): ProbeRef | undefined;
  collectiviteOf(id: string): string | undefined;
  hasProbe(probeId: string): boolean;
}

export function indexEstate(estate: Estate): EstateIndex {
  const owner = new Map<string, string>();
  const siteOfEquipment = new Map<string, string>();
  const probes = new Map<string, ProbeRef>();
  for (const c of estate.collectivites) owner.set(c.id, c.id);
  for (const s of estate.sites) owner.set(s.id, s.collectiviteId);
  for (const e of estate.equipment) {
    siteOfEquipment.set(e.id, e.siteId);
    const c = owner.get(e.siteId);
    if (c !== undefined) owner.set(e.id, c);
  }
  for (const p of estate.probes) {
    const siteId = siteOfEquipment.get(p.equipmentId);
    const collectiviteId = siteId === undefined ? undefined : owner.get(siteId);
    if (siteId === undefined || collectiviteId === undefined) continue; // dangling probe: not mapped
    owner.set(p.id, collectiviteId);
    probes.set(p.id, { probeId: p.id, siteId, collectiviteId });
  }
  return {
    estate,
    probeRef: (probeId) => probes.get(probeId),
    collectiviteOf: (id) => owner.get(id),
    hasProbe: (probeId) => probes.has(probeId),
  };
}

/** Same estate content? Used to tell an engine resync (same objects) from a real estate change. */
export function sameEstate(a: Estate | undefined, b: Estate): boolean {
  return a !== undefined && JSON.stringify(a) === JSON.stringify(b);
}
