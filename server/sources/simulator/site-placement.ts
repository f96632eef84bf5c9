// Where the simulator puts a commune's sites: the town hall on the commune's own point (well inside
// it), the others scattered around it like a village or a town spreads, each kept inside the real
// commune. The shapes at hand are simplified by SHAPE_TOLERANCE_M, so a point is only accepted that
// far (plus a margin) inside the simplified border: then it is inside the true one as well.
import { borderDistanceM, insidePolygons, M_PER_DEG_LAT, M_PER_DEG_LNG, type LngLat } from '../../../src/domain/geo.ts';
import type { CommunePlace } from './places.ts';
import { SHAPE_TOLERANCE_M } from './places.ts';
import type { Prng } from './prng.ts';

/** Extra distance from the simplified border, beyond its tolerance (rounding to 1e-6°, and room). */
const MARGIN_M = 25;
const TRIES = 40;

/** Accepts a point that lies inside the commune with room to spare. */
export function wellInside(p: LngLat, commune: CommunePlace): boolean {
  return insidePolygons(p, commune.shape) && borderDistanceM(p, commune.shape) >= SHAPE_TOLERANCE_M + MARGIN_M;
}

/**
 * A position for the commune's site number `index` (0: the town hall): around the commune's point
 * within `spreadKm`, drawn again (closer each time) until it falls well inside the commune; if the
 * commune is too narrow for that, the commune's own point.
 */
export function placeSite(prng: Prng, commune: CommunePlace, index: number, spreadKm: number): { lat: number; lng: number } {
  if (index > 0) {
    for (let attempt = 0; attempt < TRIES; attempt++) {
      const reach = spreadKm * 1000 * (1 - attempt / TRIES);
      const distanceM = reach * Math.sqrt(prng.between(0.02, 1));
      const angle = prng.between(0, 2 * Math.PI);
      const p: LngLat = [round6(commune.lng + (distanceM * Math.cos(angle)) / M_PER_DEG_LNG), round6(commune.lat + (distanceM * Math.sin(angle)) / M_PER_DEG_LAT)];
      if (wellInside(p, commune)) return { lat: p[1], lng: p[0] };
    }
  }
  return { lat: commune.lat, lng: commune.lng };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
