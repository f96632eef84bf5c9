import { describe, expect, it } from 'vitest';
import { subscriptionPack } from '../../../src/domain/contribution.ts';
import { estateSchema, type Estate } from '../../../src/protocol/schemas.ts';
import { townHallName } from './estate-templates.ts';
import { generateEstate } from './estate.ts';
import { MOSELLE_COMMUNES } from './places.ts';

function probesPerCollectivite(estate: Estate): Map<string, number> {
  const siteOf = new Map(estate.sites.map((s) => [s.id, s.collectiviteId]));
  const collectiviteOf = new Map(estate.equipment.map((e) => [e.id, siteOf.get(e.siteId)]));
  const counts = new Map(estate.collectivites.map((c) => [c.id, 0]));
  for (const p of estate.probes) {
    const c = collectiviteOf.get(p.equipmentId) as string;
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  return counts;
}

const kmBetween = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
  Math.hypot((a.lat - b.lat) * 111.2, (a.lng - b.lng) * 111.2 * Math.cos((a.lat * Math.PI) / 180));

describe('generateEstate', () => {
  const small = generateEstate({ seed: 1, scale: 'small' });

  it('is deterministic for a seed and differs with another seed', () => {
    expect(generateEstate({ seed: 1, scale: 'small' })).toEqual(small);
    const other = generateEstate({ seed: 2, scale: 'small' });
    expect(other.collectivites.map((c) => c.id)).not.toEqual(small.collectivites.map((c) => c.id));
  });

  it('passes the contract and keeps every reference and id pattern straight', () => {
    expect(estateSchema.safeParse(small).success).toBe(true);
    const ids = [small.collectivites, small.sites, small.equipment, small.probes].flat().map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    const collectivites = new Set(small.collectivites.map((c) => c.id));
    const sites = new Set(small.sites.map((s) => s.id));
    const equipment = new Set(small.equipment.map((e) => e.id));
    for (const c of small.collectivites) expect(c.id).toBe(`c-${c.insee}`);
    for (const s of small.sites) expect(collectivites.has(s.collectiviteId) && s.id.startsWith(`${s.collectiviteId}-s`)).toBe(true);
    for (const e of small.equipment) expect(sites.has(e.siteId) && e.id.startsWith(`${e.siteId}-e`)).toBe(true);
    for (const p of small.probes) expect(equipment.has(p.equipmentId) && p.id.startsWith(`${p.equipmentId}-p`)).toBe(true);
  });

  it('builds the small estate on Moselle communes, each at its own point and with its EPCI', () => {
    expect(small.collectivites).toHaveLength(60);
    const communes = new Map(MOSELLE_COMMUNES.map((c) => [c.insee, c]));
    for (const c of small.collectivites) {
      const commune = communes.get(c.insee);
      expect(commune && c.epci && [c.lat, c.lng]).toEqual([commune?.lat, commune?.lng]);
    }
    // Every site inside its real commune: scripts/moselle-geo/sites-in-communes.test.ts.
  });

  it('puts a town hall first in every collectivité and every site near its commune', () => {
    const byId = new Map(small.collectivites.map((c) => [c.id, c]));
    for (const s of small.sites) {
      const c = byId.get(s.collectiviteId);
      if (!c) throw new Error(`orphan site ${s.id}`);
      expect(kmBetween(s, c)).toBeLessThan(4);
      if (s.id.endsWith('-s1')) expect(s.kind).toBe('mairie');
    }
  });

  it('gives every collectivité probes, and bigger towns bigger subscription packs', () => {
    const counts = probesPerCollectivite(small);
    const population = new Map(MOSELLE_COMMUNES.map((c) => [`c-${c.insee}`, c.population]));
    for (const [, n] of counts) expect(n).toBeGreaterThanOrEqual(1);
    const byPopulation = [...counts].sort((a, b) => (population.get(a[0]) ?? 0) - (population.get(b[0]) ?? 0));
    const packOf = (entries: typeof byPopulation) => entries.reduce((sum, [, n]) => sum + subscriptionPack(n), 0) / entries.length;
    expect(packOf(byPopulation.slice(-10))).toBeGreaterThan(packOf(byPopulation.slice(0, 10)));
    expect(new Set(byPopulation.map(([, n]) => subscriptionPack(n))).size).toBeGreaterThan(2);
  });

  it('generates the moselle scale (500 collectivités, ~2,500 sites, ~50,000 probes) in a few seconds', () => {
    const t0 = performance.now();
    const moselle = generateEstate({ seed: 1, scale: 'moselle' });
    const ms = performance.now() - t0;
    console.log(
      `moselle estate: ${moselle.collectivites.length} collectivités, ${moselle.sites.length} sites, ` +
        `${moselle.equipment.length} equipment, ${moselle.probes.length} probes in ${ms.toFixed(0)} ms`,
    );
    expect(moselle.collectivites).toHaveLength(500);
    expect(moselle.sites.length).toBeGreaterThan(2_000);
    expect(moselle.sites.length).toBeLessThan(3_000);
    expect(moselle.probes.length).toBeGreaterThan(40_000);
    expect(moselle.probes.length).toBeLessThan(60_000);
    expect(ms).toBeLessThan(5_000);
  });
});

describe('townHallName', () => {
  it.each([
    ['Metz', 'Mairie de Metz'],
    ['Amnéville', "Mairie d'Amnéville"],
    ['Le Ban-Saint-Martin', 'Mairie du Ban-Saint-Martin'],
    ['Les Étangs', 'Mairie des Étangs'],
    ['La Maxe', 'Mairie de La Maxe'],
    ['Yutz', "Mairie d'Yutz"],
  ])('%s → %s', (commune, expected) => expect(townHallName(commune)).toBe(expected));
});
