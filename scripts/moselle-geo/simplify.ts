// Douglas–Peucker in metres, for the boundary generators. Applied to each arc of a topology (the
// piece of border between two junctions), so neighbouring communes keep one shared, identical
// border after simplification. The bound it gives is what the simulator's site placement relies
// on: every dropped point lies within `toleranceM` of the simplified line, and back.
import { segmentDistanceM, type LngLat } from '../../src/domain/geo.ts';

function simplifyOpen(points: readonly LngLat[], toleranceM: number): LngLat[] {
  if (points.length <= 2) return [...points];
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [first, last] = stack.pop()!;
    let farthest = -1;
    let distance = toleranceM;
    for (let i = first + 1; i < last; i++) {
      const d = segmentDistanceM(points[i]!, points[first]!, points[last]!);
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([first, farthest], [farthest, last]);
  }
  return points.filter((_, i) => keep[i] === 1);
}

/**
 * The line with only the points needed to stay within `toleranceM` of it; both ends are kept. A
 * closed line (first point = last) is split at its point farthest from the start, so it keeps at
 * least three corners and stays a ring.
 */
export function simplifyLine(points: readonly LngLat[], toleranceM: number): LngLat[] {
  const first = points[0];
  const last = points[points.length - 1];
  const closed = points.length > 3 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
  if (!closed) return simplifyOpen(points, toleranceM);
  let split = 1;
  let farthest = -1;
  for (let i = 1; i < points.length - 1; i++) {
    const d = segmentDistanceM(points[i]!, first, first);
    if (d > farthest) {
      farthest = d;
      split = i;
    }
  }
  const head = simplifyOpen(points.slice(0, split + 1), toleranceM);
  const tail = simplifyOpen(points.slice(split), toleranceM);
  const ring = [...head, ...tail.slice(1)];
  // A ring needs three distinct corners: one that DP reduced to a back-and-forth stays as it was.
  if (ring.length < 4) return [...points];
  return ring;
}
