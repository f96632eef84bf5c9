import type { ProbeState } from '../../../domain/model.ts';
import { shapeSvgPath, STATE_STYLE } from '../layer/state-style.ts';

/** The map's marker for a state, as inline SVG (legend, panels, lists). */
export function StateShape({ state, size = 16 }: { state: ProbeState; size?: number }) {
  const style = STATE_STYLE[state];
  const hollow = style.shape === 'ring';
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" aria-hidden="true" className="shrink-0">
      <path d={shapeSvgPath(style.shape)} fill={hollow ? 'none' : style.color} stroke={hollow ? style.color : '#0f172a'} strokeWidth={hollow ? 3 : 1.5} />
    </svg>
  );
}
