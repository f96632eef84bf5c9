// Seeded generation of a Moselle Fibre estate: collectivités on real Moselle communes, their sites
// placed inside the commune (site-placement.ts), and the equipment and probes of each site. Same
// seed, same estate.
import type { Collectivite, Equipment, EquipmentKind, Probe, Site, SiteKind } from '../../../src/domain/model.ts';
import type { Estate } from '../../../src/protocol/schemas.ts';
import { FIRST_SITE_KINDS, LATER_SITE_KINDS, SITE_EQUIPMENT, SITE_NAMES, townHallName } from './estate-templates.ts';
import { MOSELLE_COMMUNES, MOSELLE_EPCIS, type CommunePlace } from './places.ts';
import { createPrng, deriveSeed, type Prng } from './prng.ts';
import { placeSite } from './site-placement.ts';

export type EstateScale = 'small' | 'moselle';

/** How many member collectivités each scale holds. */
export const SCALE_COLLECTIVITES: Record<EstateScale, number> = { small: 60, moselle: 500 };

const MAX_SITES = 40;

export interface EstateOptions {
  seed: number;
  scale: EstateScale;
}

export function generateEstate({ seed, scale }: EstateOptions): Estate {
  const prng = createPrng(deriveSeed(seed, `estate:${scale}`));
  const estate: Estate = { collectivites: [], sites: [], equipment: [], probes: [] };
  const epciName = new Map(MOSELLE_EPCIS.map((e) => [e.code, e.name]));
  for (const commune of chooseCommunes(prng, SCALE_COLLECTIVITES[scale])) {
    const collectivite: Collectivite = {
      id: `c-${commune.insee}`,
      insee: commune.insee,
      name: commune.name,
      epci: epciName.get(commune.epci) ?? commune.epci,
      lat: commune.lat,
      lng: commune.lng,
    };
    estate.collectivites.push(collectivite);
    addSites(estate, prng, collectivite, commune);
  }
  return estate;
}

/**
 * A seeded draw among all the Moselle communes, weighted by the square root of the population (a
 * town is likelier to be a member with supervised sites than a hamlet, and the scales keep the
 * size they had): weighted sampling without replacement, key u^(1/w), largest keys first.
 * Returned in INSEE order so ids and arrays read naturally.
 */
function chooseCommunes(prng: Prng, count: number): CommunePlace[] {
  return MOSELLE_COMMUNES.map((c) => ({ c, key: Math.pow(prng.next(), 1 / Math.sqrt(Math.max(c.population, 1))) }))
    .sort((a, b) => b.key - a.key)
    .slice(0, count)
    .map((x) => x.c)
    .sort((a, b) => a.insee.localeCompare(b.insee));
}

/** 0 for a hamlet, 1 for a city of 100,000+: drives how much equipment a site holds. */
function sizeOf(population: number): number {
  return Math.min(1, Math.max(0, Math.log10(Math.max(population, 1)) - 1) / 4);
}

function siteKinds(prng: Prng, count: number): SiteKind[] {
  const kinds: SiteKind[] = FIRST_SITE_KINDS.slice(0, count);
  while (kinds.length < count) {
    let u = prng.next();
    const found = LATER_SITE_KINDS.find(([, weight]) => (u -= weight) < 0);
    kinds.push(found ? found[0] : 'autre');
  }
  return kinds;
}

function siteName(prng: Prng, kind: SiteKind, commune: string, index: number, taken: Set<string>): string {
  const base = kind === 'mairie' ? (index === 0 ? townHallName(commune) : 'Mairie annexe') : prng.pick(SITE_NAMES[kind]);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base} ${n}`;
  taken.add(name);
  return name;
}

function addSites(estate: Estate, prng: Prng, collectivite: Collectivite, commune: CommunePlace): void {
  const population = commune.population;
  const count = Math.min(MAX_SITES, 1 + Math.floor((Math.sqrt(population) / 7) * prng.between(0.8, 1.25)));
  const size = sizeOf(population);
  const spreadKm = 0.4 + Math.sqrt(population) / 150;
  const names = new Set<string>();
  siteKinds(prng, count).forEach((kind, index) => {
    const site: Site = {
      id: `${collectivite.id}-s${index + 1}`,
      collectiviteId: collectivite.id,
      name: siteName(prng, kind, collectivite.name, index, names),
      kind,
      ...placeSite(prng, commune, index, spreadKm),
    };
    estate.sites.push(site);
    addEquipment(estate, prng, site, size, index > 0);
  });
}

function addEquipment(estate: Estate, prng: Prng, site: Site, size: number, secondary: boolean): void {
  let e = 0;
  const siteProbes: Array<{ probe: Probe; equipment: EquipmentKind }> = [];
  for (const template of SITE_EQUIPMENT[site.kind]) {
    const [lo, hi] = template.count;
    const count = Math.max(lo, Math.min(hi, Math.round(lo + (hi - lo) * size * prng.between(0.6, 1.4))));
    for (let i = 0; i < count; i++) {
      const equipment: Equipment = { id: `${site.id}-e${++e}`, siteId: site.id, name: equipmentName(template.names, i), kind: template.kind };
      estate.equipment.push(equipment);
      let p = 0;
      for (const probe of template.probes) {
        if (probe.secondaryOnly && !secondary) continue;
        const entry: Probe = { id: `${equipment.id}-p${++p}`, equipmentId: equipment.id, name: probe.name, kind: probe.kind, interval: probe.interval };
        estate.probes.push(entry);
        siteProbes.push({ probe: entry, equipment: template.kind });
      }
    }
  }
  declareDependencies(estate, siteProbes);
}

/**
 * Declared dependencies, as an Icinga 2 configuration would have them (`Dependency` objects): the
 * site's cameras are powered and connected through its first switch (PoE), so each camera depends on
 * that switch's ping. Uses no randomness: the estate is the same as without them.
 */
function declareDependencies(estate: Estate, siteProbes: ReadonlyArray<{ probe: Probe; equipment: EquipmentKind }>): void {
  const parent = siteProbes.find((p) => p.equipment === 'switch' && p.probe.kind === 'host')?.probe.id;
  if (parent === undefined) return;
  for (const { probe } of siteProbes) if (probe.kind === 'camera') (estate.dependencies ??= []).push({ parent, child: probe.id });
}

/** "Caméra parvis", "Caméra entrée", … then "Caméra parvis 2" once the names are used up. */
function equipmentName(names: readonly string[], i: number): string {
  const base = names[i % names.length] ?? 'Équipement';
  const round = Math.floor(i / names.length);
  return round === 0 ? base : `${base} ${round + 1}`;
}

