// The two committed files written from the IGN polygons are what their generators write today
// (regenerate with npm run generate:map / generate:places), small enough to ship, and complete.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodePolyline } from '../../src/protocol/polyline.ts';
import { decodeBoundaries } from '../../src/features/map/api/boundaries-file.ts';
import { BOUNDARIES_TARGET, moselleBoundariesText } from '../generate-moselle-map.ts';
import { mosellePlacesText, PLACES_TARGET } from '../generate-moselle-places.ts';

describe.each([
  ['public/map/moselle-boundaries.json', BOUNDARIES_TARGET, moselleBoundariesText, 150_000],
  ['server/sources/simulator/moselle-places.json', PLACES_TARGET, mosellePlacesText, 150_000],
])('%s', (_, target, generate, maxBytes) => {
  const committed = readFileSync(target, 'utf8');
  it('is what the generator writes', () => expect(committed === generate(), 'stale: run npm run generate:map and generate:places').toBe(true));
  it(`stays under ${maxBytes / 1000} KB`, () => expect(committed.length).toBeLessThan(maxBytes));
});

describe('the boundaries file', () => {
  const boundaries = decodeBoundaries(JSON.parse(readFileSync(BOUNDARIES_TARGET, 'utf8')));
  it('names the 23 EPCIs and 725 communes of Moselle, inside the département', () => {
    expect(boundaries.epciNames).toHaveLength(23);
    expect(boundaries.communeNames).toHaveLength(725);
    for (const p of [...boundaries.epciNames, ...boundaries.communeNames]) {
      expect(p.lat).toBeGreaterThan(48.5);
      expect(p.lat).toBeLessThan(49.6);
      expect(p.lng).toBeGreaterThan(5.85);
      expect(p.lng).toBeLessThan(7.7);
    }
    expect(boundaries.communeNames.map((c) => c.name)).toContain('Metz');
  });
  it('draws the département as one closed outline', () => {
    const file = JSON.parse(readFileSync(BOUNDARIES_TARGET, 'utf8')) as { outline: string[] };
    expect(file.outline).toHaveLength(1);
    const ring = decodePolyline(file.outline[0]!);
    expect(ring[0]).toEqual(ring[ring.length - 1]);
    expect(boundaries.epciBorders.length).toBeGreaterThan(23);
    expect(boundaries.communeBorders.length).toBeGreaterThan(500);
  });
});
