// Which stream a caller may read: 'all' for support and kiosk, 'c:<collectiviteId>' for a référent,
// and the estate cut down to one collectivité. Deny by default: a référent with no collectivité
// gets no stream at all.
import type { Estate } from '../../src/protocol/schemas.ts';
import type { Principal } from '../ports.ts';

export type StreamScope = 'all' | `c:${string}`;

export function scopeOf(principal: Principal): StreamScope | undefined {
  if (principal.role !== 'referent') return 'all';
  return principal.collectiviteId ? `c:${principal.collectiviteId}` : undefined;
}

export function scopeFor(collectiviteId: string): StreamScope {
  return `c:${collectiviteId}`;
}

/** The collectivité a scope is limited to, or undefined for 'all'. */
export function collectiviteOfScope(scope: StreamScope): string | undefined {
  return scope === 'all' ? undefined : scope.slice(2);
}

const cuts = new WeakMap<Estate, Map<string, Estate>>();

/** The part of the estate one collectivité owns (memoised per estate object). */
export function estateOf(estate: Estate, collectiviteId: string): Estate {
  let perEstate = cuts.get(estate);
  if (!perEstate) cuts.set(estate, (perEstate = new Map()));
  let cut = perEstate.get(collectiviteId);
  if (!cut) {
    const sites = estate.sites.filter((s) => s.collectiviteId === collectiviteId);
    const siteIds = new Set(sites.map((s) => s.id));
    const equipment = estate.equipment.filter((e) => siteIds.has(e.siteId));
    const equipmentIds = new Set(equipment.map((e) => e.id));
    const probes = estate.probes.filter((p) => equipmentIds.has(p.equipmentId));
    cut = { collectivites: estate.collectivites.filter((c) => c.id === collectiviteId), sites, equipment, probes };
    // Only edges with both ends in the collectivité: an edge to another one would name its probe.
    if (estate.dependencies) {
      const probeIds = new Set(probes.map((p) => p.id));
      const dependencies = estate.dependencies.filter((d) => probeIds.has(d.parent) && probeIds.has(d.child));
      if (dependencies.length > 0) cut.dependencies = dependencies;
    }
    perEstate.set(collectiviteId, cut);
  }
  return cut;
}

export function estateForScope(estate: Estate, scope: StreamScope): Estate {
  const collectiviteId = collectiviteOfScope(scope);
  return collectiviteId === undefined ? estate : estateOf(estate, collectiviteId);
}
