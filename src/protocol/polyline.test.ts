import { describe, expect, it } from 'vitest';
import { decodePolyline, encodePolyline, type LngLat } from './polyline.ts';

describe('polyline codec', () => {
  it.each<[string, LngLat[], string]>([
    // Google's documented example (lat, lng order inside the string).
    ['the reference example', [[-120.2, 38.5], [-120.95, 40.7], [-126.453, 43.252]], '_p~iF~ps|U_ulLnnqC_mqNvxq`@'],
    ['no point', [], ''],
  ])('encodes %s', (_, points, text) => {
    expect(encodePolyline(points)).toBe(text);
    expect(decodePolyline(text)).toEqual(points.map(([x, y]) => [x, y]));
  });

  it('round-trips Moselle coordinates to the metre, negative deltas included', () => {
    const line: LngLat[] = [[6.17591, 49.11961], [6.17001, 49.12042], [7.63529, 48.52713], [5.89371, 49.50917]];
    const back = decodePolyline(encodePolyline(line));
    back.forEach(([x, y], i) => {
      expect(x).toBeCloseTo(line[i]![0], 5);
      expect(y).toBeCloseTo(line[i]![1], 5);
    });
  });

  it.each([
    ['a truncated value', '_p~iF~ps|'],
    ['a character outside the alphabet', '_p~iF ps|U'],
  ])('refuses %s', (_, text) => expect(() => decodePolyline(text)).toThrow());
});
