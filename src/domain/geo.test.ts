import { describe, expect, it } from 'vitest';
import { borderDistanceM, insidePolygons, M_PER_DEG_LAT, segmentDistanceM, type LngLat, type Rings } from './geo.ts';

// A 0.1° square with a 0.02° square hole, and a separate island.
const square: Rings = [
  [[6, 49], [6.1, 49], [6.1, 49.1], [6, 49.1], [6, 49]],
  [[6.04, 49.04], [6.06, 49.04], [6.06, 49.06], [6.04, 49.06], [6.04, 49.04]],
];
const island: Rings = [[[7, 49], [7.01, 49], [7.01, 49.01], [7, 49]]];

describe('insidePolygons', () => {
  it.each<[string, LngLat, boolean]>([
    ['inside the square', [6.01, 49.01], true],
    ['in the hole', [6.05, 49.05], false],
    ['on the island', [7.008, 49.002], true],
    ['outside everything', [6.5, 49.5], false],
  ])('%s', (_, p, expected) => expect(insidePolygons(p, [square, island])).toBe(expected));
});

describe('distances in metres', () => {
  it('measures a point due north of a segment', () => {
    expect(segmentDistanceM([6.05, 49.01], [6, 49], [6.1, 49])).toBeCloseTo(0.01 * M_PER_DEG_LAT, 3);
  });
  it('finds the nearest border, holes included', () => {
    expect(borderDistanceM([6.05, 49.035], [square])).toBeCloseTo(0.005 * M_PER_DEG_LAT, 3);
  });
});
