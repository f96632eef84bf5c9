// Every site the simulator generates stands inside its real commune: checked against the IGN
// polygons as published (not the simplified shapes the simulator works with), for both estate
// scales and a few seeds, every commune of Moselle included.
import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import { insidePolygons, type Rings } from '../../src/domain/geo.ts';
import { generateEstate, type EstateScale } from '../../server/sources/simulator/estate.ts';
import { MOSELLE_COMMUNES } from '../../server/sources/simulator/places.ts';
import { joinCurrentCommunes } from './current-communes.ts';
import { readMoselleSources } from './read-sources.ts';

const sources = readMoselleSources();
const join = joinCurrentCommunes(
  sources.ignCommunes.map((c) => c.code),
  sources.communes,
  sources.epcis,
);
const polygonsOf = (g: Polygon | MultiPolygon): Rings[] => (g.type === 'Polygon' ? [g.coordinates as unknown as Rings] : (g.coordinates as unknown as Rings[]));
/** Today's INSEE code → the true polygons of its 2018 pieces. */
const truth = new Map<string, Rings[]>();
for (const c of sources.ignCommunes) {
  const insee = join.currentOf.get(c.code)!;
  truth.set(insee, [...(truth.get(insee) ?? []), ...polygonsOf(c.geometry)]);
}

describe('simulated sites stand inside their real commune', () => {
  it('the places file knows every current Moselle commune, each point inside its IGN polygon', () => {
    expect(MOSELLE_COMMUNES).toHaveLength(join.communes.length);
    const outside = MOSELLE_COMMUNES.filter((c) => !insidePolygons([c.lng, c.lat], truth.get(c.insee) ?? []));
    expect(outside.map((c) => c.name)).toEqual([]);
  });

  it.each<[EstateScale, number]>([
    ['small', 1],
    ['moselle', 1],
    ['moselle', 57],
    ['moselle', 2026],
  ])('%s estate, seed %i: every site', (scale, seed) => {
    const estate = generateEstate({ seed, scale });
    const inseeOf = new Map(estate.collectivites.map((c) => [c.id, c.insee]));
    const outside = estate.sites.filter((s) => !insidePolygons([s.lng, s.lat], truth.get(inseeOf.get(s.collectiviteId)!) ?? []));
    expect(estate.sites.length).toBeGreaterThan(scale === 'small' ? 100 : 2_000);
    expect(outside.map((s) => `${s.id} ${s.name}`)).toEqual([]);
  });

  it('spreads a town’s sites rather than stacking them on the town hall', () => {
    const estate = generateEstate({ seed: 1, scale: 'moselle' });
    const positions = new Set(estate.sites.map((s) => `${s.lat},${s.lng}`));
    expect(positions.size / estate.sites.length).toBeGreaterThan(0.95);
  });
});
