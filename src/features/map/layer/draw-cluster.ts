// A cluster: a ring split by state (the breakdown), the member count in the middle, and the worst
// state's own shape as a badge, so "1 critical among 40" is visible without colour vision.
import type { SiteCluster } from './cluster-grid.ts';
import { drawStateMarker, STATE_STYLE, STATES_BEST_FIRST } from './state-style.ts';

/** Draws the cluster (`scale`: larger on a wall) and returns its radius for hit testing. */
export function drawClusterMarker(ctx: CanvasRenderingContext2D, cluster: SiteCluster, x: number, y: number, scale = 1): number {
  const n = cluster.ids.length;
  const r = Math.min(26, 13 + Math.sqrt(n) * 1.6) * scale;
  ctx.beginPath();
  ctx.arc(x, y, r, 0, Math.PI * 2);
  ctx.fillStyle = '#0f172a';
  ctx.fill();

  let start = -Math.PI / 2;
  ctx.lineWidth = 5 * scale;
  for (const state of STATES_BEST_FIRST) {
    const count = cluster.counts[state];
    if (count === 0) continue;
    // Problems get at least a visible slice, however small their share.
    const sweep = Math.max((count / n) * Math.PI * 2, state === 'OK' || state === 'PENDING' ? 0 : 0.5);
    ctx.beginPath();
    ctx.arc(x, y, r - 3 * scale, start, Math.min(start + sweep, start + Math.PI * 2));
    ctx.strokeStyle = STATE_STYLE[state].color;
    ctx.stroke();
    start += sweep;
  }

  ctx.fillStyle = '#f8fafc';
  ctx.font = `600 ${(n >= 100 ? 11 : 12) * scale}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(String(n), x, y + 0.5);

  if (cluster.worst !== 'OK') drawStateMarker(ctx, cluster.worst, x + r * 0.78, y - r * 0.78, 0.85 * scale);
  return r;
}
