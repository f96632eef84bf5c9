// Plane geometry at Moselle's scale, in metres: a local equirectangular projection at 49° N (the
// error across the département is under 1 %). Shared by the boundary generators (simplification)
// and the simulator (a site placed inside its commune). Pure.

/** [longitude, latitude], GeoJSON order. */
export type LngLat = readonly [number, number];
/** Rings of one polygon, outer first, then holes. */
export type Rings = ReadonlyArray<ReadonlyArray<LngLat>>;

export const M_PER_DEG_LAT = 111_320;
export const M_PER_DEG_LNG = M_PER_DEG_LAT * Math.cos((49 * Math.PI) / 180);

/** Distance in metres from p to the segment a–b. */
export function segmentDistanceM(p: LngLat, a: LngLat, b: LngLat): number {
  const ax = a[0] * M_PER_DEG_LNG;
  const ay = a[1] * M_PER_DEG_LAT;
  const dx = b[0] * M_PER_DEG_LNG - ax;
  const dy = b[1] * M_PER_DEG_LAT - ay;
  const px = p[0] * M_PER_DEG_LNG - ax;
  const py = p[1] * M_PER_DEG_LAT - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, (px * dx + py * dy) / length2));
  return Math.hypot(px - t * dx, py - t * dy);
}

/** Whether p lies inside any of the polygons (even–odd rule: a hole's inside is outside). */
export function insidePolygons(p: LngLat, polygons: readonly Rings[]): boolean {
  return polygons.some((rings) => {
    let inside = false;
    for (const ring of rings) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    return inside;
  });
}

/** Distance in metres from p to the nearest border of the polygons. */
export function borderDistanceM(p: LngLat, polygons: readonly Rings[]): number {
  let best = Infinity;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) best = Math.min(best, segmentDistanceM(p, ring[i - 1]!, ring[i]!));
    }
  }
  return best;
}
