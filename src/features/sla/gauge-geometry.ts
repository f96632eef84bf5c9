// The gauge is a half circle. Availability lives near 100 %, so the arc spans [floor, 100 %]
// instead of [0, 100 %]: at 0–100 the 96 % target would sit in the last sliver and every value would
// look the same. Values under the floor pin to the left end; the number beside says the truth.
export const GAUGE_FLOOR = 0.9;

/** 0 at the left end of the arc, 1 at the right end. */
export function gaugePosition(ratio: number, floor = GAUGE_FLOOR): number {
  return Math.min(1, Math.max(0, (ratio - floor) / (1 - floor)));
}

/** Point on the half circle (centre cx, cy; radius r) at position t ∈ [0, 1], left to right over the top. */
export function arcPoint(t: number, cx: number, cy: number, r: number): { x: number; y: number } {
  const angle = Math.PI * (1 - t);
  return { x: cx + r * Math.cos(angle), y: cy - r * Math.sin(angle) };
}

/** SVG path of the arc from position a to b (a ≤ b). */
export function arcPath(a: number, b: number, cx: number, cy: number, r: number): string {
  const p = arcPoint(a, cx, cy, r);
  const q = arcPoint(b, cx, cy, r);
  return `M ${p.x.toFixed(2)} ${p.y.toFixed(2)} A ${r} ${r} 0 0 1 ${q.x.toFixed(2)} ${q.y.toFixed(2)}`;
}
