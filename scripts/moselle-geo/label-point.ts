// A point well inside a polygon, for a name on the map and for a commune's town hall in the
// simulator: the pole of inaccessibility (polylabel) of its largest part, computed in metres so
// that "far from every border" means the same north–south and east–west.
import polylabel from 'polylabel';
import { M_PER_DEG_LAT, M_PER_DEG_LNG } from '../../src/domain/geo.ts';
import { areaKm2, type Rings } from './boundaries.ts';

export interface LabelPoint {
  lng: number;
  lat: number;
  /** Distance to the nearest border of that part, in metres. */
  clearanceM: number;
}

export function labelPoint(polygons: readonly Rings[]): LabelPoint {
  const largest = [...polygons].sort((a, b) => areaKm2([b]) - areaKm2([a]))[0];
  if (!largest) throw new Error('no polygon to label');
  const metres = largest.map((ring) => ring.map(([x, y]) => [x * M_PER_DEG_LNG, y * M_PER_DEG_LAT] as [number, number]));
  const pole = polylabel(metres, 5);
  return { lng: round5(pole[0] / M_PER_DEG_LNG), lat: round5(pole[1] / M_PER_DEG_LAT), clearanceM: pole.distance };
}

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

