import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { joinPlaces, placeKey } from './moselle-places-join.ts';

describe('placeKey', () => {
  it.each([
    ['Montigny-lès-Metz', 'Montigny les Metz'],
    ["L'Hôpital", 'L hopital'],
    ['SAINT-AVOLD', 'Saint Avold'],
  ])('matches %s with %s', (a, b) => expect(placeKey(a)).toBe(placeKey(b)));

  it('keeps different names apart', () => expect(placeKey('Metz')).not.toBe(placeKey('Metzing')));
});

describe('joinPlaces', () => {
  const geo = [
    { name: 'Alpha', lat: 49.1, lng: 6.1 },
    { name: 'Béta', lat: 49.2, lng: 6.3 },
  ];
  const communes = ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon'].map((name, i) => ({ insee: `5700${i}`, name, population: 100 * (i + 1) }));
  const placed = joinPlaces(geo, communes, [{ code: 'E1', name: 'CC Test', members: communes.map((c) => c.insee) }]);

  it('keeps GeoNames positions for known communes, accents aside', () => {
    expect(placed.filter((c) => !c.approximate).map((c) => [c.name, c.lat, c.lng])).toEqual([
      ['Alpha', 49.1, 6.1],
      ['Beta', 49.2, 6.3],
    ]);
  });

  it('places the others near their EPCI, flagged approximate, apart from each other', () => {
    const approximate = placed.filter((c) => c.approximate);
    expect(approximate.map((c) => c.name)).toEqual(['Gamma', 'Delta', 'Epsilon']);
    for (const c of approximate) {
      expect(Math.abs(c.lat - 49.15)).toBeLessThan(0.1);
      expect(Math.abs(c.lng - 6.2)).toBeLessThan(0.15);
    }
    const keys = new Set(placed.map((c) => `${c.lat},${c.lng}`));
    expect(keys.size).toBe(placed.length);
    expect(placed.every((c) => c.epci === 'E1')).toBe(true);
  });
});

describe('the committed server/sources/simulator/moselle-places.json', () => {
  const path = join(import.meta.dirname, '..', 'server', 'sources', 'simulator', 'moselle-places.json');
  const data = JSON.parse(readFileSync(path, 'utf8')) as {
    epcis: Array<{ code: string; name: string }>;
    communes: Array<{ insee: string; epci: string; lat: number; lng: number; approximate: boolean; population: number }>;
  };

  it('stays small enough to ship to the browser', () => expect(statSync(path).size).toBeLessThan(150_000));

  it('lists the 725 Moselle communes once each, all in a known EPCI and within the département', () => {
    expect(data.communes).toHaveLength(725);
    expect(new Set(data.communes.map((c) => c.insee)).size).toBe(725);
    const epcis = new Set(data.epcis.map((e) => e.code));
    for (const c of data.communes) {
      expect(c.insee).toMatch(/^57\d{3}$/);
      expect(epcis.has(c.epci)).toBe(true);
      expect(c.lat).toBeGreaterThan(48.5);
      expect(c.lat).toBeLessThan(49.6);
      expect(c.lng).toBeGreaterThan(5.85);
      expect(c.lng).toBeLessThan(7.7);
    }
    expect(data.communes.filter((c) => !c.approximate).length).toBeGreaterThan(150);
  });
});
