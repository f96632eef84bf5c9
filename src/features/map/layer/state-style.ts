// How a state looks on the map: colour AND shape, so the map reads without colour vision
// (OK circle, WARNING triangle, CRITICAL square, UNKNOWN diamond, PENDING hollow circle).
// Drawn on canvas for markers and as SVG in the legend, from this one table. A site under planned
// work keeps its state's marker and gets a dashed ring around it (a pattern, not only a colour).
import type { ProbeState } from '../../../domain/model.ts';

export type MarkerShape = 'circle' | 'triangle' | 'square' | 'diamond' | 'ring';

export interface StateStyle {
  color: string;
  shape: MarkerShape;
  /** Half-size in CSS pixels: problems are drawn larger so they stand out. */
  radius: number;
}

export const STATE_STYLE: Record<ProbeState, StateStyle> = {
  OK: { color: '#22c55e', shape: 'circle', radius: 5 },
  WARNING: { color: '#f59e0b', shape: 'triangle', radius: 8 },
  CRITICAL: { color: '#ef4444', shape: 'square', radius: 8 },
  UNKNOWN: { color: '#94a3b8', shape: 'diamond', radius: 7 },
  PENDING: { color: '#cbd5e1', shape: 'ring', radius: 5 },
};

/** Legend and draw order, worst last so it paints on top. */
export const STATES_BEST_FIRST: readonly ProbeState[] = ['OK', 'PENDING', 'UNKNOWN', 'WARNING', 'CRITICAL'];

/** Traces the shape centred on (x, y); the caller fills and strokes. */
export function traceShape(ctx: CanvasRenderingContext2D, shape: MarkerShape, x: number, y: number, r: number): void {
  ctx.beginPath();
  switch (shape) {
    case 'circle':
    case 'ring':
      ctx.arc(x, y, r, 0, Math.PI * 2);
      break;
    case 'triangle':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r * 1.1, y + r * 0.85);
      ctx.lineTo(x - r * 1.1, y + r * 0.85);
      ctx.closePath();
      break;
    case 'square':
      ctx.rect(x - r * 0.9, y - r * 0.9, r * 1.8, r * 1.8);
      break;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.2);
      ctx.lineTo(x + r * 1.2, y);
      ctx.lineTo(x, y + r * 1.2);
      ctx.lineTo(x - r * 1.2, y);
      ctx.closePath();
      break;
  }
}

export function drawStateMarker(ctx: CanvasRenderingContext2D, state: ProbeState, x: number, y: number, scale = 1): void {
  const style = STATE_STYLE[state];
  traceShape(ctx, style.shape, x, y, style.radius * scale);
  if (style.shape === 'ring') {
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = style.color;
    ctx.stroke();
    return;
  }
  ctx.fillStyle = style.color;
  ctx.fill();
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#0f172a';
  ctx.stroke();
}

/** SVG path data for the legend (24×24 box), same shapes as the canvas. */
export function shapeSvgPath(shape: MarkerShape): string {
  switch (shape) {
    case 'circle':
    case 'ring':
      return 'M12 5a7 7 0 1 0 0.001 0Z';
    case 'triangle':
      return 'M12 3.5 21 19.5H3Z';
    case 'square':
      return 'M4.5 4.5h15v15h-15Z';
    case 'diamond':
      return 'M12 2.5 21.5 12 12 21.5 2.5 12Z';
  }
}

/** Planned work on a site: a dashed ring (sky, like the maintenance badges), distinct from the solid selection ring. */
export const MAINTENANCE_STYLE = { color: '#7dd3fc', dash: [3, 2.5], width: 2, gap: 4 } as const;

/** The maintenance ring around a marker of radius `r` centred on (x, y). */
export function drawMaintenanceRing(ctx: CanvasRenderingContext2D, x: number, y: number, r: number, scale = 1): void {
  ctx.save();
  ctx.beginPath();
  ctx.arc(x, y, r + MAINTENANCE_STYLE.gap * scale, 0, Math.PI * 2);
  ctx.setLineDash(MAINTENANCE_STYLE.dash.map((d) => d * scale));
  ctx.lineWidth = MAINTENANCE_STYLE.width * scale;
  ctx.strokeStyle = MAINTENANCE_STYLE.color;
  ctx.stroke();
  ctx.restore();
}
